import type { CompoundPart, Lexicon } from '../types';
import { nounLemmas } from '../lexicon';
import {
  degreeLemma,
  derivedFeminine,
  derivedUngNoun,
  isAdjectiveLemma,
  isVerbLemma,
  lowerFirst,
  readingsOf,
  upperFirst,
} from './lemmatizer';

// German compound splitting: dynamic programming over known parts with linking elements (Fugen).
//
// A split is modifiers + head. The head is an inflected noun form of the table ("maschinen" →
// Maschine) or an -ung noun of a table verb ("Entgleisung"). A modifier is, with its linking element:
//   - a noun lemma ("Verteidigung" + s, "Waffe" + n, "Bund" + es), a plural form ("Länder" → Land),
//     or a noun whose -e drops before the link ("Hilfs" → Hilfe, "Farb" → Farbe);
//   - a lexicalised compound that the table attests as the modifier of its own compounds
//     ("Luftwaffenexperte" → Luftwaffe, "Menschenrechtsexperte" → Menschenrecht): one part, not two;
//   - the adverbs außen, innen, zwischen (lemma in lower case: "Außenminister" → außen + Minister);
//   - in a word the table does not know: an adjective ("Hochgeschwindigkeitszug" → hoch) or a verb stem ("Schwimmbad"
//     → schwimmen), and, when nothing else fits, an unknown first part of ≥ 6 letters before a head of
//     ≥ 5 ("Spionageballon" → Spionage + Ballon; "Mikroelektronikimporte" → Mikroelektronik + Import:
//     the table has neither Mikroelektronik nor Mikro, so the unknown part stays whole, which is also
//     the lexicalised reading; its link is guessed: "Hacktivisten" → Hacktivist + en).
// The cheapest split wins: each part costs 10, so fewer, larger parts win (Stellvertreter + Krieg, not
// Stell + Vertreter + Krieg); implausible linking elements, nominalised nouns, short parts, stems and
// unknown parts cost extra.
//
// A word the table knows as a noun, or a regular derivation of one ("Verbreitung", "Redakteurin"), is
// split only into plain nouns of ≥ 4 letters (and the adverbs), and only when the head ends the word's
// own lemma: "Bundeskanzler" → Bund(es) + Kanzler, "Wochenende" → Woche(n) + Ende, but "Flugzeugen"
// is no Flug + Zeugen (Zeuge), and "Regierung", "Verbündeten", "Partnerschaft", "Zurückhaltung",
// "Aufrechterhaltung" stay whole. Nominalised adjectives and verbs ("Preisgünstige") and country names
// ("Russland") stay whole too.
// null: no split, words under 8 letters, words that are not one capital and lowercase letters
// (lowercase, all-caps, hyphenated: the caller splits at hyphens), capitalised verb or adjective forms
// at the start of a sentence ("Ausgegeben").

const LINKS = ['', 's', 'es', 'n', 'en', 'er', 'e', 'ns', 'ens'] as const;
const MIN_WORD = 8;
const MIN_PART = 3;
const PART_COST = 10;
const MEMO_LIMIT = 50_000;
/** Nouns that are really suffixes or fragments when they end a word ("Partner·schaft", "Expans·ion"). */
const BAD_HEADS = new Set([
  'Ale',
  'Ei',
  'Eis',
  'Elle',
  'Ellen',
  'Ente',
  'Enten',
  'Eren',
  'Ern',
  'Heit',
  'Ien',
  'Ion',
  'Ionen',
  'Ismus',
  'Ist',
  'Isten',
  'Ität',
  'Keit',
  'Lichen',
  'Ling',
  'Linge',
  'Ner',
  'Nern',
  'Nische',
  'Schaft',
  'Schaften',
  'Tum',
  'Ung',
  'Ungen',
]);
/** Nominalised particles and prepositions: "Zurück·haltung" and "Unter·stützung" are derivations. */
const BAD_MODIFIERS = new Set([
  'Ab',
  'An',
  'Auf',
  'Aus',
  'Bei',
  'Durch',
  'Ein',
  'Gegen',
  'Her',
  'Hin',
  'Hinter',
  'Mit',
  'Nach',
  'Über',
  'Um',
  'Unter',
  'Vor',
  'Wider',
  'Zu',
  'Zurück',
  'Zwischen',
]);
const ADVERB_MODIFIERS = new Set(['außen', 'innen', 'zwischen']);
/** An unknown first part is kept only when it and the head are this long ("Spionage" + "ballon"). */
const MIN_UNKNOWN = 6;
const MIN_HEAD_AFTER_UNKNOWN = 5;
/** Country names are not compounds of "Land" ("Russland" is no Russ + Land). */
const PROPER_NAMES =
  /^(?:Russ|Deutsch|Finn|Griechen|Est|Lett|Ir|Is|Schott|Eng|Thai|Neusee|Grön|Lapp|Hol|Nieder)lands?$/;
/** These always take a linking -s- ("Regierungschef", never "Regierungchef"). */
const TAKES_S = /(?:ung|heit|keit|schaft|ion|tät|ling|tum)$/;

type Candidate = { lemma: string; link: string; cost: number; kind: 'noun' | 'stem' | 'unknown' };
type State = { cost: number; parts: CompoundPart[]; lastKind: Candidate['kind'] | 'start' };

function linkCost(base: string, link: string): number {
  switch (link) {
    case '':
      return TAKES_S.test(base) ? 5 : 0;
    case 's':
      return /(?:[sxzß]|sch)$/.test(base) ? 5 : /e$/.test(base) ? 2 : 0;
    case 'es':
      return /[aeiouäöü]$/.test(base) ? 5 : 1;
    case 'n':
      return /(?:e|el|er)$/.test(base) ? 0 : 5;
    case 'en':
      return /e$/.test(base) ? 5 : 0;
    case 'ns':
      return /e$/.test(base) ? 1 : 5;
    case 'ens':
      return 1;
    default:
      return 2; // e, er
  }
}

/** "Länder" vs "Land" → "er"; "Medien" vs "Medium" → "". Umlauts compare as their vowels. */
function pluralLink(surface: string, lemma: string): string {
  const plain = (s: string) => s.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
  if (!plain(surface).startsWith(plain(lemma))) return '';
  const rest = surface.slice(lemma.length);
  return (LINKS as readonly string[]).includes(rest) ? rest : '';
}

export function createCompoundSplitter(lexicon: Lexicon): (word: string) => CompoundPart[] | null {
  const { forms } = lexicon;
  const nouns = nounLemmas(lexicon);

  /** A nominalised infinitive or adjective ("Unternehmen", "Verbündete", "Lustvollere"): a weaker part. */
  const derivedCache = new Map<string, boolean>();
  const isDerived = (lemma: string): boolean => {
    let derived = derivedCache.get(lemma);
    if (derived === undefined) {
      const lower = lowerFirst(lemma);
      const readings = forms.get(lower);
      derived =
        lower !== lemma &&
        (readings
          ? readings.some((c) => (c.pos === 'VERB' && c.lemma === lower) || (c.pos === 'ADJ' && c.lemma !== lower))
          : degreeLemma(lexicon, lower) !== undefined);
      derivedCache.set(lemma, derived);
    }
    return derived;
  };

  /** "Luftwaffe" = Luft + Waffe: a noun + link + noun that the table does not list itself. */
  const isTwoNouns = (base: string): boolean => {
    for (let j = MIN_PART; j <= base.length - MIN_PART; j++) {
      if (!nouns.has(upperFirst(base.slice(j)))) continue;
      const first = base.slice(0, j);
      const isNounWithLink = (l: string) =>
        first.endsWith(l) && first.length - l.length >= MIN_PART && nouns.has(first.slice(0, first.length - l.length));
      if (LINKS.some(isNounWithLink)) return true;
    }
    return false;
  };

  // Lexicalised modifiers attested by the table's own compounds: "Luftwaffen|experte" → Luftwaffe.
  const lexicalised = new Set<string>();
  for (const lemma of nouns) {
    if (lemma.length < 10 || !/^\p{Lu}\p{Ll}+$/u.test(lemma)) continue;
    for (let i = 5; i <= lemma.length - 4; i++) {
      const head = upperFirst(lemma.slice(i));
      if (!nouns.has(head) || isDerived(head)) continue;
      const prefix = lemma.slice(0, i);
      for (const link of LINKS) {
        if (!prefix.endsWith(link)) continue;
        const base = prefix.slice(0, prefix.length - link.length);
        if (base.length < 6 || nouns.has(base) || lexicalised.has(base) || linkCost(base, link) !== 0) continue;
        if (!isDerived(lemma) && isTwoNouns(base)) lexicalised.add(base);
      }
    }
  }

  /** True when `base` ends in a known noun of ≥ 3 letters ("Vorkrieg" ends in Krieg). */
  const endsInNoun = (base: string): boolean => {
    for (let j = 0; j <= base.length - MIN_PART; j++) if (nouns.has(upperFirst(base.slice(j)))) return true;
    return false;
  };

  /** An unknown modifier's linking element: "Vorkriegs" → Vorkrieg + s, "Hacktivisten" → Hacktivist + en. */
  const unknownLink = (surface: string): string => {
    if (/(?:ist|ant|ent)en$/.test(surface)) return 'en';
    if (/(?:ung|heit|keit|schaft|ion|tät)s$/.test(surface)) return 's';
    for (const link of ['s', 'es', 'n', 'en'] as const) {
      if (surface.endsWith(link) && endsInNoun(surface.slice(0, surface.length - link.length))) return link;
    }
    return '';
  };

  const modifiers = (seg: string, strict: boolean): Candidate[] => {
    const out: Candidate[] = [];
    for (const link of LINKS) {
      if (!seg.endsWith(link) || seg.length - link.length < MIN_PART) continue;
      const base = upperFirst(seg.slice(0, seg.length - link.length));
      if (link === '' && ADVERB_MODIFIERS.has(lowerFirst(base))) {
        out.push({ lemma: lowerFirst(base), link, cost: 0, kind: 'noun' });
        continue;
      }
      if (BAD_MODIFIERS.has(base)) continue;
      const extra = linkCost(base, link) + (base.length <= 3 ? 2 : 0);
      // In a known word only plain nouns of ≥ 4 letters: "Weiterentwicklung" is no Weitere + Entwicklung.
      if (strict) {
        if (base.length >= 4 && (nouns.has(base) || lexicalised.has(base)) && !isDerived(base)) {
          out.push({ lemma: base, link, cost: extra, kind: 'noun' });
        }
        continue;
      }
      if (nouns.has(base)) {
        // "Spitzen" is a lemma, but as a modifier rather Spitze + n: prefer the reading with a link.
        const alsoInflected = link === '' && readingsOf(lexicon, base, 'NOUN').some((c) => c.lemma !== base);
        out.push({
          lemma: base,
          link,
          cost: extra + (isDerived(base) ? 4 : 0) + (alsoInflected ? 1 : 0),
          kind: 'noun',
        });
      } else if (lexicalised.has(base)) out.push({ lemma: base, link, cost: extra + 1, kind: 'noun' });
      // The -e of a noun drops before the link: "Hilfs|paket" → Hilfe, "Farb|revolution" → Farbe.
      else if ((link === '' || link === 's') && base.length >= 4 && nouns.has(`${base}e`) && !isDerived(`${base}e`)) {
        out.push({ lemma: `${base}e`, link, cost: 1, kind: 'noun' });
      }
      if (link !== '') continue;
      const lower = lowerFirst(base);
      if (base.length >= 4) {
        if (isAdjectiveLemma(lexicon, lower)) out.push({ lemma: lower, link, cost: 3, kind: 'stem' });
        const infinitive = [`${lower}en`, `${lower}n`].find((v) => isVerbLemma(lexicon, v));
        if (infinitive) out.push({ lemma: infinitive, link, cost: 4, kind: 'stem' });
      }
    }
    if (strict) return out;
    // A plural or case form as modifier: "Länder|spiel" → Land.
    const capitalised = upperFirst(seg);
    for (const c of readingsOf(lexicon, capitalised, 'NOUN')) {
      if (c.lemma === capitalised || BAD_MODIFIERS.has(c.lemma) || isDerived(c.lemma)) continue;
      const link = pluralLink(seg, c.lemma);
      if (!out.some((o) => o.lemma === c.lemma && o.link === link))
        out.push({ lemma: c.lemma, link, cost: 2, kind: 'noun' });
    }
    return out;
  };

  /**
   * The head's candidate. For a known word (`wordLemmas` given) the head must end the word's own
   * lemma: "Flugzeugen" (Flugzeug) is not Flug + Zeugen (Zeuge).
   */
  const head = (seg: string, after: State['lastKind'], wordLemmas: readonly string[] | null): Candidate | undefined => {
    const capitalised = upperFirst(seg);
    if (BAD_HEADS.has(capitalised)) return undefined;
    if (after === 'unknown' && seg.length < MIN_HEAD_AFTER_UNKNOWN) return undefined;
    const short = seg.length <= 3 ? 2 : 0;
    const endsWord = (lemma: string) =>
      !wordLemmas || wordLemmas.some((l) => l.toLowerCase().endsWith(lemma.toLowerCase()));
    const reading = readingsOf(lexicon, capitalised, 'NOUN').find((c) => !BAD_HEADS.has(c.lemma) && endsWord(c.lemma));
    if (reading) {
      // "Studier|ende" is a participle, not a compound with Ende.
      if (after === 'stem' && /^Ende/.test(reading.lemma)) return undefined;
      const derived = isDerived(reading.lemma);
      if (derived && (after === 'unknown' || wordLemmas)) return undefined;
      return { lemma: reading.lemma, link: '', cost: short + (derived ? 3 : 0), kind: 'noun' };
    }
    if (wordLemmas) return undefined;
    const derived = derivedUngNoun(lexicon, capitalised);
    return derived ? { lemma: derived, link: '', cost: 2, kind: 'noun' } : undefined;
  };

  const split = (word: string): CompoundPart[] | null => {
    const n = word.length;
    if (n < MIN_WORD || !/^\p{Lu}\p{Ll}+$/u.test(word)) return null;
    if (PROPER_NAMES.test(word)) return null;
    // A known noun, or a derived one ("Verbreitung" of verbreiten, "Redakteurin" of Redakteur), is
    // split only into plain nouns.
    const known = readingsOf(lexicon, word, 'NOUN').map((c) => c.lemma);
    const derivedWord = known.length ? undefined : (derivedUngNoun(lexicon, word) ?? derivedFeminine(lexicon, word));
    // A nominalised adjective or verb ("Preisgünstige", "Hinwegsetzen") is no noun compound.
    if (known.length && known.every(isDerived)) return null;
    const wordLemmas = known.length ? known : derivedWord ? [derivedWord] : null;
    const strict = wordLemmas !== null;
    // A capitalised verb or adjective at the start of a sentence ("Ausgegeben", "Digitales").
    if (!strict && forms.has(lowerFirst(word))) return null;
    const best: (State | undefined)[] = new Array(n + 1);
    best[0] = { cost: 0, parts: [], lastKind: 'start' };
    const relax = (from: State, to: number, surface: string, c: Candidate) => {
      const cost = from.cost + PART_COST + c.cost;
      const current = best[to];
      if (!current || cost < current.cost) {
        best[to] = { cost, parts: [...from.parts, { surface, lemma: c.lemma, link: c.link }], lastKind: c.kind };
      }
    };
    for (let i = 0; i < n; i++) {
      const from = best[i];
      if (!from) continue;
      for (let j = i + MIN_PART; j <= n; j++) {
        const seg = word.slice(i, j);
        if (j < n) {
          for (const c of modifiers(seg, strict)) relax(from, j, seg, c);
          if (i === 0 && !strict && j >= MIN_UNKNOWN && j <= n - MIN_HEAD_AFTER_UNKNOWN) {
            const link = unknownLink(seg);
            relax(from, j, seg, {
              lemma: seg.slice(0, seg.length - link.length),
              link,
              cost: 15 + seg.length / 2,
              kind: 'unknown',
            });
          }
        } else if (i > 0) {
          const c = head(seg, from.lastKind, wordLemmas);
          if (c) relax(from, j, seg, c);
        }
      }
    }
    const result = best[n];
    return result && result.parts.length > 1 ? result.parts : null;
  };

  const memo = new Map<string, readonly CompoundPart[] | null>();
  return (word) => {
    let parts = memo.get(word);
    if (parts === undefined) {
      parts = split(word);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, parts);
    }
    return parts && parts.map((p) => ({ ...p }));
  };
}
