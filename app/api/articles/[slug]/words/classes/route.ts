import { getArticleWords, readableBy } from '@/lib/articles/queries.server';
import { ArticleSlugSchema } from '@/lib/articles/schema';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { PRIVATE, requireActor, route } from '@/lib/route.server';

// Per request, for the signed-in user: the words of an article only some may read are never cached.
export const dynamic = 'force-dynamic';

/**
 * GET /api/articles/<slug>/words/classes: the words of an article the signed-in user may read
 * (a classes-only one of their class, their own, any for an admin), as /api/articles/<slug>/words.
 */
export const GET = route<{ slug: string }>(async (_request, params) => {
  const { userId } = await requireActor();
  const slug = ArticleSlugSchema.safeParse(params.slug);
  if (!slug.success) throw new InvalidInputError('vocabulary:errors.article');
  const words = await getArticleWords(slug.data, await readableBy(userId));
  if (!words) throw new NotFoundError('vocabulary:errors.articleNotFound');
  return Response.json({ words }, { headers: PRIVATE });
});
