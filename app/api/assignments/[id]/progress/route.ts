import { getCurrentUser } from '@/lib/auth/session.server';
import { getAssignmentForStudent } from '@/lib/classroom/assignments.server';
import { recordProgress } from '@/lib/classroom/progress.server';

const PRIVATE = { 'Cache-Control': 'private, no-store' };
const MAX_BODY = 64 * 1024;

/** The HTTP status of a refused batch: someone else's (or no) assignment looks missing; a flood is 429. */
function statusOf(error: string): number {
  if (error.endsWith('.notFound') || error.endsWith('.forbidden')) return 404;
  if (error.endsWith('.tooManyEvents')) return 429;
  return 400;
}

/** A cross-site form or beacon must not write progress for a signed-in student: same origin only. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  return (
    !origin ||
    origin === new URL(request.url).origin ||
    origin === `${request.headers.get('x-forwarded-proto') ?? 'http'}://${request.headers.get('host')}`
  );
}

/**
 * POST /api/assignments/<id>/progress: a batch of the signed-in student's reading events
 * ({events: [{id, kind, paragraph?, seconds?, term?}]}), sent by the reader's tracking island and by
 * navigator.sendBeacon on leaving. Events are idempotent by id; the service validates, bounds and
 * scopes them to the student's own membership. Answers {accepted, duplicates} or {error: i18n key}.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'account:errors.signedOut' }, { status: 401, headers: PRIVATE });
  if (!sameOrigin(request))
    return Response.json({ error: 'classroom:errors.invalid' }, { status: 403, headers: PRIVATE });
  const text = await request.text();
  if (text.length > MAX_BODY)
    return Response.json({ error: 'classroom:errors.tooManyEvents' }, { status: 413, headers: PRIVATE });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: 'classroom:errors.invalid' }, { status: 400, headers: PRIVATE });
  }
  const events = body && typeof body === 'object' ? (body as { events?: unknown }).events : undefined;
  const result = await recordProgress(user.id, { assignmentId: (await params).id, events } as Parameters<
    typeof recordProgress
  >[1]);
  if (!result.ok)
    return Response.json(
      { error: result.error, fieldErrors: result.fieldErrors },
      { status: statusOf(result.error), headers: PRIVATE },
    );
  return Response.json(result.data, { headers: PRIVATE });
}

/** GET /api/assignments/<id>/progress: what the reader's assignment bar shows (title, status, focus terms), for a member only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'account:errors.signedOut' }, { status: 401, headers: PRIVATE });
  const assignment = await getAssignmentForStudent(user.id, (await params).id);
  if (!assignment) return Response.json({ error: 'classroom:errors.notFound' }, { status: 404, headers: PRIVATE });
  const { id, article, status, focusTerms, className } = assignment;
  return Response.json(
    { id, className, article, status, focusTerms: focusTerms.map((term) => term.lemma) },
    { headers: PRIVATE },
  );
}
