import { JSDOM } from 'jsdom';
import {
  checkEntry,
  errorKey,
  EXCHANGE_ENTRIES_MAX,
  type ExchangeError,
  type ParsedEntry,
  type ParsedFile,
  type RawEntry,
} from './exchange';
import type { TermContent, TermKind } from './schema';

// The approved glossary as TBX-Basic (ISO 30042:2019, the TBX-Basic dialect in DCA style), and back.
// Built as text with every value escaped; read with a real XML parser (jsdom's). Pure. Which data
// categories are TBX-Basic's and which are ours: docs/decisions/034-glossary-exchange-tbx-csv.md.

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
/** The namespace of the LTAC TBX-Basic dialect's later schemas: read as well. */
const TBX_NAMESPACES = new Set([TBX_NAMESPACE, 'urn:iso:std:iso:30042:ed:3.0']);
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

const PART_OF_SPEECH: Record<TermKind, string> = {
  noun: 'noun',
  verb: 'verb',
  adjective: 'adjective',
  phrase: 'other',
  idiom: 'other',
};
const KIND_OF_PART_OF_SPEECH: Record<string, TermKind> = {
  noun: 'noun',
  verb: 'verb',
  adjective: 'adjective',
  other: 'phrase',
};
const GENDER = { m: 'masculine', f: 'feminine', n: 'neuter' } as const;
const GENDER_OF: Record<string, 'm' | 'f' | 'n'> = { masculine: 'm', feminine: 'f', neuter: 'n' };
const PREFERRED = 'preferredTerm-admn-sts';
const ADMITTED = 'admittedTerm-admn-sts';

// XML 1.0 has no way to write C0 control characters other than tab, line feed and carriage return
// (not even as references), nor lone surrogates and U+FFFE/U+FFFF: they become U+FFFD.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Text content: markup characters escaped, a carriage return kept (a parser would turn a raw one into a line feed). */
export const escapeText = (text: string) =>
  text.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
/** An attribute value in double quotes: quotes escaped, and tabs and line breaks too (a parser would make them spaces). */
export const escapeAttribute = (text: string) =>
  text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

/**
 * A conceptEntry's id (an XML name, unique per lemma): `c-` and the lemma, with every character other
 * than an ASCII letter, digit, `.` or `-` written as `_<hex code point>_` ("rote Linie" → "c-rote_20_Linie").
 */
export function conceptId(lemma: string): string {
  return `c-${lemma.replace(/[^A-Za-z0-9.-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

const element = (name: string, attributes: Record<string, string>, text: string) =>
  `<${name}${Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('')}>${escapeText(text)}</${name}>`;
const termNote = (type: string, value: string) => element('termNote', { type }, value);

function termSec(term: string, notes: string[]): string[] {
  return ['<termSec>', `  ${element('term', {}, term)}`, ...notes.map((note) => `  ${note}`), '</termSec>'];
}

const indent = (lines: string[], by: string) => lines.map((line) => `${by}${line}`);

function conceptEntry(entry: TermContent, inFile: ReadonlySet<string>): string[] {
  const grammar = [
    termNote('partOfSpeech', PART_OF_SPEECH[entry.kind]),
    ...(entry.gender ? [termNote('grammaticalGender', GENDER[entry.gender])] : []),
    termNote('x-kind', entry.kind),
    ...(entry.plural !== null ? [termNote('x-plural', entry.plural)] : []),
    ...(entry.genitive !== null ? [termNote('x-genitive', entry.genitive)] : []),
    ...(entry.kind === 'verb' ? [termNote('x-separable', entry.separable ? 'yes' : 'no')] : []),
    ...(entry.grammarOverride !== null ? [termNote('x-grammarOverride', entry.grammarOverride)] : []),
  ];
  const german = [
    '<langSec xml:lang="de">',
    ...indent(
      [
        element('descrip', { type: 'definition' }, entry.definitionDe),
        ...termSec(entry.lemma, grammar),
        ...entry.variants.flatMap((variant) => termSec(variant, [termNote('termType', 'variant')])),
      ],
      '  ',
    ),
    '</langSec>',
  ];
  const english = [
    '<langSec xml:lang="en">',
    ...indent(
      [
        element('descrip', { type: 'definition' }, entry.definitionEn),
        ...termSec(entry.english.preferred, [termNote('administrativeStatus', PREFERRED)]),
        ...entry.english.alternatives.flatMap((alternative) =>
          termSec(alternative, [termNote('administrativeStatus', ADMITTED)]),
        ),
      ],
      '  ',
    ),
    '</langSec>',
  ];
  return [
    `<conceptEntry id="${escapeAttribute(conceptId(entry.lemma))}">`,
    ...indent(
      [
        ...entry.domains.map((domain) => element('descrip', { type: 'subjectField' }, domain)),
        element('admin', { type: 'source' }, entry.source),
        ...(entry.sourceUrl !== null
          ? [element('xref', { type: 'externalCrossReference', target: entry.sourceUrl }, entry.sourceUrl)]
          : []),
        ...(entry.usageNote !== null ? [element('note', {}, entry.usageNote)] : []),
        // A related entry outside the file has no conceptEntry to point at: its lemma alone names it.
        ...entry.related.map((related) =>
          element(
            'ref',
            { type: 'crossReference', ...(inFile.has(related) && { target: conceptId(related) }) },
            related,
          ),
        ),
        ...german,
        ...english,
      ],
      '  ',
    ),
    '</conceptEntry>',
  ];
}

/** The entries as a TBX-Basic document (UTF-8, LF line ends), with a title and a description of where it comes from. */
export function glossaryToTbx(entries: readonly TermContent[], header: { title: string; description: string }): string {
  const inFile = new Set(entries.map((entry) => entry.lemma));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="${TBX_NAMESPACE}">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <titleStmt>${element('title', {}, header.title)}</titleStmt>`,
    `      <sourceDesc>${element('p', {}, header.description)}</sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
    ...indent(
      entries.flatMap((entry) => conceptEntry(entry, inFile)),
      '      ',
    ),
    '    </body>',
    '  </text>',
    '</tbx>',
  ];
  return `${lines.join('\n')}\n`;
}

// Reading.

const children = (parent: Element, name: string) =>
  [...parent.children].filter((child) => child.localName === name && TBX_NAMESPACES.has(child.namespaceURI ?? ''));
const typed = (parent: Element, name: string, type: string) =>
  children(parent, name).filter((child) => child.getAttribute('type') === type);
/** A descrip, directly or in a descripGrp (which pairs it with its own source or note). */
const descrips = (parent: Element, type: string) =>
  [parent, ...children(parent, 'descripGrp')].flatMap((holder) => typed(holder, 'descrip', type));
const textOf = (node: Element | undefined) => node?.textContent ?? null;
const langOf = (node: Element) => node.getAttributeNS(XML_NAMESPACE, 'lang')?.toLowerCase().split('-')[0];

/** Reads one conceptEntry; the errors are those of its shape (its values are checked by checkEntry). */
function readConcept(
  concept: Element,
  number: number,
  lemmaOfId: ReadonlyMap<string, string>,
): { raw: RawEntry } | { errors: ExchangeError[] } {
  const at = { entry: number };
  const errors: ExchangeError[] = [];
  const fail = (name: string, field?: ExchangeError['field']) =>
    errors.push({ at, messageKey: errorKey(name), ...(field && { field }) });
  const langSecs = children(concept, 'langSec');
  const german = langSecs.filter((section) => langOf(section) === 'de');
  const english = langSecs.filter((section) => langOf(section) === 'en');
  if (german.length !== 1) fail('germanSection');
  if (english.length !== 1) fail('englishSection');
  if (errors.length) return { errors };
  const de = german[0]!;
  const en = english[0]!;

  const isVariant = (sec: Element) => typed(sec, 'termNote', 'termType').some((note) => note.textContent === 'variant');
  const deTerms = children(de, 'termSec');
  const lemmaSecs = deTerms.filter((sec) => !isVariant(sec));
  if (lemmaSecs.length !== 1) {
    fail('germanTerm', 'lemma');
    return { errors };
  }
  const lemmaSec = lemmaSecs[0]!;
  const note = (type: string) => textOf(typed(lemmaSec, 'termNote', type)[0]);

  const partOfSpeech = note('partOfSpeech');
  const ownKind = note('x-kind');
  const kindOfPos = partOfSpeech === null ? undefined : KIND_OF_PART_OF_SPEECH[partOfSpeech];
  if (partOfSpeech === null && ownKind === null) fail('missingKind', 'kind');
  else if (partOfSpeech !== null && !kindOfPos) fail('unknownValue', 'kind');
  else if (ownKind !== null && partOfSpeech !== null && PART_OF_SPEECH[ownKind as TermKind] !== partOfSpeech)
    fail('kindMismatch', 'kind');
  const gender = note('grammaticalGender');
  if (gender !== null && !GENDER_OF[gender]) fail('unknownValue', 'gender');
  const separable = note('x-separable');
  if (separable !== null && separable !== 'yes' && separable !== 'no') fail('unknownValue', 'separable');

  const preferred = children(en, 'termSec').filter((sec) =>
    typed(sec, 'termNote', 'administrativeStatus').every((status) => status.textContent !== ADMITTED),
  );
  if (preferred.length !== 1) fail('englishPreferred', 'english_preferred');
  if (errors.length) return { errors };

  const termOf = (sec: Element) => textOf(children(sec, 'term')[0]) ?? '';
  const related = children(concept, 'ref')
    .filter((ref) => ref.getAttribute('type') === 'crossReference')
    .map((ref) => ref.textContent?.trim() || lemmaOfId.get(ref.getAttribute('target') ?? '') || '');
  return {
    raw: {
      lemma: termOf(lemmaSec),
      kind: ownKind ?? kindOfPos!,
      gender: gender === null ? null : GENDER_OF[gender]!,
      plural: note('x-plural'),
      genitive: note('x-genitive'),
      separable: separable === 'yes',
      englishPreferred: termOf(preferred[0]!),
      englishAlternatives: children(en, 'termSec')
        .filter((sec) => sec !== preferred[0])
        .map(termOf),
      definitionEn: textOf(descrips(en, 'definition')[0]) ?? '',
      definitionDe: textOf(descrips(de, 'definition')[0]) ?? '',
      usageNote: textOf(children(concept, 'note')[0]),
      domains: descrips(concept, 'subjectField').map((field) => field.textContent?.trim() ?? ''),
      related,
      variants: deTerms.filter(isVariant).map(termOf),
      source: textOf(typed(concept, 'admin', 'source')[0]) ?? '',
      sourceUrl: typed(concept, 'xref', 'externalCrossReference')[0]?.getAttribute('target') ?? null,
      grammarOverride: note('x-grammarOverride'),
    },
  };
}

/** The first German term of a conceptEntry (its lemma, as far as it can be told), for references and errors. */
function germanTermOf(concept: Element): string | undefined {
  const de = children(concept, 'langSec').find((section) => langOf(section) === 'de');
  const term = de && children(de, 'termSec').flatMap((sec) => children(sec, 'term'))[0];
  return term?.textContent?.trim() || undefined;
}

/** "about:blank:3:4: unexpected close tag." → line 3 and the parser's message. */
function malformed(error: unknown): ExchangeError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /:(\d+):(\d+): (.*)$/s.exec(message);
  return position
    ? {
        at: { line: Number(position[1]) },
        messageKey: errorKey('malformedXml'),
        values: { detail: position[3]!.trim() },
      }
    : { at: null, messageKey: errorKey('malformedXml'), values: { detail: message } };
}

/**
 * Reads a TBX file (as glossaryToTbx writes it, or another TBX-Basic file with German and English
 * sections). Malformed XML is reported with its line; each entry's errors with its number (the n-th
 * conceptEntry). A document type declaration is refused before parsing: TBX has none, and its
 * entities could expand without bound.
 */
export function parseTbx(text: string): ParsedFile {
  const doctype = /<!DOCTYPE/.exec(text);
  if (doctype)
    return {
      entries: [],
      errors: [{ at: { line: text.slice(0, doctype.index).split('\n').length }, messageKey: errorKey('doctype') }],
    };
  let document: Document;
  try {
    document = new JSDOM(text.replace(/^\uFEFF/, ''), { contentType: 'application/xml' }).window.document;
  } catch (error) {
    return { entries: [], errors: [malformed(error)] };
  }
  const root = document.documentElement;
  if (root.localName !== 'tbx' || !TBX_NAMESPACES.has(root.namespaceURI ?? ''))
    return { entries: [], errors: [{ at: null, messageKey: errorKey('notTbx') }] };
  const body = children(root, 'text').flatMap((text) => children(text, 'body'))[0];
  const concepts = body ? children(body, 'conceptEntry') : [];
  if (concepts.length === 0) return { entries: [], errors: [{ at: null, messageKey: errorKey('noEntries') }] };
  if (concepts.length > EXCHANGE_ENTRIES_MAX)
    return {
      entries: [],
      errors: [{ at: null, messageKey: errorKey('tooManyEntries'), values: { max: EXCHANGE_ENTRIES_MAX } }],
    };

  const lemmaOfId = new Map<string, string>();
  for (const concept of concepts) {
    const id = concept.getAttribute('id');
    const lemma = germanTermOf(concept);
    if (id && lemma) lemmaOfId.set(id, lemma);
  }
  const entries: ParsedEntry[] = [];
  const errors: ExchangeError[] = [];
  concepts.forEach((concept, i) => {
    const at = { entry: i + 1 };
    const read = readConcept(concept, i + 1, lemmaOfId);
    if ('errors' in read) {
      const lemma = germanTermOf(concept);
      errors.push(...read.errors.map((error) => ({ ...error, ...(lemma && { lemma }) })));
      return;
    }
    const checked = checkEntry(read.raw, at);
    if ('errors' in checked) errors.push(...checked.errors);
    else entries.push({ at, content: checked.content });
  });
  return { entries, errors };
}
