import { sql, type RawBuilder } from 'kysely';

/** A number from our own code, written into SQL as a literal so PostgreSQL types it as a number. */
export const literal = (value: number): RawBuilder<number> => sql.lit(value);

/**
 * `case column when value then score … else fallback end`, built from one of the
 * rules' score tables, so SQL orders and scores exactly as the rules do.
 */
export const scoreFrom = (column: string, table: Readonly<Record<string, number>>, fallback: number): RawBuilder<number> =>
  sql<number>`case ${sql.ref(column)} ${sql.join(
    Object.entries(table).map(([value, score]) => sql`when ${sql.lit(value)} then ${literal(score)}`),
    sql` `,
  )} else ${literal(fallback)} end`;
