import { parse } from 'csv-parse/sync';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsv, splitCsv } from './csv.js';
import { parseImportFile } from './imports.usecases.js';

const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('', '"', 'a,b', 'x\ny', 'x\r\ny', ' "q" ', 'Ünï 名前'));
const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
/** Cells quoted where they must be (and sometimes where they need not be), rows of any width. */
const csvText = fc
  .record({
    rows: fc.array(fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    nl: fc.constantFrom('\n', '\r\n'),
    last: fc.boolean(),
  })
  .map(({ rows, nl, last }) => rows.map((cells) => cells.map(([v, q]) => (q || /[",\r\n]/.test(v) || v.startsWith('"') ? quoted(v) : v)).join(',')).join(nl) + (last ? nl : ''));

describe('splitCsv', () => {
  it('reads what csv-parse reads, with the line where each row starts', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const ours = splitCsv(text);
        const theirs = parse(text, { relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
        expect(ours.map((r) => r.cells)).toEqual(theirs.map((r) => r.record));
        // csv-parse reports where a record ends (the next starts on the following line);
        // it counts a CRLF inside quotes as two lines, so only LF files serve as the oracle.
        const starts = theirs.map((_, i) => (i === 0 ? 1 : (theirs[i - 1]?.info.lines ?? 0) + 1));
        if (!text.includes('\r')) expect(ours.map((r) => r.line)).toEqual(starts);
      }),
      { numRuns: 1000 },
    );
  });

  it('is liberal: a byte-order mark, bare CR line ends, quotes inside unquoted text, text after a closing quote', () => {
    expect(splitCsv('\uFEFFa,b\rc,"d"\r')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
    expect(splitCsv('"x\r\ny",1\r\nb\r\n').map((r) => r.line)).toEqual([1, 3]);
    expect(splitCsv('5" screen,"Ltd" Inc,x')[0]?.cells).toEqual(['5" screen', 'Ltd Inc', 'x']);
    expect(splitCsv('a,\n\nb')).toEqual([
      { line: 1, cells: ['a', ''] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('names the line where a quoted value is left open', () => {
    expect(() => splitCsv('a,b\nc,"multi\nline\n')).toThrow(CsvSyntaxError);
    try {
      splitCsv('a,b\nc,"multi\nline\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
    const result = parseImportFile('linkedin', new TextEncoder().encode('First Name,Last Name\nAna,"Lima\n'));
    expect(result.problems).toEqual([{ line: 2, severity: 'fatal', message: expect.stringContaining('never closed') }]);
  });

  it('finds the header after a preamble and drops empty rows', () => {
    const table = readCsv('Notes:\n"x, y"\n\nName,Email\nAna,a@b.co\n,\n', (cells) => cells.includes('Name'));
    expect(table).toEqual({ header: ['Name', 'Email'], rows: [{ line: 5, cells: ['Ana', 'a@b.co'] }] });
  });
});
