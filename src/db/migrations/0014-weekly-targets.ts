import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/** Frozen: the user's weekly targets (one row per workspace, like the profile). */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('weekly_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addColumn('conversations', 'integer', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('weekly_targets').ifExists().execute();
}
