import { gridCsv } from '@/lib/classroom/grid.server';
import { GridCsvQuerySchema } from '@/lib/classroom/schema';
import { NotFoundError } from '@/lib/errors';
import { formatIsoDate } from '@/lib/format';
import { PRIVATE, requireActor, route } from '@/lib/route.server';

/**
 * GET /api/classes/<id>/grid.csv?locale=de&tz=Europe/Berlin: the class's progress as a download, for
 * the class's teacher (or an admin) only: signed out 401; anyone else's or no class 404. Headers in the
 * teacher's language, dates in their zone (docs/decisions/027-teacher-dashboard-and-class-csv.md). CSV
 * with a UTF-8 BOM, so that Excel reads umlauts.
 */
export const GET = route<{ id: string }>(async (request, { id }) => {
  const actor = await requireActor();
  const params = new URL(request.url).searchParams;
  const query = GridCsvQuerySchema.parse({ locale: params.get('locale'), tz: params.get('tz') });
  const csv = await gridCsv(actor.userId, id, query.locale, query.tz);
  if (csv === null) throw new NotFoundError('classroom:errors.notFound');
  return new Response(csv, {
    headers: {
      ...PRIVATE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lesebruecke-class-${formatIsoDate(new Date())}.csv"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
