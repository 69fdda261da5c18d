import { ArticleSlugSchema } from '@/lib/articles/schema';
import { getCurrentUser } from '@/lib/auth/session.server';
import { statusesForArticle } from '@/lib/vocabulary/queries.server';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/**
 * GET /api/articles/<slug>/vocabulary: the signed-in learner's status for each word (lemma) of the
 * article. The article page itself is shared and cached; this is its only personal part.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'sign in first' }, { status: 401, headers: PRIVATE });
  const slug = ArticleSlugSchema.safeParse((await params).slug);
  if (!slug.success) return Response.json({ error: 'invalid article slug' }, { status: 400, headers: PRIVATE });
  const statuses = await statusesForArticle(user.id, slug.data);
  return Response.json({ statuses }, { headers: PRIVATE });
}
