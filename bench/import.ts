import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { openDatabase } from '../src/db/factory.js';
import { newId } from '../src/shared/ids.js';
import { prng } from '../src/shared/random.js';
import { sortKey } from '../src/shared/text.js';

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

/** Baseline: csv-parse plus one prepared better-sqlite3 insert per row, in one transaction, into the same schema. */
async function rawImport(file: string, dbPath: string): Promise<number> {
  const handle = await openDatabase({ url: dbPath });
  await handle.close();
  const start = performance.now();
  const records = parse(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true, from_line: 5 }) as string[][];
  const db = new BetterSqlite3(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    `insert into contacts (id, name, sort_name, given_name, family_name, title, relationship, emails, linkedin_url, connected_on, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'linkedin-connection', ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  db.transaction(() => {
    for (const [first = '', last = '', url = '', email = '', , position = '', connected = ''] of records) {
      const name = `${first} ${last}`;
      insert.run(newId(), name, sortKey(name), first, last, position, JSON.stringify(email ? [{ value: email }] : []), url, connected, at, at);
    }
  })();
  db.close();
  return (performance.now() - start) / 1000;
}

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
    const raws: number[] = [];
    const runs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      raws.push(await rawImport(file, join(dir, `raw-${round}.db`)));
      // Like the baseline's database, the home already has its (empty) schema: the
      // import is timed, not the first-run set-up.
      const home = join(dir, `home-${round}`);
      execFileSync(process.execPath, [resolve('bin/inroads.js'), '--home', home, 'db', 'migrate']);
      const start = performance.now();
      const output = execFileSync(process.execPath, [resolve('bin/inroads.js'), '--home', home, 'import', 'linkedin', file, '--json'], { maxBuffer: 256 * 1024 * 1024 });
      runs.push((performance.now() - start) / 1000);
      const report = JSON.parse(output.toString()) as { counts: { new: number } };
      if (report.counts.new !== rows) throw new Error(`imported ${report.counts.new} of ${rows} rows`);
    }
    const raw = median(raws);
    const inroads = median(runs);
    return [
      `| LinkedIn import, ${rows.toLocaleString('en')} rows (CLI, end to end, median of ${rounds}) | ${inroads.toFixed(2)} s | ${(inroads / raw).toFixed(2)}× the baseline |`,
      `| baseline: csv-parse + prepared better-sqlite3 insert (median of ${rounds})               | ${raw.toFixed(2)} s |   |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
