import { ArticleSlugSchema } from '@/lib/articles/schema';
import { InvalidInputError } from '@/lib/errors';
import { PRIVATE, requireActor, route } from '@/lib/route.server';
import { statusesForArticle } from '@/lib/vocabulary/queries.server';

/**
 * GET /api/articles/<slug>/vocabulary: the signed-in learner's status for each word (lemma) of the
 * article. The article page itself is shared and cached; this is its only personal part.
 */
export const GET = route<{ slug: string }>(async (_request, params) => {
  const { userId } = await requireActor();
  const slug = ArticleSlugSchema.safeParse(params.slug);
  if (!slug.success) throw new InvalidInputError('vocabulary:errors.article');
  const statuses = await statusesForArticle(userId, slug.data);
  return Response.json({ statuses }, { headers: PRIVATE });
});
