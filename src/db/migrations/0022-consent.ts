import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: consent that says what it shows. A grant remembers whether the student
 * lets the coach see the names of the people and organisations they contact
 * (`coach_grants.show_names`, off unless chosen). `access_log` is the audit of
 * sharing on the accounts database: each time a coach looks at a student's shared
 * data, and each time a student shares, changes what they share or stops. Names
 * and addresses are copied in, so an entry still says who it was after an account
 * is deleted; repeated views by one coach within a short window are one entry
 * (`last_at` and `views` grow).
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('coach_grants').addColumn('show_names', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('explorer_id', 'text', (c) => c.notNull())
    .addColumn('explorer_name', 'text', (c) => c.notNull())
    .addColumn('explorer_email', 'text', (c) => c.notNull())
    .addColumn('coach_id', 'text', (c) => c.notNull())
    .addColumn('coach_name', 'text', (c) => c.notNull())
    .addColumn('coach_email', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('show_names', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('access_log_explorer').on('access_log').columns(['explorer_id', 'last_at']).execute();
  await db.schema.createIndex('access_log_at').on('access_log').column('at').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('access_log').ifExists().execute();
  await db.schema.alterTable('coach_grants').dropColumn('show_names').execute();
}
