import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { docxToHtml } from './docx.server';

// tests/fixtures/docx/wehrdienst.docx is made by make-fixture.py beside it (Title and heading styles).
const fixture = readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/docx/wehrdienst.docx'));

describe('docxToHtml', () => {
  test('Word headings and the Title style become HTML headings; paragraphs stay paragraphs', async () => {
    const html = await docxToHtml(fixture);
    expect(html).toContain('<h1>Der neue Wehrdienst: Was sich ab Januar ändert</h1>');
    expect(html).toContain('<h1>Der Fragebogen</h1>');
    expect(html).toContain('<h2>Kritik der Opposition</h2>');
    expect(html).toContain('<p>Für junge Frauen ist die Beantwortung freiwillig.');
  });

  test('what is not a readable .docx is null: cut off, not a zip, a zip without a document', async () => {
    expect(await docxToHtml(fixture.subarray(0, 1000))).toBeNull();
    expect(await docxToHtml(Buffer.from('Ein Text, kein Word-Dokument.'))).toBeNull();
    expect(await docxToHtml(Buffer.alloc(0))).toBeNull();
    // The fixture with its document part renamed: still a zip, but not a Word file.
    const renamed = Buffer.from(
      fixture.toString('latin1').replaceAll('word/document.xml', 'word/dokument.xml'),
      'latin1',
    );
    expect(await docxToHtml(renamed)).toBeNull();
  });

  test('a zip whose entries would unpack beyond the limit is refused before unpacking', async () => {
    const bomb = Buffer.from(fixture);
    // Every central directory entry (PK\1\2) claims 2 GB unpacked.
    for (let at = bomb.indexOf('PK\u0001\u0002'); at >= 0; at = bomb.indexOf('PK\u0001\u0002', at + 4))
      bomb.writeUInt32LE(0x7fffffff, at + 24);
    expect(await docxToHtml(bomb)).toBeNull();
  });
});
