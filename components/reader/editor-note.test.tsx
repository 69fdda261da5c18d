import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '@/components/i18n/i18n-provider.client';
import { resourcesFor } from '@/lib/i18n/server';
import { EditorNote } from './editor-note.client';

const render = (note: string, tabbable = true) =>
  renderToStaticMarkup(
    <I18nProvider locale="de" resources={resourcesFor('de', ['reader'])}>
      <EditorNote anchor="p2-s1" note={note} tabbable={tabbable} />
    </I18nProvider>,
  );

describe("an editor's note in the reader", () => {
  test('a real button opens its popover, which it names and says is closed', () => {
    const html = render('Read “East Palestine, Ohio”.');
    // HTML attribute names are case-insensitive: React writes popoverTarget as it is spelled.
    expect(html).toMatch(/<button type="button" class="note__marker" popoverTarget="note-p2-s1"[^>]*>/);
    expect(html).toContain('Anmerkung der Redaktion</button>');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-controls="note-p2-s1"');
    expect(html).toMatch(/<div id="note-p2-s1" popover="auto" role="note" aria-labelledby="note-p2-s1-title"/);
    expect(html).toContain('<p lang="en" class="note__text">Read “East Palestine, Ohio”.</p>');
  });

  test('the note is text, never markup', () => {
    const html = render('<img src=x onerror=alert(1)> & <b>bold</b>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
  });

  test('the marker is in the tab order only while its sentence is the current one', () => {
    expect(render('A note.', true)).toMatch(/class="note__marker"[^>]*tabindex="0"/);
    expect(render('A note.', false)).toMatch(/class="note__marker"[^>]*tabindex="-1"/);
  });
});
