'use client';
import { inferAdditionalFields } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';
import type { auth } from './auth.server';

/** The browser side of better-auth: same-origin requests to /api/auth/*. */
export const authClient = createAuthClient({ plugins: [inferAdditionalFields<typeof auth>()] });
