import { expect, test } from 'vitest';
import { ArticleSlugSchema } from '@/lib/articles/schema';
import { articleSlug } from './slug';

test('slugs are transliterated, bounded and valid', () => {
  expect(articleSlug('Chinas Kalkulation: Größe & Maß', 'a1b2')).toBe('chinas-kalkulation-groesse-mass-a1b2');
  expect(articleSlug('„…“', 'ff00')).toBe('artikel-ff00');
  const long = articleSlug('Wort '.repeat(100), 'abcd');
  expect(long.length).toBeLessThanOrEqual(70);
  for (const slug of [long, articleSlug('Ärger über Öl', '1'), articleSlug('日本語', 'zz')])
    expect(ArticleSlugSchema.safeParse(slug).success).toBe(true);
});
