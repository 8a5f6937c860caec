import { CamelCasePlugin, Kysely, PostgresDialect, WithSchemaPlugin } from 'kysely';
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
 * The search_path each connection of a shared pool was last given (by the two views below), so a
 * connection is only told again when it last served the other kind of view.
 */
const pathOf = new WeakMap<PoolClient, string>();

/** A pool checkout whose connection has `path` as its search_path (set only when it does not already). */
async function checkout(pool: Pool, path: string, statement: string): Promise<PoolClient> {
  const client = await pool.connect();
  if (pathOf.get(client) === path) return client;
  try {
    pathOf.delete(client);
    await client.query(statement);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  pathOf.set(client, path);
  return client;
}

/** The shared pool is ended by its owner, not by one user's view of it. */
const end = async () => undefined;

/**
 * A Kysely over one schema of a shared pool, for that schema's migrations: every connection
 * it takes has its search_path set to that schema alone, so the frozen migration files
 * (unqualified DDL and raw SQL) create and change that workspace's tables and nothing else.
 */
export function schemaDatabase(pool: Pool, schema: string): Kysely<Database> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a workspace schema: ${schema}`);
  const view = { connect: () => checkout(pool, schema, `set search_path to "${schema}"`), end };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: view }), plugins: [new CamelCasePlugin()] });
}

/**
 * A Kysely over one schema of a shared pool, for the workspace's everyday queries. Every
 * table a query names is qualified with the schema (Kysely's WithSchemaPlugin, when the SQL is
 * compiled), so no query needs a search_path round trip first. The connections it takes have
 * an empty search_path: SQL that names a table without the schema (raw SQL the plugin cannot
 * see) finds no table at all and fails, rather than reading the shared database's own tables
 * or the schema a connection last migrated. Raw SQL names its tables with `sql.id(schema, …)`.
 */
export function workspaceDatabase(pool: Pool, schema: string): Kysely<Database> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a workspace schema: ${schema}`);
  const view = { connect: () => checkout(pool, '', `set search_path to ''`), end };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: view }), plugins: [new WithSchemaPlugin(schema), new CamelCasePlugin()] });
}

/** Creates the schema when needed (under the migration lock) and brings its tables up to date; an up-to-date one costs two small reads. */
export async function prepareSchema(db: Kysely<Database>, schema: string): Promise<MigrationReport> {
  return migrateToLatest(db, 'postgres', { schema });
}
