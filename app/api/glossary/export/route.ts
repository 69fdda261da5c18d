import { formatIsoDate } from '@/lib/format';
import { glossaryToCsv } from '@/lib/glossary/csv';
import { ExportFormatSchema } from '@/lib/glossary/exchange';
import { approvedGlossary } from '@/lib/glossary/exchange.server';
import { glossaryToTbx } from '@/lib/glossary/tbx';
import { InvalidInputError } from '@/lib/errors';
import { route } from '@/lib/route.server';

/**
 * GET /api/glossary/export?format=tbx|csv: every approved glossary entry as a download, for anyone
 * (the glossary is public content; docs/decisions/034-glossary-exchange-tbx-csv.md). TBX-Basic for
 * terminology tools, CSV (with a UTF-8 BOM, so that Excel reads umlauts) for spreadsheets and re-import.
 * Not stored by caches: an editor's change shows in the next download.
 */
export const GET = route(async (request) => {
  const format = ExportFormatSchema.safeParse(new URL(request.url).searchParams.get('format'));
  if (!format.success) throw new InvalidInputError('glossaryExchange:errors.format');
  const entries = await approvedGlossary();
  const date = formatIsoDate(new Date());
  const tbx = format.data === 'tbx';
  const body = tbx
    ? glossaryToTbx(entries, {
        title: 'Lesebrücke glossary',
        description: `The approved entries of the Lesebrücke glossary of security-policy German, exported ${date}.`,
      })
    : glossaryToCsv(entries);
  return new Response(body, {
    headers: {
      'Cache-Control': 'no-store',
      'Content-Type': tbx ? 'application/xml; charset=utf-8' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lesebruecke-glossary-${date}.${format.data}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
