import { sql, type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: indexes that let the agenda read only the past conversations that can
 * matter (missing takeaways, or old enough for a check-in), and blank takeaways
 * stored as null so "missing" has one meaning.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.updateTable('interviews').set({ takeaways: null }).where(sql`trim(takeaways)`, '=', '').execute();
  await db.schema.createIndex('interviews_status_held_at').on('interviews').columns(['status', 'held_at']).execute();
  await db.schema.createIndex('interviews_status_permission').on('interviews').columns(['status', 'follow_up_permission']).execute();
  await db.schema
    .createIndex('interviews_missing_takeaways')
    .on('interviews')
    .columns(['status', 'contact_id'])
    .where(sql.ref('takeaways'), 'is', null)
    .execute();
  await db.schema.createIndex('interviews_contact_status_held').on('interviews').columns(['contact_id', 'status', 'held_at']).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const name of ['interviews_contact_status_held', 'interviews_missing_takeaways', 'interviews_status_permission', 'interviews_status_held_at']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
