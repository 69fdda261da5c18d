import { getCurrentUser } from '@/lib/auth/session.server';
import { formatIsoDate } from '@/lib/format';
import { entriesToAnki, entriesToCsv } from '@/lib/vocabulary/csv';
import { exportEntries } from '@/lib/vocabulary/queries.server';
import { ExportFormatSchema } from '@/lib/vocabulary/schema';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/**
 * GET /api/vocabulary/export?format=csv|anki: every word of the signed-in learner as a download.
 * CSV (with a UTF-8 BOM, so that Excel reads umlauts) for spreadsheets and re-import; a tab-separated
 * notes file for Anki. Personal: never cached.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'sign in first' }, { status: 401, headers: PRIVATE });
  const format = ExportFormatSchema.safeParse(new URL(request.url).searchParams.get('format'));
  if (!format.success) return Response.json({ error: 'format must be csv or anki' }, { status: 400, headers: PRIVATE });
  const entries = await exportEntries(user.id);
  const csv = format.data === 'csv';
  const filename = `lesebruecke-words-${formatIsoDate(new Date())}.${csv ? 'csv' : 'txt'}`;
  return new Response(csv ? entriesToCsv(entries) : entriesToAnki(entries), {
    headers: {
      ...PRIVATE,
      'Content-Type': csv ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
