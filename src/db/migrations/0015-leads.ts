import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: leads, things heard in a conversation that could become an opportunity
 * (a role about to open, a growing team, a project, an event, a person to meet).
 * Each may point at the conversation, the person and the organisation it came
 * from; deleting one of those keeps the lead and clears the link. `next_step_at`
 * puts the next step on the agenda; `may_name_person` records the person's
 * permission to be named when the lead is pursued.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('set null'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('may_name_person', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_step', 'text')
    .addColumn('next_step_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('leads_organization').on('leads').column('organization_id').execute();
  await db.schema.createIndex('leads_contact').on('leads').column('contact_id').execute();
  await db.schema.createIndex('leads_interview').on('leads').column('interview_id').execute();
  await db.schema.createIndex('leads_next_step_at').on('leads').column('next_step_at').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('leads').ifExists().execute();
}
