import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth.server';

/** /api/auth/*: better-auth's endpoints (sign-up, sign-in, sign-out, session, change-password). */
export const { GET, POST } = toNextJsHandler(auth);
