import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { DATA_TABLES } from '../../db/tables.js';

export type TableDump = Partial<Record<keyof Database, Array<Record<string, unknown>>>>;

/** Whole-table reads and writes for export and restore; rows are kept exactly as stored. */
export function createExportsRepository(db: Kysely<Database>) {
  return {
    async dump(): Promise<TableDump> {
      const out: TableDump = {};
      for (const table of DATA_TABLES) {
        const query =
          table === 'searchDocuments'
            ? db.selectFrom('searchDocuments').select(['entityType', 'entityId', 'name', 'body']).orderBy('entityType').orderBy('entityId')
            : db.selectFrom(table).selectAll();
        out[table] = (await query.execute()) as Array<Record<string, unknown>>;
      }
      // Stable order, so two exports of the same workspace are byte-identical.
      for (const rows of Object.values(out)) rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return out;
    },

    async isEmpty(): Promise<boolean> {
      for (const table of ['contacts', 'organizations', 'explorations', 'interviews'] as const) {
        if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return false;
      }
      // The built-in starter questions and templates do not count as the user's data.
      for (const table of ['questions', 'templates'] as const) {
        if (await db.selectFrom(table).select('id').where('builtIn', '=', 0).limit(1).executeTakeFirst()) return false;
      }
      return true;
    },

    async clear(): Promise<void> {
      for (const table of [...DATA_TABLES].reverse()) await db.deleteFrom(table).execute();
    },

    async load(dump: TableDump): Promise<void> {
      for (const table of DATA_TABLES) {
        // Referrers may come after the people they referred: link them once everyone exists.
        const rows = table === 'contacts' ? (dump.contacts ?? []).map((r) => ({ ...r, referredById: null })) : (dump[table] ?? []);
        for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
      }
      for (const row of dump.contacts ?? []) {
        if (row.referredById) {
          await db.updateTable('contacts').set({ referredById: row.referredById as string }).where('id', '=', row.id as string).execute();
        }
      }
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;
