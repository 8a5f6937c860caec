import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

const MARK = '\u0000value:';

/**
 * A query whose SQL depends only on how many values it takes (one subquery per
 * organisation, say), built and compiled through Kysely once per count and reused
 * with new values after that. Building a large query costs Kysely far more than
 * the database takes to run it; this pays that cost once per shape.
 */
export function shapedQuery<DB, Row>(db: Kysely<DB>, build: (values: string[]) => Compilable<Row>, maxShapes = 256): (values: string[]) => Promise<Row[]> {
  const shapes = new Map<number, { sql: string; parameters: readonly unknown[]; slots: number[] }>();
  return async (values) => {
    let shape = shapes.get(values.length);
    if (!shape) {
      const compiled = build(values.map((_, i) => `${MARK}${i}`)).compile();
      const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : -1));
      shape = { sql: compiled.sql, parameters: compiled.parameters, slots };
      if (shapes.size >= maxShapes) shapes.clear();
      shapes.set(values.length, shape);
    }
    const { parameters, slots } = shape;
    const result = await db.executeQuery<Row>(CompiledQuery.raw(shape.sql, parameters.map((p, i) => ((slots[i] ?? -1) >= 0 ? values[slots[i] as number] : p))));
    return result.rows;
  };
}
