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
  const records = parse(text.replace(/^\uFEFF/, ''), {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  // info.lines is the line where the record ends; a record starts after the previous one ended.
  let previousEnd = 0;
  const rows = records.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { line, cells: record.map((c) => c.replace(/^\uFEFF/, '')) };
  });
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
