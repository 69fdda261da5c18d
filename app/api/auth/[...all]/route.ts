import { authRequestHandler } from '@/lib/auth/handler.server';

/** /api/auth/*: better-auth's endpoints (sign-up, sign-in, sign-out, session, change-password), bodies capped. */
export const GET = authRequestHandler;
export const POST = authRequestHandler;
