import { parseGlossaryCsv } from './csv';
import { type ExchangeFormat, formatOf, type ParsedFile } from './exchange';
import { parseTbx } from './tbx';

/** An uploaded glossary file, in whichever format it is: a task of the worker threads (lib/worker-thread.ts). */
export function parseGlossaryFile(text: string): ParsedFile & { format: ExchangeFormat } {
  const format = formatOf(text);
  return { format, ...(format === 'tbx' ? parseTbx(text) : parseGlossaryCsv(text)) };
}
