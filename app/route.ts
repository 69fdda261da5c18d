import { negotiateLocale } from '@/lib/i18n/negotiate';
import { paths } from '@/lib/paths';

// `/` sends the reader to the library in the language their browser prefers. A route handler, not a
// page: the locale layouts are the root layouts, and `/` has none.
export function GET(request: Request): Response {
  const target = new URL(paths.library(negotiateLocale(request.headers.get('accept-language'))), request.url);
  return new Response(null, { status: 307, headers: { Location: target.pathname, Vary: 'Accept-Language' } });
}
