import type BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../src/db/database.js';
import { openSqlite, type DatabaseHandle } from '../src/db/factory.js';
import { createAppContext } from '../src/modules/repositories.js';
import { buildApp } from '../src/server/app.js';
import { systemClock } from '../src/shared/clock.js';

/** One query as Kysely handed it to better-sqlite3: its text and its parameters. */
export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/** Every query one request ran, in order. */
export interface CapturedRequest {
  path: string;
  queries: CapturedQuery[];
}

const SECRET = 'raw-sql-capture';
const HOST = '127.0.0.1:1';

/**
 * The SQL behind each request, taken from the app itself: an in-process app (the same
 * routes, use cases and repositories as the server) on its own connection to the same file,
 * whose Kysely records every query it compiles. So the baseline below runs exactly what the
 * API ran for that request (the same statements, parameters and order), with nothing else.
 */
export async function captureSql(file: string, paths: string[]): Promise<CapturedRequest[]> {
  const sqlite = openSqlite(file);
  let current: CapturedQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') current.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const handle: DatabaseHandle = { db, dialect: 'sqlite', sqlite, migration: { applied: [], current: null }, location: file, close: () => db.destroy() };
  const app = await buildApp({ ctx: createAppContext(handle, systemClock), handle, secret: SECRET, allowedHosts: [HOST], validateResponses: false });
  try {
    const captured: CapturedRequest[] = [];
    for (const path of paths) {
      current = [];
      const response = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${SECRET}`, host: HOST } });
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode} while its SQL was captured: ${response.body.slice(0, 200)}`);
      captured.push({ path, queries: current });
    }
    return captured;
  } finally {
    await app.close();
    await handle.close();
  }
}

export interface RawTimes {
  p50: number;
  mean: number;
  /** Statements per request (the average over the captured requests). */
  statements: number;
  runs: number;
}

/**
 * The floor of the same work: each request's captured statements run straight on
 * better-sqlite3 (prepared once, every row read), one request after another in a tight
 * loop, for about `seconds`. Reads only: a captured write would change what is measured.
 */
export function rawSqlTimes(sqlite: BetterSqlite3.Database, requests: CapturedRequest[], seconds = 2): RawTimes {
  const prepared = requests.map((r) =>
    r.queries.map((q) => {
      const statement = sqlite.prepare(q.sql);
      if (!statement.reader) throw new Error(`${r.path} wrote (${q.sql.slice(0, 80)}): the raw baseline measures reads only`);
      return { statement, parameters: q.parameters as unknown[] };
    }),
  );
  const once = (n: number) => {
    for (const q of prepared[n % prepared.length] ?? []) q.statement.all(...q.parameters);
  };
  for (let n = 0; n < Math.min(prepared.length, 50); n++) once(n);
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let n = 0; performance.now() < end || times.length < 20; n++) {
    const start = performance.now();
    once(n);
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor(sorted.length / 2)] ?? 0,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    statements: requests.reduce((n, r) => n + r.queries.length, 0) / Math.max(1, requests.length),
    runs: times.length,
  };
}
