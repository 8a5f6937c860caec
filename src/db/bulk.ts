import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * Inserts many rows of identical shape in batches, building the SQL once per batch
 * size and reusing it with each batch's parameters, so a large import does not pay
 * for building a query per value. Rows must all have the same keys in the same order.
 */
export async function insertInBatches<DB, Row extends Record<string, unknown>>(
  db: Kysely<DB>,
  rows: readonly Row[],
  batchSize: number,
  build: (batch: Row[]) => Compilable,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const sqlByLength = new Map<number, string>();
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    let text = sqlByLength.get(batch.length);
    if (!text) {
      text = build(batch).compile().sql;
      sqlByLength.set(batch.length, text);
    }
    const parameters = batch.flatMap((row) => keys.map((key) => row[key] ?? null));
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
