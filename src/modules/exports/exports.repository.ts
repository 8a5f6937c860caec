import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { migrations } from '../../db/migrations/registry.js';
import { DATA_TABLES } from '../../db/tables.js';

/** A table that holds the user's data (see DATA_TABLES). */
export type DataTable = keyof Database;
export type TableDump = Partial<Record<DataTable, Array<Record<string, unknown>>>>;

/** The data tables, parents before children: the order a restore loads them in. */
export const dataTables: readonly DataTable[] = DATA_TABLES;
export const isDataTable = (name: string): name is DataTable => (DATA_TABLES as string[]).includes(name);

/** The schema this Inroads writes, named after its latest migration. */
export const currentSchema = (): string => Object.keys(migrations).at(-1) ?? '';
/** Whether this Inroads knows a schema (an export from a newer one names a migration it has not got). */
export const knowsSchema = (name: string): boolean => Object.hasOwn(migrations, name);

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

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

    /** The columns of each data table, as the rows of `dump` name them (camelCase). */
    async columns(): Promise<Map<string, Set<string>>> {
      const out = new Map<string, Set<string>>();
      for (const table of await db.introspection.getTables()) out.set(camel(table.name), new Set(table.columns.map((c) => camel(c.name))));
      return out;
    },

    /** Inserts one table's rows as they are (contacts without their referrer: see `linkReferrers`). */
    async loadTable(table: DataTable, rows: Array<Record<string, unknown>>): Promise<void> {
      const values = table === 'contacts' ? rows.map((r) => ({ ...r, referredById: null })) : rows;
      for (let i = 0; i < values.length; i += 200) await db.insertInto(table).values(values.slice(i, i + 200) as never).execute();
    },

    /** Referrers may come after the people they referred: linked once everyone exists. */
    async linkReferrers(contacts: Array<Record<string, unknown>>): Promise<void> {
      for (const row of contacts) {
        if (row.referredById) {
          await db.updateTable('contacts').set({ referredById: row.referredById as string }).where('id', '=', row.id as string).execute();
        }
      }
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;
