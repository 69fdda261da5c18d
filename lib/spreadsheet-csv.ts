import Papa from 'papaparse';

// What the app's CSV files share with spreadsheets, both ways (vocabulary, glossary, class grid). Pure.

// Spreadsheets run a cell that starts with = + - @ (or tab, CR) as a formula: such cells get a leading
// `'`, as OWASP advises. A cell that already starts with `'` gets one more, so unquoting is exact.
const FORMULA_START = /^[=+\-@\t\r']/;
export const escapeCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
/** A cell as written, before escapeCell. */
export const unescapeCell = (value: string) =>
  value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;

/** A header cell as a column name: `Context DE` and `context-de` read as `context_de`. */
export const headerName = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** One row of a CSV file: the line it starts on (1 = the first), and its cells, or null where its quotes are broken. */
export type CsvRow = { line: number; cells: string[] | null };

/**
 * Reads a CSV file row by row, as a spreadsheet writes it: `,` `;` or tab separated, empty lines
 * skipped. `text` has `\n` line ends. `onRow` returns 'stop' to read no further.
 */
export function readCsvRows(text: string, onRow: (row: CsvRow) => 'stop' | void): void {
  let cursor = 0;
  let lines = 1;
  let rowStart = 0;
  // Line numbers come from the parser's cursor: a quoted cell may span lines.
  const lineAt = (offset: number) => {
    for (; cursor < offset; cursor++) if (text[cursor] === '\n') lines++;
    return lines;
  };
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step(result, parser) {
      let start = rowStart;
      while (text[start] === '\n') start++;
      rowStart = result.meta.cursor;
      const line = lineAt(start);
      const broken = result.errors.some((error) => error.type === 'Quotes');
      if (onRow({ line, cells: broken ? null : result.data }) === 'stop') parser.abort();
    },
  });
}
