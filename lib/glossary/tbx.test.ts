import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { checkFile, formatOf } from './exchange';
import { GlossaryContentSchema, type TermContent } from './schema';
import { conceptId, escapeAttribute, escapeText, glossaryToTbx, parseTbx, TBX_NAMESPACE } from './tbx';

const HEADER = { title: 'Lesebrücke glossary', description: 'Approved entries, 4 December 2026' };
// The seed glossary as the database keeps it (domains in order).
const SEED = GlossaryContentSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../prisma/content/glossary.json'), 'utf8')),
).map((entry) => ({ ...entry, domains: entry.domains.toSorted() }));

const noun: TermContent = {
  lemma: 'Abschreckung',
  kind: 'noun',
  gender: 'f',
  plural: 'Abschreckungen',
  genitive: 'der Abschreckung',
  separable: false,
  english: { preferred: 'deterrence', alternatives: ['deterrent effect'] },
  definitionEn: 'Preventing an attack by the threat of retaliation.',
  definitionDe: 'Verhinderung eines Angriffs durch Androhung von Vergeltung.',
  usageNote: 'Often "nukleare Abschreckung".',
  domains: ['arms-control', 'military'],
  related: ['abschrecken'],
  variants: ['Abschreckungswirkung'],
  source: 'Duden',
  sourceUrl: 'https://www.duden.de/rechtschreibung/Abschreckung',
  grammarOverride: null,
};
const verb: TermContent = {
  lemma: 'abschrecken',
  kind: 'verb',
  gender: null,
  plural: null,
  genitive: null,
  separable: true,
  english: { preferred: 'deter', alternatives: [] },
  definitionEn: 'To discourage by fear.',
  definitionDe: 'Durch Furcht abhalten.',
  usageNote: null,
  domains: ['military'],
  related: [],
  variants: [],
  source: 'DWDS',
  sourceUrl: null,
  grammarOverride: 'The dictionary lacks the verb; separable like "schrecken … ab".',
};

const xml = (entries: TermContent[]) => glossaryToTbx(entries, HEADER);
const contents = (text: string) => parseTbx(text).entries.map((entry) => entry.content);
/** A document with one conceptEntry's part replaced. */
const edited = (entries: TermContent[], from: string | RegExp, to: string) => xml(entries).replace(from, to);

describe('glossaryToTbx', () => {
  test('is a TBX-Basic document in DCA style, with a header', () => {
    const document = new JSDOM(xml([noun]), { contentType: 'application/xml' }).window.document;
    const root = document.documentElement;
    expect([root.localName, root.namespaceURI, root.getAttribute('type'), root.getAttribute('style')]).toEqual([
      'tbx',
      TBX_NAMESPACE,
      'TBX-Basic',
      'dca',
    ]);
    expect(document.querySelector('tbxHeader fileDesc titleStmt title')?.textContent).toBe(HEADER.title);
    expect(document.querySelector('tbxHeader fileDesc sourceDesc p')?.textContent).toBe(HEADER.description);
  });

  test('writes every field of an entry as its data category', () => {
    const text = xml([noun, verb]);
    const document = new JSDOM(text, { contentType: 'application/xml' }).window.document;
    const concept = document.getElementById(conceptId('Abschreckung'))!;
    const notes = (selector: string) => [...concept.querySelectorAll(selector)].map((node) => node.textContent);
    expect(notes(':scope > descrip[type="subjectField"]')).toEqual(['arms-control', 'military']);
    expect(notes(':scope > admin[type="source"]')).toEqual(['Duden']);
    expect(concept.querySelector(':scope > xref[type="externalCrossReference"]')?.getAttribute('target')).toBe(
      noun.sourceUrl,
    );
    expect(notes(':scope > note')).toEqual([noun.usageNote]);
    const ref = concept.querySelector(':scope > ref[type="crossReference"]')!;
    expect([ref.textContent, ref.getAttribute('target')]).toEqual(['abschrecken', conceptId('abschrecken')]);
    const [lemma, variant] = concept.querySelectorAll('langSec[*|lang="de"] > termSec');
    expect(lemma!.querySelector('term')?.textContent).toBe('Abschreckung');
    expect(
      [...lemma!.querySelectorAll('termNote')].map((note) => `${note.getAttribute('type')}=${note.textContent}`),
    ).toEqual([
      'partOfSpeech=noun',
      'grammaticalGender=feminine',
      'x-kind=noun',
      'x-plural=Abschreckungen',
      'x-genitive=der Abschreckung',
    ]);
    expect(variant!.querySelector('termNote[type="termType"]')?.textContent).toBe('variant');
    expect(notes('langSec[*|lang="de"] > descrip[type="definition"]')).toEqual([noun.definitionDe]);
    expect(notes('langSec[*|lang="en"] > descrip[type="definition"]')).toEqual([noun.definitionEn]);
    expect(
      [...concept.querySelectorAll('langSec[*|lang="en"] > termSec')].map(
        (sec) => `${sec.querySelector('term')?.textContent}:${sec.querySelector('termNote')?.textContent}`,
      ),
    ).toEqual(['deterrence:preferredTerm-admn-sts', 'deterrent effect:admittedTerm-admn-sts']);
    const verbNotes = [...document.getElementById(conceptId('abschrecken'))!.querySelectorAll('termNote')];
    expect(verbNotes.map((note) => `${note.getAttribute('type')}=${note.textContent}`)).toEqual([
      'partOfSpeech=verb',
      'x-kind=verb',
      'x-separable=yes',
      `x-grammarOverride=${verb.grammarOverride}`,
      'administrativeStatus=preferredTerm-admn-sts',
    ]);
  });

  test('a related entry outside the file is named, without a target', () => {
    const document = new JSDOM(xml([noun]), { contentType: 'application/xml' }).window.document;
    const ref = document.querySelector('ref[type="crossReference"]')!;
    expect([ref.textContent, ref.hasAttribute('target')]).toEqual(['abschrecken', false]);
  });

  test('ids are XML names, distinct per lemma', () => {
    expect(conceptId('rote Linie')).toBe('c-rote_20_Linie');
    expect(conceptId('Verbündeter')).toBe('c-Verb_fc_ndeter');
    expect(conceptId('a_b')).not.toBe(conceptId('a b'));
    expect(conceptId('einen Keil zwischen … treiben')).toMatch(/^[A-Za-z][A-Za-z0-9._-]*$/);
  });
});

describe('escaping', () => {
  test('markup, quotes and the whitespace a parser would change are escaped', () => {
    expect(escapeText('a < b && c > "d"\r\n')).toBe('a &lt; b &amp;&amp; c &gt; "d"&#13;\n');
    expect(escapeAttribute(`x="1" & y='2'\t\n`)).toBe('x=&quot;1&quot; &amp; y=&apos;2&apos;&#9;&#10;');
  });

  test('characters XML cannot hold become U+FFFD', () => {
    expect(escapeText('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
  });

  test('hostile text survives the round trip as text', () => {
    const hostile: TermContent = {
      ...noun,
      lemma: 'Ab<schreckung>',
      english: { preferred: 'a & b', alternatives: ['"quoted"', "it's"] },
      definitionEn: '</descrip><descrip type="definition">injected</descrip>',
      definitionDe: 'Zeile eins\r\nZeile zwei\tmit Tab',
      usageNote: ']]> <![CDATA[ x ]]> &amp; <!-- -->',
      related: [],
      variants: ['x" target="y'],
      source: '<script>alert(1)</script>',
      sourceUrl: 'https://example.org/?a=1&b="2"',
    };
    expect(contents(xml([hostile]))).toEqual([hostile]);
  });
});

describe('parseTbx', () => {
  test('reads back every entry of the seed glossary as it was', () => {
    const parsed = parseTbx(xml(SEED));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.content)).toEqual(SEED);
    expect(parsed.entries.at(-1)!.at).toEqual({ entry: SEED.length });
    expect(checkFile(parsed.entries, new Set())).toEqual([]);
    expect(formatOf(xml(SEED))).toBe('tbx');
  });

  test('malformed XML is reported with its line', () => {
    const text = xml([noun, verb]);
    const lines = text.split('\n');
    const broken = lines.findIndex((line) => line.includes('<note>'));
    lines[broken] = lines[broken]!.replace('<note>', '<note>a < b');
    expect(parseTbx(lines.join('\n'))).toMatchObject({
      entries: [],
      errors: [{ at: { line: broken + 1 }, messageKey: 'glossaryExchange:errors.malformedXml' }],
    });
  });

  test('a document type declaration is refused before parsing, with its line', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "aaaaaaaa">]>\n<tbx xmlns="${TBX_NAMESPACE}"/>`;
    expect(parseTbx(text).errors).toEqual([{ at: { line: 2 }, messageKey: 'glossaryExchange:errors.doctype' }]);
  });

  test('another XML document is not TBX', () => {
    expect(parseTbx('<html><body/></html>').errors).toEqual([
      { at: null, messageKey: 'glossaryExchange:errors.notTbx' },
    ]);
    expect(parseTbx(`<tbx xmlns="${TBX_NAMESPACE}"><text><body/></text></tbx>`).errors).toEqual([
      { at: null, messageKey: 'glossaryExchange:errors.noEntries' },
    ]);
  });

  test('each bad entry is reported with its number and lemma; the good ones are read', () => {
    const third: TermContent = { ...verb, lemma: 'drohen', separable: false, grammarOverride: null };
    let text = xml([noun, verb, third]);
    text = text.replace(
      '<termNote type="grammaticalGender">feminine</termNote>',
      '<termNote type="grammaticalGender">female</termNote>',
    );
    text = text.replace(
      '<descrip type="definition">Durch Furcht abhalten.</descrip>',
      '<descrip type="definition"> </descrip>',
    );
    const parsed = parseTbx(text);
    expect(parsed.entries.map((entry) => entry.content.lemma)).toEqual(['drohen']);
    expect(parsed.errors).toEqual([
      {
        at: { entry: 1 },
        lemma: 'Abschreckung',
        field: 'gender',
        messageKey: 'glossaryExchange:errors.unknownValue',
      },
      {
        at: { entry: 2 },
        lemma: 'abschrecken',
        field: 'definition_de',
        messageKey: 'glossaryExchange:errors.required',
      },
    ]);
  });

  test('an entry breaking the entry rules is reported with the rule', () => {
    const text = edited(
      [verb],
      '<termNote type="x-kind">verb</termNote>',
      '<termNote type="x-kind">verb</termNote><termNote type="x-plural">Abschrecken</termNote>',
    );
    expect(parseTbx(text).errors).toEqual([
      { at: { entry: 1 }, lemma: 'abschrecken', messageKey: 'glossaryExchange:errors.nounGrammarOnly' },
    ]);
  });

  test('an entry without one German term or English preferred term is refused', () => {
    const noEnglish = edited([verb], /<langSec xml:lang="en">[\s\S]*?<\/langSec>/, '');
    expect(parseTbx(noEnglish).errors).toMatchObject([
      { at: { entry: 1 }, messageKey: 'glossaryExchange:errors.englishSection' },
    ]);
    const twoPreferred = edited([noun], 'admittedTerm-admn-sts', 'preferredTerm-admn-sts');
    expect(parseTbx(twoPreferred).errors).toMatchObject([
      { at: { entry: 1 }, field: 'english_preferred', messageKey: 'glossaryExchange:errors.englishPreferred' },
    ]);
  });

  test('a TBX-Basic file without our own data categories is read by its part of speech, definitions in groups too', () => {
    const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="${TBX_NAMESPACE}">
  <tbxHeader><fileDesc><sourceDesc><p>elsewhere</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="x1">
      <descrip type="subjectField">diplomacy</descrip>
      <admin type="source">Termbase</admin>
      <langSec xml:lang="de-DE">
        <descripGrp><descrip type="definition">Eine Übereinkunft.</descrip><admin type="source">Duden</admin></descripGrp>
        <termSec><term>Abkommen</term><termNote type="partOfSpeech">noun</termNote><termNote type="grammaticalGender">neuter</termNote></termSec>
      </langSec>
      <langSec xml:lang="en"><descrip type="definition">An agreement.</descrip><termSec><term>agreement</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    expect(parseTbx(foreign)).toEqual({
      entries: [
        {
          at: { entry: 1 },
          content: {
            lemma: 'Abkommen',
            kind: 'noun',
            gender: 'n',
            plural: null,
            genitive: null,
            separable: false,
            english: { preferred: 'agreement', alternatives: [] },
            definitionEn: 'An agreement.',
            definitionDe: 'Eine Übereinkunft.',
            usageNote: null,
            domains: ['diplomacy'],
            related: [],
            variants: [],
            source: 'Termbase',
            sourceUrl: null,
            grammarOverride: null,
          },
        },
      ],
      errors: [],
    });
  });
});

describe('checkFile', () => {
  const at = (entry: number) => ({ entry });
  test('a lemma twice and a related entry nowhere are errors of their entries', () => {
    const entries = [
      { at: at(1), content: noun },
      { at: at(2), content: { ...noun, related: ['Vergeltung'] } },
    ];
    expect(checkFile(entries, new Set(['abschrecken']))).toEqual([
      { at: at(2), lemma: 'Abschreckung', field: 'lemma', messageKey: 'glossaryExchange:errors.duplicateLemma' },
      {
        at: at(2),
        lemma: 'Abschreckung',
        field: 'related',
        messageKey: 'glossaryExchange:errors.unknownRelated',
        values: { related: 'Vergeltung' },
      },
    ]);
  });

  test('a related entry in the file or approved in the glossary is known', () => {
    expect(checkFile([{ at: at(1), content: noun }], new Set(['abschrecken']))).toEqual([]);
    expect(
      checkFile(
        [
          { at: at(1), content: noun },
          { at: at(2), content: verb },
        ],
        new Set(),
      ),
    ).toEqual([]);
  });
});
