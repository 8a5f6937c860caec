import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: the user's connected mailbox and what Inroads keeps of their mail.
 *
 * - `mailboxes`: at most one row (id 'default'): servers, the sign-in name, the secret
 *   sealed with AES-256-GCM (the key is never in the database), a certificate the user
 *   chose to trust, where reading left off (`cursor`, JSON), the last problem, and a
 *   watch lease (`lease_holder` until `lease_until`) so one process at a time keeps
 *   the mailbox open.
 * - `mail_messages`: only messages to or from people in Inroads: headers, date and a
 *   short snippet, never bodies or attachments. Deleting the person deletes them.
 * - `mail_bounces`: an address a delivery report said is failing, until the person's
 *   address changes or the user dismisses it.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('mailboxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('imap_host', 'text', (c) => c.notNull())
    .addColumn('imap_port', 'integer', (c) => c.notNull())
    .addColumn('imap_security', 'text', (c) => c.notNull())
    .addColumn('smtp_host', 'text', (c) => c.notNull())
    .addColumn('smtp_port', 'integer', (c) => c.notNull())
    .addColumn('smtp_security', 'text', (c) => c.notNull())
    .addColumn('auth_kind', 'text', (c) => c.notNull())
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('trusted_certificate', 'text')
    .addColumn('save_sent_copy', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cursor', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('connected_at', 'text', (c) => c.notNull())
    .addColumn('lease_holder', 'text')
    .addColumn('lease_until', 'text')
    .execute();
  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text')
    .addColumn('to_addresses', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('snippet', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_messages_message_id').on('mail_messages').columns(['message_id', 'direction']).unique().execute();
  await db.schema.createIndex('mail_messages_contact').on('mail_messages').columns(['contact_id', 'date']).execute();
  await db.schema.createIndex('mail_messages_interview').on('mail_messages').column('interview_id').execute();
  await db.schema
    .createTable('mail_bounces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('bounced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_bounces_contact_email').on('mail_bounces').columns(['contact_id', 'email']).unique().execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('mail_bounces').ifExists().execute();
  await db.schema.dropTable('mail_messages').ifExists().execute();
  await db.schema.dropTable('mailboxes').ifExists().execute();
}
