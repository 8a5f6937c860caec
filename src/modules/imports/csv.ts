import { hasNul } from '../../shared/input.js';
import { MAX_CSV_ROWS, nulInFile, tooManyPeople } from './imports.types.js';
import { runAtOnce, type Steps } from './slices.js';

export interface CsvRow {
  /** The 1-based line in the file where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  /** Data rows, each with the line where it starts. */
  rows: CsvRow[];
}

/** A file that cannot be read as CSV at all; `line` is where the trouble starts, `field` the column when one is to blame. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly field: string | undefined;
  constructor(line: number, message: string, field?: string) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
    this.field = field;
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into rows, liberally: a byte-order mark, CRLF, LF or CR line
 * ends, quoted fields with commas, line breaks and doubled quotes, quotes inside
 * unquoted text taken literally, rows of any width. Empty lines become rows with
 * one empty cell. Only a quoted field that never closes is an error.
 */
export function splitCsv(text: string): CsvRow[] {
  return runAtOnce(splitCsvSteps(text));
}

export function* splitCsvSteps(text: string): Steps<CsvRow[]> {
  const rows: CsvRow[] = [];
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < length) {
    yield;
    if (rows.length >= MAX_CSV_ROWS) throw tooManyPeople();
    const row: CsvRow = { line, cells: [] };
    rows.push(row);
    for (;;) {
      // One field, starting at i.
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        const opened = line;
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) throw new CsvSyntaxError(opened, 'A quoted value starts here and is never closed.');
          line += countLineBreaks(text, from, close);
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
      }
      // Unquoted text, or anything after a closing quote, runs to the next comma or line end.
      const start = i;
      let c = text.charCodeAt(i);
      while (i < length && c !== COMMA && c !== LF && c !== CR) c = text.charCodeAt(++i);
      if (i > start) value += text.slice(start, i);
      row.cells.push(value);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else if (i < length) i++;
      line++;
      break;
    }
  }
  return rows;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) count++;
  }
  return count;
}

/**
 * Reads a CSV file with a header row, which `findHeader` picks out (a preamble may
 * come before it). Rows with nothing in them are dropped. Throws CsvSyntaxError,
 * also for a NUL character in any cell (naming the row's line and the column).
 */
export function readCsv(text: string, findHeader: (cells: string[]) => boolean = () => true): CsvTable {
  return runAtOnce(readCsvSteps(text, findHeader));
}

export function* readCsvSteps(text: string, findHeader: (cells: string[]) => boolean = () => true): Steps<CsvTable> {
  const rows = yield* splitCsvSteps(text);
  const headerIndex = rows.findIndex((r) => findHeader(r.cells));
  if (headerIndex === -1 && hasNul(text)) throw nulError(rows, rows.length, []);
  if (headerIndex === -1) return { header: [], rows: [] };
  const header = rows[headerIndex]?.cells.map((h) => h.trim()) ?? [];
  if (hasNul(text)) throw nulError(rows, headerIndex === -1 ? rows.length : headerIndex, header);
  const data = rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header, rows: data };
}

/** The first cell holding a NUL, named by its column's header below the header row, by its position above it. */
function nulError(rows: CsvRow[], headerIndex: number, header: string[]): CsvSyntaxError {
  for (const [index, row] of rows.entries()) {
    const at = row.cells.findIndex(hasNul);
    if (at === -1) continue;
    const named = index > headerIndex ? header[at] : undefined;
    if (named && !hasNul(named)) return new CsvSyntaxError(row.line, nulInFile(`The value in “${named}”`), named);
    return new CsvSyntaxError(row.line, nulInFile(`The value in column ${at + 1}`), `column ${at + 1}`);
  }
  return new CsvSyntaxError(1, nulInFile('The file'), 'file');
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
