import { type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: what a multi-user deployment needs beyond accounts. Instance settings
 * (how people join), invitations (stored as a hash of the token), the access an
 * explorer grants a coach, a per-user choice of reminder emails, and a log of the
 * reminders sent, whose key makes each day's reminder go out once however many
 * workers run.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('reminder_emails', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('coach_grants')
    .addColumn('explorer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coach_grants_pk', ['explorer_id', 'coach_id'])
    .execute();
  await db.schema.createIndex('coach_grants_coach').on('coach_grants').columns(['coach_id', 'explorer_id']).execute();
  await db.schema
    .createTable('reminder_log')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_log_pk', ['user_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('reminder_log').ifExists().execute();
  await db.schema.dropTable('coach_grants').ifExists().execute();
  await db.schema.dropTable('invitations').ifExists().execute();
  await db.schema.dropTable('instance_settings').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('reminder_emails').execute();
}
