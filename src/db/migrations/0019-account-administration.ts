import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: account administration on a shared server. `must_change_password` is 1
 * while an account still has a first password an admin set (the person chooses
 * their own before doing anything else). `password_resets` holds one-time reset
 * links, each stored as the SHA-256 of its token (the token is only in the link).
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('password_resets').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
