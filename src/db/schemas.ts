import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import type { Database } from './database.js';
import { migrateToLatest, type MigrationReport } from './migrator.js';

/** Only names we make ourselves: `u_` and 32 hex digits. */
const SCHEMA_NAME = /^u_[0-9a-f]{32}$/;

/** The PostgreSQL schema that holds one user's workspace. */
export function schemaFor(userId: string): string {
  const name = `u_${userId.replace(/-/g, '').toLowerCase()}`;
  if (!SCHEMA_NAME.test(name)) throw new Error(`not a user id: ${userId}`);
  return name;
}

/**
 * A Kysely over one schema of a shared pool. Every connection it takes from the
 * pool has its search_path set to that schema alone, so every query (raw SQL
 * included) reads and writes that workspace and nothing else. The pool must be
 * used only through such views, so no connection keeps another user's path.
 */
export function schemaDatabase(pool: Pool, schema: string): Kysely<Database> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a workspace schema: ${schema}`);
  const view = {
    async connect(): Promise<PoolClient> {
      const client = await pool.connect();
      try {
        await client.query(`set search_path to "${schema}"`);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      return client;
    },
    // The shared pool is ended by its owner, not by one user's view of it.
    end: async () => undefined,
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: view }), plugins: [new CamelCasePlugin()] });
}

/** Creates the schema when needed (under the migration lock) and brings its tables up to date; an up-to-date one costs two small reads. */
export async function prepareSchema(db: Kysely<Database>, schema: string): Promise<MigrationReport> {
  return migrateToLatest(db, 'postgres', { schema });
}
