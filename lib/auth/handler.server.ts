import 'server-only';
import { withBodyLimit } from '@/lib/request-body.server';
import { auth } from './auth.server';

/**
 * The largest body /api/auth/* reads: its biggest request, a sign-up, is at most about 1 KB (a name of
 * 80 characters, an e-mail of 254, a password of 128, an invitation token).
 */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;

/** better-auth's request handler behind the body cap: a larger body gets 413 without being read whole. */
export const authRequestHandler = withBodyLimit(AUTH_BODY_MAX_BYTES, (request) => auth.handler(request));
