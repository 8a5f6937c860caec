import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

export function createWorkspaceRepository(db: Kysely<Database>) {
  return {
    /** How much the workspace holds: one statement of plain counts (each walks the table's smallest index). */
    async counts(): Promise<{ contacts: number; organizations: number; explorations: number; interviews: number }> {
      const row = await db
        .selectNoFrom((eb) => [
          eb.selectFrom('contacts').select((c) => c.fn.countAll().as('n')).as('contacts'),
          eb.selectFrom('organizations').select((c) => c.fn.countAll().as('n')).as('organizations'),
          eb.selectFrom('explorations').select((c) => c.fn.countAll().as('n')).as('explorations'),
          eb.selectFrom('interviews').select((c) => c.fn.countAll().as('n')).as('interviews'),
        ])
        .executeTakeFirstOrThrow();
      return { contacts: Number(row.contacts), organizations: Number(row.organizations), explorations: Number(row.explorations), interviews: Number(row.interviews) };
    },
  };
}
