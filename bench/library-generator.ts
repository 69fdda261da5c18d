// A library of realistic published articles for benchmarks, built from the seed articles' paragraphs
// (prisma/content/articles/): each article recombines whole paragraphs (sentence groups with their
// English) under the seed articles' headings, 6–30 paragraphs long (about 10–50 sentence groups, as
// the seed articles are). Paragraphs are drawn with Zipf-like weights, so that a word of a rare
// paragraph stands in a handful of articles and one of a common paragraph in most: as terms spread
// through a real library. Deterministic for a given seed. Imported and annotated as the seed's
// articles are (lib/articles, lib/annotation): published, public, with their stored annotation.
import type { Db } from '@/lib/db.server';
import type { ArticleContent } from '@/lib/articles/schema';

type Group = { de: string; en: string };
type Heading = { de: string; en: string };

/** Weight of the i-th paragraph (in a seeded shuffled order) is 1 / (i + 1)^ZIPF. */
const ZIPF = 2;
const PARAGRAPHS = { min: 6, max: 30 };
const SECTION_PARAGRAPHS = { min: 2, max: 6 };

/** A small seeded generator of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (next: () => number, { min, max }: { min: number; max: number }) =>
  min + Math.floor(next() * (max - min + 1));

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `count` distinct items drawn by weight (without replacement), in the order drawn. */
function draw<T>(items: readonly { item: T; weight: number }[], count: number, next: () => number): T[] {
  const left = [...items];
  const drawn: T[] = [];
  while (drawn.length < count && left.length > 0) {
    let point = next() * left.reduce((sum, { weight }) => sum + weight, 0);
    const index = left.findIndex(({ weight }) => (point -= weight) < 0);
    drawn.push(left.splice(index < 0 ? left.length - 1 : index, 1)[0]!.item);
  }
  return drawn;
}

/** The slug of the n-th generated article (1-based). */
export const librarySlug = (n: number) => `bibliothek-${String(n).padStart(3, '0')}`;

/** `count` article contents recombined from `seeds` (validated article files), deterministic for `seed`. */
export function recombinedArticles(seeds: readonly ArticleContent[], count: number, seed = 1): ArticleContent[] {
  const next = random(seed);
  const paragraphs: Group[][] = seeds.flatMap((article) => article.sections.flatMap((s) => s.paragraphs));
  const headings: Heading[] = seeds.flatMap((article) => article.sections.flatMap((s) => s.heading ?? []));
  const weighted = shuffled(paragraphs, next).map((item, i) => ({ item, weight: 1 / (i + 1) ** ZIPF }));
  return Array.from({ length: count }, (_, index) => {
    const source = seeds[index % seeds.length]!;
    const body = draw(weighted, between(next, PARAGRAPHS), next);
    const sections: ArticleContent['sections'] = [];
    for (let at = 0; at < body.length;) {
      const size = between(next, SECTION_PARAGRAPHS);
      sections.push({
        heading: sections.length === 0 ? null : headings[Math.floor(next() * headings.length)]!,
        paragraphs: body.slice(at, at + size),
      });
      at += size;
    }
    const day = new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    return {
      slug: librarySlug(index + 1),
      title: { de: `${source.title.de} (${index + 1})`, en: `${source.title.en} (${index + 1})` },
      outlet: source.outlet,
      authors: source.authors,
      publishedAt: day,
      sourceNote: {
        de: 'Benchmark-Artikel, aus Absätzen der Beispielartikel zusammengesetzt.',
        en: 'Benchmark article, recombined from paragraphs of the sample articles.',
      },
      sections,
    };
  });
}

/**
 * Adds `count` recombined articles to the database behind `db` (seeded: the seed articles and the
 * glossary are there), imported and annotated as the seed's are. Returns their slugs.
 */
export async function generateLibrary(db: Db, count: number, seed = 1): Promise<string[]> {
  const { readArticleFiles } = await import('@/lib/articles/content-files.server');
  const { ArticleContentSchema } = await import('@/lib/articles/schema');
  const { importArticle } = await import('@/lib/articles/import.server');
  const { annotateArticles } = await import('@/lib/annotation/service.server');
  const seeds = (await readArticleFiles()).map(({ data }) => ArticleContentSchema.parse(data));
  const articles = recombinedArticles(seeds, count, seed);
  for (const article of articles) await importArticle(db, article);
  return annotateArticles(
    db,
    articles.map((a) => a.slug),
  );
}
