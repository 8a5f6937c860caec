import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: single sign-on (OpenID Connect) on a shared server.
 *
 * `user_identities` remembers which person at an identity provider an account
 * belongs to: the provider's issuer and its subject (its own id for the person,
 * which stays the same when their email changes), with the email it last gave.
 *
 * `sso_logins` holds the sign-ins that have gone to the provider and not come
 * back yet: what the answer must match (state, nonce) and the PKCE verifier. The
 * id is the SHA-256 of a random value kept in the browser's cookie, so any
 * instance can finish a sign-in another one started, and only in that browser.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('user_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('user_identities_user').on('user_identities').column('user_id').execute();
  await db.schema
    .createTable('sso_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_logins_expires').on('sso_logins').column('expires_at').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('sso_logins').ifExists().execute();
  await db.schema.dropTable('user_identities').ifExists().execute();
}
