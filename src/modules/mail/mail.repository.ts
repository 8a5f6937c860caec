import type { Kysely } from 'kysely';
import type { Database, MailboxesTable, MailMessagesTable } from '../../db/database.js';
import { fromFlag, fromJson, toFlag, toJson, toUtcIso } from '../../db/values.js';
import type { MailAuthKind, MailMessage, MailOutcome, MailSecurity } from '../../shared/schemas/mail.js';
import type { SyncCursor } from './mail.ports.js';
import type { MatchInterview } from './mail.rules.js';

const MAILBOX_ID = 'default';

/** The stored mailbox: everything but the secret in the clear. */
export interface StoredMailbox {
  address: string;
  username: string;
  imap: { host: string; port: number; security: MailSecurity };
  smtp: { host: string; port: number; security: MailSecurity };
  authKind: MailAuthKind;
  sealedSecret: string;
  trustedCertificate: string | null;
  saveSentCopy: boolean;
  cursor: SyncCursor;
  state: 'ok' | 'error';
  lastError: string | null;
  lastSyncAt: string | null;
  connectedAt: string;
  leaseHolder: string | null;
  leaseUntil: string | null;
}

const EMPTY_CURSOR: SyncCursor = { inbox: null, sent: null };

const rowToMailbox = (r: MailboxesTable): StoredMailbox => ({
  address: r.address,
  username: r.username,
  imap: { host: r.imapHost, port: Number(r.imapPort), security: r.imapSecurity as MailSecurity },
  smtp: { host: r.smtpHost, port: Number(r.smtpPort), security: r.smtpSecurity as MailSecurity },
  authKind: r.authKind as MailAuthKind,
  sealedSecret: r.sealedSecret,
  trustedCertificate: r.trustedCertificate,
  saveSentCopy: fromFlag(r.saveSentCopy),
  cursor: fromJson(r.cursor, EMPTY_CURSOR),
  state: r.state as 'ok' | 'error',
  lastError: r.lastError,
  lastSyncAt: r.lastSyncAt,
  connectedAt: r.connectedAt,
  leaseHolder: r.leaseHolder,
  leaseUntil: r.leaseUntil,
});

const mailboxToRow = (m: StoredMailbox): MailboxesTable => ({
  id: MAILBOX_ID,
  address: m.address,
  username: m.username,
  imapHost: m.imap.host,
  imapPort: m.imap.port,
  imapSecurity: m.imap.security,
  smtpHost: m.smtp.host,
  smtpPort: m.smtp.port,
  smtpSecurity: m.smtp.security,
  authKind: m.authKind,
  sealedSecret: m.sealedSecret,
  trustedCertificate: m.trustedCertificate,
  saveSentCopy: toFlag(m.saveSentCopy),
  cursor: toJson(m.cursor),
  state: m.state,
  lastError: m.lastError,
  lastSyncAt: m.lastSyncAt,
  connectedAt: m.connectedAt,
  leaseHolder: m.leaseHolder,
  leaseUntil: m.leaseUntil,
});

/** A kept message as a use case records it. */
export type NewMailMessage = Omit<MailMessage, 'contact'> & { contactId: string | null };

type MessageRow = MailMessagesTable & { contactName: string | null };

const rowToMessage = (r: MessageRow): MailMessage => ({
  id: r.id,
  direction: r.direction as 'in' | 'out',
  outcome: r.outcome as MailOutcome,
  messageId: r.messageId,
  subject: r.subject,
  fromAddress: r.fromAddress,
  toAddresses: fromJson<string[]>(r.toAddresses, []),
  date: r.date,
  snippet: r.snippet,
  contact: r.contactId && r.contactName !== null ? { id: r.contactId, name: r.contactName } : null,
  interviewId: r.interviewId,
  createdAt: r.createdAt,
});

const messageToRow = (m: NewMailMessage): MailMessagesTable => ({
  id: m.id,
  direction: m.direction,
  outcome: m.outcome,
  messageId: m.messageId,
  subject: m.subject,
  fromAddress: m.fromAddress,
  toAddresses: toJson(m.toAddresses),
  date: toUtcIso(m.date),
  snippet: m.snippet,
  contactId: m.contactId,
  interviewId: m.interviewId,
  createdAt: m.createdAt,
});

/** A person Inroads can match mail to: their addresses lower-cased. */
export interface MailPerson {
  id: string;
  name: string;
  emails: string[];
}


export function createMailRepository(db: Kysely<Database>) {
  const messages = () =>
    db
      .selectFrom('mailMessages as m')
      .leftJoin('contacts as c', 'c.id', 'm.contactId')
      .selectAll('m')
      .select('c.name as contactName');
  return {
    async mailbox(): Promise<StoredMailbox | undefined> {
      const row = await db.selectFrom('mailboxes').selectAll().where('id', '=', MAILBOX_ID).executeTakeFirst();
      return row ? rowToMailbox(row) : undefined;
    },
    /** Replaces the mailbox (connecting again replaces the old one, cursor and all). */
    async saveMailbox(mailbox: StoredMailbox): Promise<void> {
      await db.deleteFrom('mailboxes').where('id', '=', MAILBOX_ID).execute();
      await db.insertInto('mailboxes').values(mailboxToRow(mailbox)).execute();
    },
    async updateMailbox(changes: Partial<Pick<StoredMailbox, 'cursor' | 'state' | 'lastError' | 'lastSyncAt' | 'trustedCertificate'>>): Promise<void> {
      const { cursor, ...rest } = changes;
      const row: Partial<MailboxesTable> = { ...rest };
      if (cursor !== undefined) row.cursor = toJson(cursor);
      if (Object.keys(row).length > 0) await db.updateTable('mailboxes').set(row).where('id', '=', MAILBOX_ID).execute();
    },
    /** Forgets the mailbox and its secret. Kept messages stay: they are part of the people's history. */
    async deleteMailbox(): Promise<boolean> {
      const result = await db.deleteFrom('mailboxes').where('id', '=', MAILBOX_ID).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /**
     * Takes the watch lease for `holder` until `until` when it is free, expired or already
     * theirs; true when `holder` now holds it. One statement, so two processes cannot both win.
     */
    async claimLease(holder: string, now: string, until: string): Promise<boolean> {
      const result = await db
        .updateTable('mailboxes')
        .set({ leaseHolder: holder, leaseUntil: until })
        .where('id', '=', MAILBOX_ID)
        .where((eb) => eb.or([eb('leaseHolder', 'is', null), eb('leaseHolder', '=', holder), eb('leaseUntil', '<', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async releaseLease(holder: string): Promise<void> {
      await db.updateTable('mailboxes').set({ leaseHolder: null, leaseUntil: null }).where('id', '=', MAILBOX_ID).where('leaseHolder', '=', holder).execute();
    },
    /** Everyone with at least one address. */
    async people(): Promise<MailPerson[]> {
      const rows = await db.selectFrom('contacts').select(['id', 'name', 'emails']).where('emails', '!=', '[]').execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        emails: fromJson<Array<{ value: string }>>(r.emails, []).map((e) => e.value.trim().toLowerCase()).filter(Boolean),
      }));
    },
    /** Conversations of these people, oldest first. */
    async interviewsOf(contactIds: string[]): Promise<MatchInterview[]> {
      if (contactIds.length === 0) return [];
      const rows = await db
        .selectFrom('interviews')
        .select(['id', 'contactId', 'status', 'requestedAt', 'repliedAt', 'createdAt'])
        .where('contactId', 'in', contactIds)
        .orderBy('createdAt')
        .execute();
      return rows;
    },
    /** Messages sent from Inroads (with the Message-ID it gave them), by Message-ID. */
    async sentByMessageIds(messageIds: string[]): Promise<Array<{ messageId: string; contactId: string | null; interviewId: string | null }>> {
      if (messageIds.length === 0) return [];
      const rows = await db
        .selectFrom('mailMessages')
        .select(['messageId', 'contactId', 'interviewId'])
        .where('direction', '=', 'out')
        .where('messageId', 'in', messageIds)
        .execute();
      return rows.filter((r): r is typeof r & { messageId: string } => r.messageId !== null);
    },
    async hasMessage(messageId: string, direction: 'in' | 'out'): Promise<boolean> {
      return (await db.selectFrom('mailMessages').select('id').where('messageId', '=', messageId).where('direction', '=', direction).executeTakeFirst()) !== undefined;
    },
    async insertMessage(message: NewMailMessage): Promise<void> {
      await db.insertInto('mailMessages').values(messageToRow(message)).execute();
    },
    async message(id: string): Promise<MailMessage | undefined> {
      const row = await messages().where('m.id', '=', id).executeTakeFirst();
      return row ? rowToMessage(row) : undefined;
    },
    async messages(filter: { contactId?: string | undefined; limit: number }): Promise<MailMessage[]> {
      let query = messages();
      if (filter.contactId) query = query.where('m.contactId', '=', filter.contactId);
      const rows = await query.orderBy('m.date', 'desc').orderBy('m.id').limit(filter.limit).execute();
      return rows.map(rowToMessage);
    },
    async setMessageInterview(id: string, interviewId: string): Promise<void> {
      await db.updateTable('mailMessages').set({ interviewId }).where('id', '=', id).execute();
    },
    async recordBounce(bounce: { id: string; contactId: string; email: string; bouncedAt: string }): Promise<void> {
      await db.deleteFrom('mailBounces').where('contactId', '=', bounce.contactId).where('email', '=', bounce.email).execute();
      await db.insertInto('mailBounces').values({ ...bounce, bouncedAt: toUtcIso(bounce.bouncedAt) }).execute();
    },
    /** The addresses of one person that delivery reports said are failing. */
    async failingAddresses(contactId: string): Promise<string[]> {
      return (await db.selectFrom('mailBounces').select('email').where('contactId', '=', contactId).execute()).map((b) => b.email);
    },
    /**
     * What the agenda needs from mail: the latest reply to each conversation still waiting
     * to be scheduled, addresses that bounced, and requests written from the user's own
     * mail app to people whose conversation is still an idea.
     */
    async agendaFacts(): Promise<{
      replies: Array<{ interviewId: string; contactId: string; date: string; snippet: string }>;
      bounces: Array<{ contactId: string; email: string; bouncedAt: string }>;
      sent: Array<{ id: string; contactId: string; interviewId: string; date: string; subject: string }>;
    }> {
      // The mail tables are small next to interviews and contacts: read them first and
      // look up only the interviews and people they name (a join may scan every contact).
      const [kept, bounces] = await Promise.all([
        db
          .selectFrom('mailMessages')
          .select(['id', 'interviewId', 'contactId', 'date', 'snippet', 'subject', 'outcome'])
          .where('outcome', 'in', ['reply', 'sent'])
          .where('interviewId', 'is not', null)
          .orderBy('date')
          .execute(),
        db.selectFrom('mailBounces').select(['contactId', 'email', 'bouncedAt']).execute(),
      ]);
      const statuses = new Map<string, string>();
      const interviewIds = [...new Set(kept.map((m) => m.interviewId as string))];
      for (let i = 0; i < interviewIds.length; i += 500) {
        const rows = await db.selectFrom('interviews').select(['id', 'status']).where('id', 'in', interviewIds.slice(i, i + 500)).execute();
        for (const r of rows) statuses.set(r.id, r.status);
      }
      const emails = new Map<string, string>();
      const bouncedIds = [...new Set(bounces.map((b) => b.contactId))];
      for (let i = 0; i < bouncedIds.length; i += 500) {
        const rows = await db.selectFrom('contacts').select(['id', 'emails']).where('id', 'in', bouncedIds.slice(i, i + 500)).execute();
        for (const r of rows) emails.set(r.id, r.emails);
      }
      const replies: Array<{ interviewId: string; contactId: string; date: string; snippet: string }> = [];
      const sent: Array<{ id: string; contactId: string; interviewId: string; date: string; subject: string }> = [];
      for (const m of kept) {
        if (!m.interviewId || !m.contactId) continue;
        const status = statuses.get(m.interviewId);
        if (m.outcome === 'reply' && status === 'requested') replies.push({ interviewId: m.interviewId, contactId: m.contactId, date: m.date, snippet: m.snippet });
        if (m.outcome === 'sent' && status === 'idea') sent.push({ id: m.id, contactId: m.contactId, interviewId: m.interviewId, date: m.date, subject: m.subject });
      }
      return {
        replies,
        // A bounce matters while the address is still on file (and the person is): editing it away settles it.
        bounces: bounces
          .filter((b) => emails.has(b.contactId) && fromJson<Array<{ value: string }>>(emails.get(b.contactId) ?? '[]', []).some((e) => e.value.trim().toLowerCase() === b.email))
          .map(({ contactId, email, bouncedAt }) => ({ contactId, email, bouncedAt })),
        sent,
      };
    },
  };
}
