import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: cohorts on a shared server. A cohort is a named group of students (say
 * "MSc Finance 2027") with the advisers assigned to it. A student belongs to at most
 * one cohort and may have one adviser of their own (`users.adviser_id`). Invitations
 * carry what a cohort upload said about the person (name, cohort, adviser), whether
 * they were emailed, revoked, and which account accepted them.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cohort_advisers')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('adviser_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_advisers_pk', ['cohort_id', 'adviser_id'])
    .execute();
  await db.schema.createIndex('cohort_advisers_adviser').on('cohort_advisers').column('adviser_id').execute();
  await db.schema.alterTable('users').addColumn('cohort_id', 'text', (c) => c.references('cohorts.id').onDelete('set null')).execute();
  await db.schema.alterTable('users').addColumn('adviser_id', 'text', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.createIndex('users_cohort').on('users').column('cohort_id').execute();
  await db.schema.createIndex('users_adviser').on('users').column('adviser_id').execute();
  await db.schema.alterTable('invitations').addColumn('name', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('cohort_id', 'text', (c) => c.references('cohorts.id').onDelete('set null')).execute();
  await db.schema.alterTable('invitations').addColumn('adviser_id', 'text', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('invitations').addColumn('emailed_at', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('revoked_at', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.createIndex('invitations_cohort').on('invitations').column('cohort_id').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('invitations_cohort').ifExists().execute();
  for (const column of ['accepted_by', 'revoked_at', 'emailed_at', 'adviser_id', 'cohort_id', 'name']) {
    await db.schema.alterTable('invitations').dropColumn(column).execute();
  }
  await db.schema.dropIndex('users_adviser').ifExists().execute();
  await db.schema.dropIndex('users_cohort').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('adviser_id').execute();
  await db.schema.alterTable('users').dropColumn('cohort_id').execute();
  await db.schema.dropTable('cohort_advisers').ifExists().execute();
  await db.schema.dropTable('cohorts').ifExists().execute();
}
