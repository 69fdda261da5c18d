import type { LemmaCandidate, LemmaSet, LexiconForms, PartOfSpeech } from './types';

// The lemma table in typed arrays (docs/decisions/044-compact-lemma-table.md): one ArrayBuffer that
// scripts/build-lexicon.ts writes next to the TSV and the loader reads back with one file read, or
// that parseLexicon builds in memory from a TSV. Pure: bytes in, lookups out.
//
// Strings (forms, lemmas; well-formed UTF-16, as any read from a file) are code units in one
// Uint16Array with Uint32 offsets, in table order, and an open-addressing hash table (FNV-1a, linear
// probing, slot = index + 1, 0 = empty) finds one by comparing code units, without making a string. A form's candidates are items `lemma index * 4 + pos`;
// a lemma's noun gender is one byte. A candidate object is made on its first lookup and kept (frozen,
// shared between forms); a lookup's list is a new array.
//
// Layout: a header of HEADER_WORDS Uint32 (magic, version, counts), then the sections of `layout`, each
// starting at a multiple of 4 bytes. Typed arrays use the platform's byte order; the magic reads wrong
// on a machine of the other order, and the file is made on the machine that reads it.

export type NounGender = 'm' | 'f' | 'n';

/** The table's noun genders: lemma → gender, where the table has one. */
export type NounGenders = { get(lemma: string): NounGender | undefined };

/** One parsed or decoded table. */
export type LexiconTable = {
  readonly forms: LexiconForms;
  readonly nounGenders: NounGenders;
  /**
   * Every lemma with a reading of `pos`, in the order a walk of `forms` meets them first: a view over
   * the items (one byte and one index per lemma), with no candidate objects and no kept strings.
   */
  lemmasOf(pos: PartOfSpeech): LemmaSet;
};

/** One line of the table: a form and its candidates, best first, each with the noun gender it gives. */
export type TableLine = {
  form: string;
  candidates: readonly { lemma: string; pos: PartOfSpeech; gender: NounGender | undefined }[];
};

const MAGIC = 0x4c42_4c58; // "LBLX"
const VERSION = 1;
const HEADER_WORDS = 8;
const POS_CODES: readonly PartOfSpeech[] = ['NOUN', 'VERB', 'ADJ', 'OTHER'];
const GENDER_CODES: readonly (NounGender | undefined)[] = [undefined, 'm', 'f', 'n'];

type Counts = { forms: number; formChars: number; items: number; lemmas: number; lemmaChars: number };

/** A hash table at most half full: the next power of two at or above twice the count. */
function slotCount(count: number): number {
  let slots = 2;
  while (slots < count * 2) slots *= 2;
  return slots;
}

const align4 = (bytes: number) => (bytes + 3) & ~3;

/** Byte offsets and lengths of every section after the header, from the counts alone. */
function layout(counts: Counts) {
  let at = HEADER_WORDS * 4;
  const section = (length: number, bytesPer: number) => {
    const start = at;
    at += align4(length * bytesPer);
    return { start, length };
  };
  const sections = {
    formOffsets: section(counts.forms + 1, 4),
    formSlots: section(slotCount(counts.forms), 4),
    itemOffsets: section(counts.forms + 1, 4),
    items: section(counts.items, 4),
    lemmaOffsets: section(counts.lemmas + 1, 4),
    lemmaSlots: section(slotCount(counts.lemmas), 4),
    formChars: section(counts.formChars, 2),
    lemmaChars: section(counts.lemmaChars, 2),
    lemmaGenders: section(counts.lemmas, 1),
  };
  return { sections, bytes: at };
}

function hashKey(key: string): number {
  let hash = 0x811c_9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x0100_0193);
  return hash >>> 0;
}

function hashChars(chars: Uint16Array, start: number, end: number): number {
  let hash = 0x811c_9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ chars[i]!, 0x0100_0193);
  return hash >>> 0;
}

/** Strings in table order over shared arrays: index of a string (or -1), string at an index. */
const UTF16 = new TextDecoder('utf-16le');

type StringTable = {
  count: number;
  indexOf(key: string): number;
  /** Every string, in table order. */
  all(): Generator<string>;
  /** The string at an index; the first call decodes all of them, once, and keeps them. */
  at(index: number): string;
};

// Slicing a decoded run of strings is several times faster than making each string from its code
// units, which counts when the engine walks the whole table. `at` decodes all strings once and keeps
// them (the lemmas' 2 MB, which kept candidates point into anyway); `all` decodes a run of about
// WALK_CHUNK code units at a time and keeps none, so a walk of the forms (9.7 MB as one string) leaves
// only what its caller keeps.
const WALK_CHUNK = 16_384;

function stringTable(offsets: Uint32Array, chars: Uint16Array, slots: Uint32Array): StringTable {
  const mask = slots.length - 1;
  const count = offsets.length - 1;
  let text: string | undefined;
  return {
    count,
    indexOf(key) {
      for (let slot = hashKey(key) & mask; ; slot = (slot + 1) & mask) {
        const entry = slots[slot]!;
        if (entry === 0) return -1;
        const start = offsets[entry - 1]!;
        if (offsets[entry]! - start !== key.length) continue;
        let i = 0;
        while (i < key.length && chars[start + i] === key.charCodeAt(i)) i++;
        if (i === key.length) return entry - 1;
      }
    },
    *all() {
      let run = text ?? '';
      let runStart = 0;
      for (let i = 0; i < count; i++) {
        const start = offsets[i]!;
        const end = offsets[i + 1]!;
        if (end > runStart + run.length) {
          runStart = start;
          run = UTF16.decode(chars.subarray(start, Math.max(end, Math.min(chars.length, start + WALK_CHUNK))));
        }
        yield run.slice(start - runStart, end - runStart);
      }
    },
    at: (index) => (text ??= UTF16.decode(chars)).slice(offsets[index], offsets[index + 1]),
  };
}

/** Writes strings into their section: code units, offsets and the filled hash table. */
function writeStrings(strings: readonly string[], offsets: Uint32Array, chars: Uint16Array, slots: Uint32Array): void {
  const mask = slots.length - 1;
  let at = 0;
  for (const [index, text] of strings.entries()) {
    offsets[index] = at;
    for (let i = 0; i < text.length; i++) chars[at + i] = text.charCodeAt(i);
    let slot = hashChars(chars, at, at + text.length) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = index + 1;
    at += text.length;
  }
  offsets[strings.length] = at;
}

/**
 * Encodes lines into the binary table. A form that comes again replaces its candidates (keeping its
 * first place); a repeated lemma+POS in one line counts once; a lemma's gender is the first it is given.
 */
export function encodeLexiconTable(lines: Iterable<TableLine>): Uint8Array<ArrayBuffer> {
  const formIndex = new Map<string, number>();
  const formItems: number[][] = [];
  const lemmaIndex = new Map<string, number>();
  const lemmaGenders: number[] = [];
  for (const { form, candidates } of lines) {
    const items: number[] = [];
    for (const { lemma, pos, gender } of candidates) {
      let lemmaAt = lemmaIndex.get(lemma);
      if (lemmaAt === undefined) lemmaIndex.set(lemma, (lemmaAt = lemmaGenders.push(0) - 1));
      if (gender && pos === 'NOUN' && lemmaGenders[lemmaAt] === 0) lemmaGenders[lemmaAt] = GENDER_CODES.indexOf(gender);
      const item = lemmaAt * 4 + POS_CODES.indexOf(pos);
      if (!items.includes(item)) items.push(item);
    }
    if (!items.length) continue;
    const known = formIndex.get(form);
    if (known === undefined) formIndex.set(form, formItems.push(items) - 1);
    else formItems[known] = items;
  }

  const forms = [...formIndex.keys()];
  const lemmas = [...lemmaIndex.keys()];
  const counts: Counts = {
    forms: forms.length,
    formChars: forms.reduce((sum, f) => sum + f.length, 0),
    items: formItems.reduce((sum, list) => sum + list.length, 0),
    lemmas: lemmas.length,
    lemmaChars: lemmas.reduce((sum, l) => sum + l.length, 0),
  };
  const { sections, bytes } = layout(counts);
  const buffer = new ArrayBuffer(bytes);
  const view = <T>(Type: new (b: ArrayBuffer, o: number, l: number) => T, s: { start: number; length: number }) =>
    new Type(buffer, s.start, s.length);

  new Uint32Array(buffer, 0, HEADER_WORDS).set([
    MAGIC,
    VERSION,
    counts.forms,
    counts.formChars,
    counts.items,
    counts.lemmas,
    counts.lemmaChars,
  ]);
  writeStrings(
    forms,
    view(Uint32Array, sections.formOffsets),
    view(Uint16Array, sections.formChars),
    view(Uint32Array, sections.formSlots),
  );
  writeStrings(
    lemmas,
    view(Uint32Array, sections.lemmaOffsets),
    view(Uint16Array, sections.lemmaChars),
    view(Uint32Array, sections.lemmaSlots),
  );
  const itemOffsets = view(Uint32Array, sections.itemOffsets);
  const items = view(Uint32Array, sections.items);
  let at = 0;
  for (const [index, list] of formItems.entries()) {
    itemOffsets[index] = at;
    items.set(list, at);
    at += list.length;
  }
  itemOffsets[formItems.length] = at;
  view(Uint8Array, sections.lemmaGenders).set(lemmaGenders);
  return new Uint8Array(buffer);
}

/**
 * Reads a table encodeLexiconTable wrote: views over the bytes, nothing copied (unless the bytes do
 * not start at a multiple of 4). Throws on bytes of another format, version or byte order.
 */
export function decodeLexiconTable(bytes: Uint8Array): LexiconTable {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const { buffer, byteOffset } = aligned;
  const header =
    aligned.byteLength >= HEADER_WORDS * 4 ? new Uint32Array(buffer, byteOffset, HEADER_WORDS) : new Uint32Array(0);
  if (header[0] !== MAGIC || header[1] !== VERSION) {
    throw new Error(`not a lemma table of version ${VERSION}: rebuild it with "npm run text:build-lexicon"`);
  }
  const counts: Counts = {
    forms: header[2]!,
    formChars: header[3]!,
    items: header[4]!,
    lemmas: header[5]!,
    lemmaChars: header[6]!,
  };
  const { sections, bytes: size } = layout(counts);
  if (aligned.byteLength !== size) throw new Error(`lemma table truncated: ${aligned.byteLength} of ${size} bytes`);
  const view = <T>(Type: new (b: ArrayBufferLike, o: number, l: number) => T, s: { start: number; length: number }) =>
    new Type(buffer, byteOffset + s.start, s.length);

  const formTable = stringTable(
    view(Uint32Array, sections.formOffsets),
    view(Uint16Array, sections.formChars),
    view(Uint32Array, sections.formSlots),
  );
  const lemmaTable = stringTable(
    view(Uint32Array, sections.lemmaOffsets),
    view(Uint16Array, sections.lemmaChars),
    view(Uint32Array, sections.lemmaSlots),
  );
  const itemOffsets = view(Uint32Array, sections.itemOffsets);
  const items = view(Uint32Array, sections.items);
  const genders = view(Uint8Array, sections.lemmaGenders);

  const candidates: (LemmaCandidate | undefined)[] = [];
  const candidate = (item: number): LemmaCandidate =>
    (candidates[item] ??= Object.freeze({
      lemma: lemmaTable.at(item >>> 2),
      pos: POS_CODES[item & 3]!,
      source: 'lexicon',
    }));
  const readings = (index: number): readonly LemmaCandidate[] => {
    const list: LemmaCandidate[] = [];
    for (let i = itemOffsets[index]!; i < itemOffsets[index + 1]!; i++) list.push(candidate(items[i]!));
    return list;
  };

  const forms: LexiconForms = {
    size: formTable.count,
    has: (form) => formTable.indexOf(form) >= 0,
    get(form) {
      const index = formTable.indexOf(form);
      return index < 0 ? undefined : readings(index);
    },
    keys: () => formTable.all(),
    *values() {
      for (let i = 0; i < formTable.count; i++) yield readings(i);
    },
    *[Symbol.iterator]() {
      let i = 0;
      for (const form of formTable.all()) yield [form, readings(i++)] as const;
    },
  };
  const nounGenders: NounGenders = {
    get(lemma) {
      const index = lemmaTable.indexOf(lemma);
      return index < 0 ? undefined : GENDER_CODES[genders[index]!];
    },
  };
  const lemmasOf = (pos: PartOfSpeech): LemmaSet => {
    const code = POS_CODES.indexOf(pos);
    const member = new Uint8Array(lemmaTable.count);
    const order = new Uint32Array(lemmaTable.count);
    let size = 0;
    for (const item of items) {
      const lemma = item >>> 2;
      if ((item & 3) === code && !member[lemma]) {
        member[lemma] = 1;
        order[size++] = lemma;
      }
    }
    return {
      size,
      has(lemma) {
        const index = lemmaTable.indexOf(lemma);
        return index >= 0 && member[index] === 1;
      },
      *[Symbol.iterator]() {
        for (let i = 0; i < size; i++) yield lemmaTable.at(order[i]!);
      },
    };
  };
  return { forms, nounGenders, lemmasOf };
}
