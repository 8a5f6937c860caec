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
  const sqlFor = (batch: Row[]) => {
    let text = sqlByLength.get(batch.length);
    if (!text) sqlByLength.set(batch.length, (text = build(batch).compile().sql));
    return text;
  };
  const width = keys.length;
  if (direct) {
    // Parameters go into one reused array: no per-row slices or intermediate arrays.
    const statements = new Map<number, BetterSqlite3.Statement>();
    const parameters: unknown[] = [];
    for (let i = 0; i < rows.length; i += batchSize) {
      const end = Math.min(i + batchSize, rows.length);
      const count = end - i;
      let statement = statements.get(count);
      if (!statement) statements.set(count, (statement = direct.prepare(sqlFor(rows.slice(i, end)))));
      parameters.length = count * width;
      for (let r = i, p = 0; r < end; r++) {
        const row = rows[r] as Record<string, unknown>;
        for (let k = 0; k < width; k++) parameters[p++] = row[keys[k] as string] ?? null;
      }
      statement.run(parameters);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const parameters = batch.flatMap((row) => keys.map((key) => (row as Record<string, unknown>)[key] ?? null));
    await db.executeQuery(CompiledQuery.raw(sqlFor(batch), parameters));
  }
}
