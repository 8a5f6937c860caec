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

/** The tables that link a contact, interview or organisation to explorations, with the column naming the owner. */
const EXPLORATION_LINKS = {
  contactExplorations: 'contactId',
  interviewExplorations: 'interviewId',
  explorationOrganizations: 'organizationId',
} as const;

/** For each of these contacts, interviews or organisations, the explorations it is linked to (ordered by id). */
export async function explorationIdsFor(db: Kysely<Database>, link: keyof typeof EXPLORATION_LINKS, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const owner = EXPLORATION_LINKS[link];
  // The three link tables share one shape: an owner id and an exploration id.
  const links = db as unknown as Kysely<Record<string, { owner: string; explorationId: string }>>;
  const rows = await links
    .selectFrom(link)
    .select([`${owner} as owner` as 'owner', 'explorationId'])
    .where(owner as 'owner', 'in', ids)
    .orderBy('explorationId')
    .execute();
  for (const r of rows) map.set(r.owner, [...(map.get(r.owner) ?? []), r.explorationId]);
  return map;
}
