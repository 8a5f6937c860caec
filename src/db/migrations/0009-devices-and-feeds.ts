import { type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: browsers a person has signed in from (device cookies, stored as a hash
 * of the cookie's token), so guesses by strangers cannot lock the owner out; and
 * the hash of each person's calendar-feed token in the accounts database, so an
 * anonymous feed request is checked there before any workspace is opened. In a
 * workspace, what the calendar feed last published of each event (its times and
 * revision), so a moved event reaches calendar apps as a newer revision.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('trusted_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trusted_devices_user').on('trusted_devices').column('user_id').execute();
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar_events')
    .addColumn('uid', 'text', (c) => c.primaryKey())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('calendar_events').ifExists().execute();
  await db.schema.dropTable('calendar_feeds').ifExists().execute();
  await db.schema.dropTable('trusted_devices').ifExists().execute();
}
