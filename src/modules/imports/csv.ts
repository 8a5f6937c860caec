import { parse } from 'csv-parse/sync';

export interface CsvTable {
  header: string[];
  /** Data rows with the 1-based line in the file where each starts. */
  rows: Array<{ line: number; cells: string[] }>;
}

/**
 * Reads CSV liberally: byte-order mark, CRLF or LF, quoted commas and doubled
 * quotes, ragged rows. `findHeader` picks the header row (after any preamble).
 */
export function readCsv(text: string, findHeader: (cells: string[]) => boolean = () => true): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const options = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true } as const;
  const read = (input: string, fromLine = 1) => {
    const records = parse(input, { ...options, from_line: fromLine }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    // info.lines is the line where a record ends; a record starts after the previous one ended.
    let previousEnd = fromLine - 1;
    return records.map(({ record, info }) => {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      return { line, cells: record.map((c) => c.replace(/^\uFEFF/, '')) };
    });
  };
  // Find the header among the first lines (a preamble may come first), then read the
  // data from there: rows of one width parse fastest.
  const head = source.split(/\r\n|\n|\r/).slice(0, 50).join('\n');
  let headerRow: { line: number; cells: string[] } | undefined;
  try {
    headerRow = read(head).find((r) => findHeader(r.cells));
  } catch {
    headerRow = undefined;
  }
  const rows = headerRow ? read(source, headerRow.line) : read(source).filter((r, i, all) => i >= all.findIndex((x) => findHeader(x.cells)));
  const headerIndex = rows.findIndex((r) => findHeader(r.cells));
  if (headerIndex === -1) return { header: [], rows: [] };
  const header = rows[headerIndex]?.cells.map((h) => h.trim()) ?? [];
  const data = rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header, rows: data };
}

export function column(header: string[], ...names: string[]): number {
  const lower = header.map((h) => h.toLowerCase());
  for (const name of names) {
    const index = lower.indexOf(name.toLowerCase());
    if (index !== -1) return index;
  }
  return -1;
}

export const cell = (cells: string[], index: number): string => (index >= 0 ? (cells[index] ?? '') : '');
