import { execute } from '@/lib/action.server';
import { getAssignmentForStudent } from '@/lib/classroom/queries.server';
import { recordProgress } from '@/lib/classroom/progress.server';
import { NotFoundError } from '@/lib/errors';
import { jsonBody, PRIVATE, requireActor, requireSameOrigin, route } from '@/lib/route.server';

const MAX_BODY = 64 * 1024;

/**
 * POST /api/assignments/<id>/progress: a batch of the signed-in student's reading events
 * ({events: [{id, kind, paragraph?, seconds?, term?}]}), sent by the reader's tracking island and by
 * navigator.sendBeacon on leaving; from this site only (403). Events are idempotent by id; the
 * command validates, bounds and scopes them to the student's own membership. Answers {accepted,
 * duplicates}, or {ok: false, error, fieldErrors?}: 400 refused input (or a body over 64 KB), 401
 * signed out, 404 someone else's or no assignment, 429 a flood.
 */
export const POST = route<{ id: string }>(async (request, { id }) => {
  const actor = await requireActor();
  requireSameOrigin(request);
  const body = await jsonBody(request, MAX_BODY, 'classroom:errors.invalid');
  const events = typeof body === 'object' && body !== null && 'events' in body ? body.events : undefined;
  return Response.json(await execute(actor, recordProgress, { assignmentId: id, events }), { headers: PRIVATE });
});

/** GET /api/assignments/<id>/progress: what the reader's assignment bar shows (title, status, focus terms), for a member only. */
export const GET = route<{ id: string }>(async (_request, { id }) => {
  const actor = await requireActor();
  const assignment = await getAssignmentForStudent(actor.userId, id);
  if (!assignment) throw new NotFoundError('classroom:errors.notFound');
  const { article, status, focusTerms, className } = assignment;
  return Response.json(
    { id: assignment.id, className, article, status, focusTerms: focusTerms.map((term) => term.lemma) },
    { headers: PRIVATE },
  );
});
