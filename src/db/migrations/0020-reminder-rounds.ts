import { type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: the rounds of morning reminders, so an admin can see what each one did.
 * A round is started by the hourly schedule or by an admin (`trigger`); once its
 * recipients are known `people` is set, and each person's outcome adds one to a
 * count (sent, waiting for 07:00 where they are, nothing due, already sent today,
 * failed). The round is finished when the counts add up to `people`.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('reminder_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('people', 'integer')
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nothing_due', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('already_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('reminder_rounds_started').on('reminder_rounds').column('started_at').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('reminder_rounds').ifExists().execute();
}
