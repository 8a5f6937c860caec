import { type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: notes taken during the conversation (tagged by agenda step, question
 * category and key question), the live state of interview mode, and the debrief.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('interview_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('agenda_step', 'text')
    .addColumn('question_category', 'text')
    .addColumn('key_question', 'text')
    .addColumn('stance', 'text')
    .addColumn('question_id', 'text', (c) => c.references('questions.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interview_notes_interview').on('interview_notes').columns(['interview_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('interview_notes_question').on('interview_notes').column('question_id').execute();
  await db.schema.alterTable('interviews').addColumn('live', 'text').execute();
  await db.schema.alterTable('interviews').addColumn('debrief', 'text').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('interviews').dropColumn('debrief').execute();
  await db.schema.alterTable('interviews').dropColumn('live').execute();
  await db.schema.dropTable('interview_notes').ifExists().execute();
}
