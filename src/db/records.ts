import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from './database.js';

/** Tables whose rows are found by a text `id`. */
type KeyedTable = { [T in keyof Database]: Database[T] extends { id: string } ? T : never }[keyof Database];

/**
 * Insert, update and delete by id for one table, through the repository's own
 * mappings: use cases hand over domain objects and changes, the mapping builds the row.
 */
export function recordWrites<T extends KeyedTable, Item, Changes>(
  db: Kysely<Database>,
  table: T,
  toRow: (item: Item) => Insertable<Database[T]> & { id: string },
  changesToRow: (changes: Changes) => Updateable<Database[T]>,
) {
  // Every table here has a text id, so one narrower view of the database serves them all.
  const keyed = db as unknown as Kysely<Record<string, { id: string }>>;
  const name: string = table;
  return {
    async insert(item: Item): Promise<void> {
      await keyed.insertInto(name).values(toRow(item)).execute();
    },
    async update(id: string, changes: Changes): Promise<void> {
      const patch = changesToRow(changes);
      if (Object.keys(patch).length > 0) await keyed.updateTable(name).set(patch as { id?: string }).where('id', '=', id).execute();
    },
    /** False when there was no such record. */
    async delete(id: string): Promise<boolean> {
      const result = await keyed.deleteFrom(name).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
