// The glossary index's A–Z: German collation files Ä, Ö, Ü under A, O, U (DIN 5007-1).

export const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] as const;
/** The group of entries that start with a digit or a sign. */
export const OTHER_INITIAL = '#';

/** The index letter of a lemma: "Öl ins Feuer gießen" → O, "auffüllen" → A, "7-Punkte-Plan" → #. */
export function initialOf(lemma: string): string {
  const first = lemma.trim().normalize('NFD').charAt(0).toUpperCase();
  return (LETTERS as readonly string[]).includes(first) ? first : OTHER_INITIAL;
}

/** A letter as the index's addresses and anchors write it: "a" … "z", and "other" for #. */
export const letterSlug = (letter: string) => (letter === OTHER_INITIAL ? 'other' : letter.toLowerCase());

/** The index letter a slug stands for ("w" → W, "other" → #), or undefined for anything else. */
export function letterOfSlug(slug: string): string | undefined {
  return [...LETTERS, OTHER_INITIAL].find((letter) => letterSlug(letter) === slug);
}

export type LetterGroup<T> = { letter: string; terms: T[] };

/** Terms (already in collation order) grouped by index letter, A to Z, then #; empty letters are left out. */
export function groupByInitial<T extends { lemma: string }>(terms: readonly T[]): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const term of terms) {
    const letter = initialOf(term.lemma);
    groups.set(letter, [...(groups.get(letter) ?? []), term]);
  }
  return [...LETTERS, OTHER_INITIAL].flatMap((letter) => {
    const group = groups.get(letter);
    return group ? [{ letter, terms: group }] : [];
  });
}
