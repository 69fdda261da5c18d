// Slugs for imported articles: the title's words, transliterated, plus a short random suffix so that
// two imports with one title never collide (ArticleSlugSchema: lowercase words joined by hyphens).

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', ø: 'oe', œ: 'oe' };

export function slugBase(title: string, maxLength = 60): string {
  const words = title
    .toLowerCase()
    .replace(/[äöüßæøœ]/gu, (c) => TRANSLITERATION[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > maxLength) break;
    base = next;
  }
  return base || words[0]?.slice(0, maxLength) || 'artikel';
}

/** `suffix` is random in production (import.server.ts) and fixed in tests. */
export function articleSlug(title: string, suffix: string): string {
  return `${slugBase(title)}-${suffix.toLowerCase().replace(/[^a-z0-9]/gu, '') || 'x'}`;
}
