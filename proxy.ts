import type { NextRequest } from 'next/server';
import { guardRequest } from '@/lib/request-guard';

// Runs only for the requests that the matcher names, so cached pages are served without it:
// see lib/request-guard.ts and docs/decisions/018-unknown-paths-and-outages.md.
export async function proxy(request: NextRequest): Promise<Response | undefined> {
  return guardRequest(request);
}

export const config = {
  matcher: [
    // Server-action calls: POST with a Next-Action header.
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
    // Multipart posts to pages (Next would take them for no-JavaScript action forms).
    { source: '/((?!api/).*)', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
    // A path with a percent sign: it may not decode.
    '/(.*%.*)',
    // A deeper path under a first segment that is not a locale (the list of lib/i18n/settings.ts).
    '/((?!(?:en|de|api|_next)/)[^/]+/.+)',
  ],
};
