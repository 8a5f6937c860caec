import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { openSqlite } from '../src/db/factory.js';
import { prng } from '../src/shared/random.js';

const GIVEN = ['Amira', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonah', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olga'];
const FAMILY = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Novak', 'Haddad', 'Kim', 'Tanaka', 'Byrne', 'Mensah'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A LinkedIn Connections.csv as LinkedIn writes it, with `rows` connections. */
export function linkedInFile(rows: number): string {
  const random = prng(30_000);
  const lines = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < rows; i++) {
    const given = random.pick(GIVEN);
    const family = `${random.pick(FAMILY)}${i}`;
    const email = random.next() < 0.1 ? `${given}.${family}@example.com`.toLowerCase() : '';
    lines.push(
      `${given},${family},https://www.linkedin.com/in/${given}-${family}-${i}`.toLowerCase() +
        `,${email},"Company ${i % 3000}, Ltd",Product Manager,${1 + (i % 28)} ${random.pick(MONTHS)} ${2015 + (i % 10)}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A table's rows as an import wrote them: its columns, and each row's values in that order. */
interface WrittenTable {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** Every table an import writes (the search index's FTS tables follow search_documents through its triggers), parents first. */
const IMPORTED_TABLES = ['organizations', 'contacts', 'search_documents'] as const;

/** The rows an import wrote, read back from its database. */
function writtenRows(dbPath: string): WrittenTable[] {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return IMPORTED_TABLES.map((table) => {
      const statement = db.prepare(`select * from ${table}`).raw(true);
      return { table, columns: statement.columns().map((c) => c.name), rows: statement.all() as unknown[][] };
    });
  } finally {
    db.close();
  }
}

/**
 * The floor of the same work: csv-parse reads the file, then prepared better-sqlite3 inserts write the
 * very rows the import writes (its organisations, contacts and search documents, taken from a CLI
 * import of the same file) into the same, freshly migrated schema with the app's connection settings,
 * search index included (its triggers fill the FTS tables, then it is merged into one segment), in one transaction. Turning the parsed
 * fields into those rows is left out, so this is strictly less work than the import.
 */
function rawImport(file: string, dbPath: string, written: WrittenTable[], rows: number): number {
  const start = performance.now();
  const records = parse(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true, from_line: 5 }) as string[][];
  if (records.length !== rows) throw new Error(`csv-parse read ${records.length} of ${rows} rows`);
  const db = openSqlite(dbPath);
  const inserts = written.map((t) => ({ statement: db.prepare(`insert into ${t.table} (${t.columns.join(', ')}) values (${t.columns.map(() => '?').join(', ')})`), rows: t.rows }));
  db.transaction(() => {
    for (const { statement, rows: values } of inserts) for (const row of values) statement.run(row);
    // As the import does after writing 1,000 documents or more: the index merged into one segment.
    db.prepare(`insert into search_fts(search_fts) values ('optimize')`).run();
  })();
  db.close();
  return (performance.now() - start) / 1000;
}

/** The CLI, as a user runs it: a new process. */
const cli = (home: string, ...args: string[]) => execFileSync(process.execPath, [resolve('bin/inroads.js'), '--home', home, ...args], { maxBuffer: 256 * 1024 * 1024 });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * The import through the CLI (a new process, into an empty workspace) against the
 * baseline, alternating, median of `rounds` runs each (a busy machine skews single runs).
 */
export async function benchImport(rows: number, rounds = 5): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'inroads-bench-import-'));
  try {
    const file = join(dir, 'Connections.csv');
    writeFileSync(file, linkedInFile(rows));
    /** The CLI's import of the file into a new, migrated home: its seconds, end to end (a new process). */
    const cliImport = (home: string) => {
      // Like the baseline's database, the home already has its (empty) schema: the import is timed, not the first-run set-up.
      cli(home, 'db', 'migrate');
      const start = performance.now();
      const output = cli(home, 'import', 'linkedin', file, '--json');
      const seconds = (performance.now() - start) / 1000;
      const report = JSON.parse(output.toString()) as { counts: { new: number } };
      if (report.counts.new !== rows) throw new Error(`imported ${report.counts.new} of ${rows} rows`);
      return seconds;
    };
    // One import first (not timed) gives the rows the baseline writes.
    cliImport(join(dir, 'home-rows'));
    const written = writtenRows(join(dir, 'home-rows', 'inroads.db'));
    const raws: number[] = [];
    const runs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const rawHome = join(dir, `raw-${round}`);
      cli(rawHome, 'db', 'migrate');
      raws.push(rawImport(file, join(rawHome, 'inroads.db'), written, rows));
      runs.push(cliImport(join(dir, `home-${round}`)));
    }
    const started = performance.now();
    cli(join(dir, 'home-rows'), '--version');
    const startup = (performance.now() - started) / 1000;
    const raw = median(raws);
    const inroads = median(runs);
    return [
      `| LinkedIn import, ${rows.toLocaleString('en')} rows (CLI, end to end, median of ${rounds}) | ${inroads.toFixed(2)} s | ${(inroads / raw).toFixed(2)}× the baseline |`,
      `| baseline: csv-parse + prepared better-sqlite3 inserts of the same rows (${written.map((t) => `${t.rows.length.toLocaleString('en')} ${t.table.replace('_', ' ')}`).join(', ')}), search index included, one transaction (median of ${rounds}) | ${raw.toFixed(2)} s |   |`,
      `| context: the CLI starting and exiting (\`inroads --version\`), part of its end-to-end time | ${startup.toFixed(2)} s |   |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
