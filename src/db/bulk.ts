import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * SQLite connections that bulk inserts may use directly. Only transactions are
 * registered: inside one, the single SQLite connection belongs to that transaction
 * alone, so running prepared statements on it synchronously is safe and skips
 * Kysely's per-query overhead, which dominates when rows are written one by one.
 */
const directConnections = new WeakMap<object, BetterSqlite3.Database>();

export function allowDirectWrites(transaction: object, sqlite: BetterSqlite3.Database): void {
  directConnections.set(transaction, sqlite);
}

export interface BatchSizes {
  /** Rows per statement through Kysely (PostgreSQL, or SQLite outside a transaction): fewer round trips. */
  batch: number;
  /** Rows per statement on a direct SQLite connection; one row per statement is usually fastest. */
  direct?: number;
}

/**
 * Inserts many rows of identical shape in batches, building the SQL once per batch
 * size and reusing it with each batch's parameters, so a large import does not pay
 * for building a query per value. Rows must all have the same keys in the same order.
 */
export async function insertInBatches<DB, Row extends object>(
  db: Kysely<DB>,
  rows: readonly Row[],
  sizes: BatchSizes,
  build: (batch: Row[]) => Compilable,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const direct = directConnections.get(db);
  const batchSize = direct ? (sizes.direct ?? 1) : sizes.batch;
  const sqlByLength = new Map<number, string>();
  const statements = new Map<string, BetterSqlite3.Statement>();
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    let text = sqlByLength.get(batch.length);
    if (!text) {
      text = build(batch).compile().sql;
      sqlByLength.set(batch.length, text);
    }
    const parameters = batch.flatMap((row) => keys.map((key) => (row as Record<string, unknown>)[key] ?? null));
    if (direct) {
      let statement = statements.get(text);
      if (!statement) statements.set(text, (statement = direct.prepare(text)));
      statement.run(parameters);
    } else {
      await db.executeQuery(CompiledQuery.raw(text, parameters));
    }
  }
}
