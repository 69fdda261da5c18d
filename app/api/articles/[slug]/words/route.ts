import { getArticleWords } from '@/lib/articles/queries.server';
import { ArticleSlugSchema } from '@/lib/articles/schema';

// Like the article page: built on its first request, then served from Next's cache until content changes.
export const dynamic = 'force-static';
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

/** GET /api/articles/<slug>/words: the article's German words with lemmas, by sentence anchor. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = ArticleSlugSchema.safeParse((await params).slug);
  if (!slug.success) return Response.json({ error: 'invalid article slug' }, { status: 400 });
  const words = await getArticleWords(slug.data);
  if (!words) return Response.json({ error: 'article not found' }, { status: 404 });
  return Response.json({ words }, { headers: { 'Cache-Control': 'public, max-age=300' } });
}
