import { type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: the browsers signed in to a local workspace. Each row is one value of the
 * sign-in cookie, stored as its SHA-256 (a copy of the database signs nobody in).
 * A value is replaced as it is used; the old one stays valid a moment after
 * `replaced_at` so requests already on their way are not refused.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('browser_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signed_in_at', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text')
    .execute();
  await db.schema.createIndex('browser_sessions_expires').on('browser_sessions').column('expires_at').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('browser_sessions').ifExists().execute();
}
