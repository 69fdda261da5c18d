import { getArticleWords } from '@/lib/articles/queries.server';
import { ArticleSlugSchema } from '@/lib/articles/schema';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { route } from '@/lib/route.server';

// Like the article page: built on its first request, then served from Next's cache until content changes.
export const dynamic = 'force-static';
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

/** GET /api/articles/<slug>/words: the article's German words with lemmas, by sentence anchor. */
export const GET = route<{ slug: string }>(async (_request, params) => {
  const slug = ArticleSlugSchema.safeParse(params.slug);
  if (!slug.success) throw new InvalidInputError('vocabulary:errors.article');
  const words = await getArticleWords(slug.data);
  if (!words) throw new NotFoundError('vocabulary:errors.articleNotFound');
  return Response.json({ words }, { headers: { 'Cache-Control': 'public, max-age=300' } });
});
