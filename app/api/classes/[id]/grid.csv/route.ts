import { gridCsv } from '@/lib/classroom/grid.server';
import { NotFoundError } from '@/lib/errors';
import { formatIsoDate } from '@/lib/format';
import { PRIVATE, requireActor, route } from '@/lib/route.server';

/**
 * GET /api/classes/<id>/grid.csv: the class's progress grid as a download, for the class's teacher
 * (or an admin) only: signed out 401; anyone else's or no class 404. CSV with a UTF-8 BOM, so that
 * Excel reads umlauts.
 */
export const GET = route<{ id: string }>(async (_request, { id }) => {
  const actor = await requireActor();
  const csv = await gridCsv(actor.userId, id);
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
