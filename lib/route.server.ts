import 'server-only';
import { currentActor, type Actor } from '@/lib/action.server';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/lib/db-retry.server';
import { AppError, ForbiddenError, InvalidInputError, SignedOutError } from '@/lib/errors';

// Route handlers share one guard and one error → status mapping: a handler wrapped in `route` throws
// the errors of lib/errors.ts and the client gets `{ ok: false, error, fieldErrors? }` with the
// error's status. Personal answers are never stored by a cache. An unavailable database is a 503 with
// Retry-After, so that clients and load balancers wait and try again instead of reporting a failure.

export const PRIVATE = { 'Cache-Control': 'private, no-store' } as const;

/** The i18n key of the answer while the database is unavailable. */
const UNAVAILABLE_KEY = 'errors:unavailable.database';

type Context<P> = { params: Promise<P> };

/** A route handler whose refusals (AppError) become JSON answers with their status. */
export function route<P>(
  handle: (request: Request, params: P) => Promise<Response>,
): (request: Request, context: Context<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handle(request, await context.params);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        console.error(
          new Error(`${request.method} ${new URL(request.url).pathname}: database unavailable`, { cause: error }),
        );
        return Response.json(
          { ok: false, error: UNAVAILABLE_KEY },
          { status: 503, headers: { ...PRIVATE, 'Retry-After': String(RETRY_AFTER_SECONDS) } },
        );
      }
      if (!(error instanceof AppError)) throw error;
      const body = { ok: false, error: error.key, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) };
      return Response.json(body, { status: error.status, headers: PRIVATE });
    }
  };
}

/** The signed-in user of this request, or a 401. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new SignedOutError();
  return actor;
}

/** A cross-site form or beacon must not act for a signed-in user: an Origin, if sent, is this site's. */
export function requireSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin) return;
  const forwarded = `${request.headers.get('x-forwarded-proto') ?? 'http'}://${request.headers.get('host')}`;
  if (origin !== new URL(request.url).origin && origin !== forwarded) throw new ForbiddenError();
}

/** The request's JSON body, refused (400) when it is larger than `maxChars` or not JSON. */
export async function jsonBody(request: Request, maxChars: number, invalid?: string): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxChars) throw new InvalidInputError(invalid);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InvalidInputError(invalid, { cause });
  }
}
