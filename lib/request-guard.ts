import { type NextRequest, NextResponse } from 'next/server';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { isLocale, type Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

// What proxy.ts answers before Next routes a request, for requests that Next itself would answer with
// a 500 (docs/decisions/018-unknown-paths-and-outages.md):
// - a path that does not percent-decode (/en/articles/%C0%AE),
// - a deeper path under a first segment that is no locale (/xx/about: the static pages' layout cannot
//   negotiate a language there),
// - a server-action call from another site, or with a body that the app's islands never send.
// Anything else passes untouched. Pages answer with the localized 404 (a rewrite to the locale's
// catch-all), API routes and actions with the JSON refusal of lib/route.server.ts.

/** next.config.mjs `experimental.serverActions.bodySizeLimit` ('5mb'). */
export const ACTION_BODY_MAX_BYTES = 5 * 1024 * 1024;

const PRIVATE = { 'Cache-Control': 'private, no-store' };

function refuse(status: number, key: string): Response {
  return Response.json({ ok: false, error: key }, { status, headers: PRIVATE });
}

/** The answer for this request, or undefined to let Next route it. */
export async function guardRequest(request: NextRequest): Promise<Response | undefined> {
  const { pathname } = request.nextUrl;
  const segments = pathname.split('/').slice(1);
  const first = segments[0] ?? '';
  const internal = first === 'api' || first === '_next';
  if (!segments.every(decodes)) {
    return internal ? refuse(400, 'errors:action.invalid') : notFound(request, decodes(first) ? first : '');
  }
  if (request.method === 'POST' && request.headers.has('next-action')) return checkActionCall(request);
  if (request.method === 'POST' && isMultipart(request) && !internal) {
    // Next would try it as a no-JavaScript action form; the app's forms all call actions from islands.
    return refuse(415, 'errors:action.invalid');
  }
  if (!internal && !isLocale(first) && segments.length > 1) return notFound(request, first);
  return undefined;
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The localized 404 page: in the path's locale, else in the language the browser prefers. */
function notFound(request: NextRequest, segment: string): Response {
  const locale: Locale = isLocale(segment) ? segment : negotiateLocale(request.headers.get('accept-language'));
  return NextResponse.rewrite(new URL(paths.notFound(locale), request.url));
}

function isMultipart(request: NextRequest): boolean {
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/**
 * A server-action call (POST with a Next-Action header). Next compares the Origin's host with the
 * request's (X-Forwarded-Host, else Host) and answers a mismatch, or a body it cannot decode, with a
 * 500; here they are a 403 and a 400. The islands send every input as one JSON array of plain values
 * (React's encodeReply without files, maps or streams), so anything else is refused before Next decodes it.
 */
async function checkActionCall(request: NextRequest): Promise<Response | undefined> {
  if (isForeignOrigin(request)) return refuse(403, 'errors:action.forbidden');
  if (isMultipart(request)) return refuse(415, 'errors:action.invalid');
  if (Number(request.headers.get('content-length') ?? 0) > ACTION_BODY_MAX_BYTES) {
    return refuse(413, 'errors:action.invalid');
  }
  const body = await request.text();
  if (new TextEncoder().encode(body).length > ACTION_BODY_MAX_BYTES) return refuse(413, 'errors:action.invalid');
  return isPlainReply(body) ? undefined : refuse(400, 'errors:action.invalid');
}

/** Next's own test (app-render/action-handler): an Origin, when sent, must name this host. */
function isForeignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  try {
    return origin === 'null' || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

// How React's encodeReply writes plain values that JSON has no form for: a string that starts with
// `$` (`$$…`), undefined, NaN, ±Infinity, -0, a Date (`$D…`) and a BigInt (`$n…`). Any other `$` string
// refers to a part of a multipart body (a file, a map, a promise …), which the islands never send.
const PLAIN_ESCAPE = /^\$(?:\$|D|undefined$|NaN$|-?Infinity$|-0$|n-?\d+$)/;

/** A JSON array (the action's arguments) holding only plain values, walked without recursion. */
export function isPlainReply(body: string): boolean {
  let reply: unknown;
  try {
    reply = JSON.parse(body);
  } catch {
    return false;
  }
  if (!Array.isArray(reply)) return false;
  const pending: unknown[] = [reply];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.startsWith('$') && !PLAIN_ESCAPE.test(value)) return false;
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) pending.push(item);
    }
  }
  return true;
}
