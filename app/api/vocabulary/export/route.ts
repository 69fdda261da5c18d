import { InvalidInputError } from '@/lib/errors';
import { formatIsoDate } from '@/lib/format';
import { PRIVATE, requireActor, route } from '@/lib/route.server';
import { entriesToAnki, entriesToCsv } from '@/lib/vocabulary/csv';
import { exportEntries } from '@/lib/vocabulary/queries.server';
import { ExportFormatSchema } from '@/lib/vocabulary/schema';

/**
 * GET /api/vocabulary/export?format=csv|anki: every word of the signed-in learner as a download.
 * CSV (with a UTF-8 BOM, so that Excel reads umlauts) for spreadsheets and re-import; a tab-separated
 * notes file for Anki. Personal: never cached.
 */
export const GET = route(async (request) => {
  const { userId } = await requireActor();
  const format = ExportFormatSchema.safeParse(new URL(request.url).searchParams.get('format'));
  if (!format.success) throw new InvalidInputError('vocabulary:errors.exportFormat');
  const entries = await exportEntries(userId);
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
});
