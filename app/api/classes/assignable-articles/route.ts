import { execute } from '@/lib/action.server';
import { assignableArticles } from '@/lib/classroom/assignments.server';
import { PRIVATE, requireActor, route } from '@/lib/route.server';

/**
 * GET /api/classes/assignable-articles?q=<part of a title> → { articles: AssignableArticle[] }: at most
 * 20 articles the signed-in teacher may assign, newest first, for the assignment form's search. Signed
 * out 401, not a teacher 403, a query over 100 characters 400. Personal (another teacher sees other
 * classes-only articles): never stored by a cache.
 */
export const GET = route(async (request) => {
  const actor = await requireActor();
  const q = new URL(request.url).searchParams.get('q') ?? '';
  const articles = await execute(actor, assignableArticles, { q });
  return Response.json({ articles }, { headers: PRIVATE });
});
