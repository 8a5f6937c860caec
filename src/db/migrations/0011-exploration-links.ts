import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: people can join an exploration directly (not only through their
 * organisation or an interview), and a deleted exploration is kept, with its
 * links, in a bin from which it can be restored.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('contact_explorations')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('exploration_id', 'text', (c) => c.notNull().references('explorations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('contact_explorations_pk', ['contact_id', 'exploration_id'])
    .execute();
  await db.schema.createIndex('contact_explorations_exploration').on('contact_explorations').column('exploration_id').execute();
  await db.schema
    .createTable('deleted_explorations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('deleted_explorations').ifExists().execute();
  await db.schema.dropTable('contact_explorations').ifExists().execute();
}
