// @ts-check
// What a request learned while Next handled it, for server.mjs to act on before the status goes out.
// A page whose render failed because the database is unavailable would go out as Next's 500 (a page
// cannot choose its status, ADR 018); instrumentation.ts's onRequestError marks the request, and
// server.mjs answers 503 with Retry-After instead, so that load balancers, clients and the fault
// drills see "unavailable, try again" (docs/decisions/040-deployment-shape.md). The storage lives on
// globalThis because server.mjs loads this file from disk while instrumentation.ts gets it bundled.
import { AsyncLocalStorage } from 'node:async_hooks';

/** @typedef {{ databaseUnavailable: boolean }} RequestOutcome */

/**
 * Seconds a client is asked to wait (Retry-After) before trying again when the database is
 * unavailable: by server.mjs for pages and by route handlers (lib/db-retry.server.ts) for the API.
 */
export const RETRY_AFTER_SECONDS = 5;

const KEY = Symbol.for('lesebruecke.requestOutcome');
const holder = /** @type {{ [KEY]?: AsyncLocalStorage<RequestOutcome> }} */ (globalThis);

/** The outcome of the request being handled (undefined outside server.mjs's requests). */
export const requestOutcome = (holder[KEY] ??= new AsyncLocalStorage());
