// Pre-1996 spelling in the packages: some entries keep ß after a short vowel ("muß", "mußte", "läßt"),
// which the reform writes ss ("muss"). The vowel's length is not in the letters, so the rule takes every
// ß at the end of a word or before a consonant ("groß" → "gross" too: that is Swiss spelling, which does
// no harm) and keeps ß before a vowel ("Straße", "große"; also "Flußufer", whose seam it cannot see).

const OLD_SZ = /ß(?![aeiouyäöü])/;
const OLD_SZ_ALL = /ß(?![aeiouyäöü])/g;

/** True when the word has an ß the reform may write ss: "muß", "läßt", "Fluß" (not "Straße"). */
export function hasOldSz(word: string): boolean {
  return OLD_SZ.test(word);
}

/** The word in reformed spelling: "mußte" → "musste", "Schlußstrich" → "Schlussstrich", "Straße" unchanged. */
export function reformSz(word: string): string {
  return word.replace(OLD_SZ_ALL, 'ss');
}
