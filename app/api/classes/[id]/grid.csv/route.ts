import { getCurrentUser } from '@/lib/auth/session.server';
import { gridCsv } from '@/lib/classroom/dashboard.server';
import { formatIsoDate } from '@/lib/format';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/**
 * GET /api/classes/<id>/grid.csv: the class's progress grid as a download, for the class's teacher
 * only (anyone else's or no class: 404). CSV with a UTF-8 BOM, so that Excel reads umlauts.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'account:errors.signedOut' }, { status: 401, headers: PRIVATE });
  const csv = await gridCsv(user.id, (await params).id);
  if (csv === null) return Response.json({ error: 'classroom:errors.notFound' }, { status: 404, headers: PRIVATE });
  const body = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  return new Response(body, {
    headers: {
      ...PRIVATE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lesebruecke-class-${formatIsoDate(new Date())}.csv"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
