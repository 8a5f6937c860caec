import { AppError, notFound, validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type {
  ConnectMailboxInput,
  ImportMailInput,
  ImportMailResult,
  MailboxStatus,
  MailMessage,
  MailOutcome,
  SendMailInput,
  SendMailResult,
  SyncResult,
} from '../../shared/schemas/mail.js';
import { setAgendaItemState } from '../followups/followups.usecases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { transitionInterview, updateInterview } from '../interviews/interviews.usecases.js';
import { recordRequestSent } from '../outreach/outreach.usecases.js';
import { updateReferral } from '../referrals/referrals.usecases.js';
import { now, required } from '../references.js';
import type { AppContext } from '../repositories.js';
import { openSecret, sealSecret } from './mail.crypto.js';
import { MailConnectionError, type MailClient, type MailCredentials, type MailMessageFacts } from './mail.ports.js';
import type { MailPerson, StoredMailbox } from './mail.repository.js';
import { concernsKnownPeople, matchMessage, normalizeAddress, peopleByAddress, type MailMatch } from './mail.rules.js';

/** What the mail use cases need besides the workspace: a mail client, the key that seals secrets, an .eml reader. */
export interface MailServices {
  client: MailClient;
  /** 32 bytes; null when none is configured (then connecting is refused, never stored in the clear). */
  key: Buffer | null;
  parseEml: (raw: string) => Promise<MailMessageFacts>;
  /** Told after connecting or disconnecting, so a watcher can start or stop. */
  onMailboxChanged?: () => void;
}

const REASON_FIELD = { imap: 'imap.host', smtp: 'smtp.host' } as const;

function keyOf(mail: MailServices): Buffer {
  if (!mail.key) throw new AppError('mail.unavailable', 409);
  return mail.key;
}

function connectFailed(error: MailConnectionError): AppError {
  const server = error.server === 'imap' ? 'the IMAP (incoming) server' : 'the SMTP (outgoing) server';
  return new AppError('mail.connect_failed', 422, `${server[0]?.toUpperCase()}${server.slice(1)}: ${error.message} Nothing was saved.`, {
    reason: error.reason,
    server: error.server,
    field: error.reason === 'auth' ? 'secret' : REASON_FIELD[error.server],
    fingerprint: error.fingerprint,
  });
}

/** What the client needs to reach a stored mailbox, its secret unsealed with the key. */
export function credentialsOf(mailbox: StoredMailbox, key: Buffer): MailCredentials {
  const secret = openSecret(key, mailbox.sealedSecret);
  return {
    address: mailbox.address,
    username: mailbox.username,
    imap: mailbox.imap,
    smtp: mailbox.smtp,
    auth: mailbox.authKind === 'xoauth2' ? { kind: 'xoauth2', accessToken: secret } : { kind: 'password', password: secret },
    trustedCertificate: mailbox.trustedCertificate,
  };
}

async function connected(ctx: AppContext, mail: MailServices): Promise<{ mailbox: StoredMailbox; credentials: MailCredentials }> {
  const mailbox = await ctx.repos.mail.mailbox();
  if (!mailbox) throw new AppError('mail.not_connected', 409);
  return { mailbox, credentials: credentialsOf(mailbox, keyOf(mail)) };
}

export async function mailboxStatus({ ctx }: { ctx: AppContext; mail?: MailServices }): Promise<MailboxStatus> {
  const m = await ctx.repos.mail.mailbox();
  return {
    connected: m !== undefined,
    address: m?.address ?? null,
    username: m?.username ?? null,
    imap: m?.imap ?? null,
    smtp: m?.smtp ?? null,
    authKind: m?.authKind ?? null,
    trustedCertificate: m?.trustedCertificate ?? null,
    saveSentCopy: m?.saveSentCopy ?? true,
    state: m?.state ?? null,
    lastError: m?.lastError ?? null,
    lastSyncAt: m?.lastSyncAt ?? null,
    connectedAt: m?.connectedAt ?? null,
    // A watcher holds the lease while it keeps the mailbox open (see mail.watch.ts).
    watching: m !== undefined && m.leaseHolder !== null && m.leaseUntil !== null && m.leaseUntil > now(ctx),
  };
}

/** Providers that file what their SMTP server sends in Sent themselves: a copy from Inroads would be a second one. */
const FILES_SENT_ITSELF = /(^|\.)(gmail\.com|googlemail\.com|office365\.com|outlook\.com|hotmail\.com|live\.com)$/i;

/**
 * Signs in to both servers with what the user gave, and only then keeps it, the secret
 * sealed with AES-256-GCM. A wrong password, an unreachable host or an untrusted
 * certificate answers 422 with the reason and stores nothing.
 */
export async function connectMailbox({ ctx, mail, input }: { ctx: AppContext; mail: MailServices; input: ConnectMailboxInput }): Promise<MailboxStatus> {
  const key = keyOf(mail);
  const address = normalizeAddress(input.address);
  const username = input.username?.trim() || address;
  const credentials: MailCredentials = {
    address,
    username,
    imap: input.imap,
    smtp: input.smtp,
    auth: input.authKind === 'xoauth2' ? { kind: 'xoauth2', accessToken: input.secret } : { kind: 'password', password: input.secret },
    trustedCertificate: input.trustCertificate ?? null,
  };
  try {
    await mail.client.verify(credentials);
  } catch (error) {
    if (error instanceof MailConnectionError) throw connectFailed(error);
    throw error;
  }
  await ctx.repos.mail.saveMailbox({
    address,
    username,
    imap: input.imap,
    smtp: input.smtp,
    authKind: input.authKind,
    sealedSecret: sealSecret(key, input.secret),
    trustedCertificate: input.trustCertificate ?? null,
    saveSentCopy: input.saveSentCopy ?? !FILES_SENT_ITSELF.test(input.smtp.host),
    cursor: { inbox: null, sent: null },
    state: 'ok',
    lastError: null,
    lastSyncAt: null,
    connectedAt: now(ctx),
    leaseHolder: null,
    leaseUntil: null,
  });
  mail.onMailboxChanged?.();
  return mailboxStatus({ ctx, mail });
}

/** Forgets the mailbox and deletes its secret; the messages kept for people stay in their history. */
export async function disconnectMailbox({ ctx, mail }: { ctx: AppContext; mail: MailServices }): Promise<void> {
  if (!(await ctx.repos.mail.deleteMailbox())) throw new AppError('mail.not_connected', 409);
  mail.onMailboxChanged?.();
}

export async function listMailMessages({ ctx, contactId, limit }: { ctx: AppContext; contactId?: string | undefined; limit: number }): Promise<{ items: MailMessage[] }> {
  return { items: await ctx.repos.mail.messages({ contactId, limit }) };
}

/** What is known when reading a batch: who has which address, and what Inroads sent. */
async function matchContext(ctx: AppContext, self: string, messages: readonly MailMessageFacts[], hintContactId?: string, loaded?: readonly MailPerson[]) {
  const people = loaded ?? (await ctx.repos.mail.people());
  const known = peopleByAddress(people);
  const ids = [...new Set(messages.flatMap((m) => [m.inReplyTo, ...m.references, m.bounce?.originalMessageId ?? null]).filter((id): id is string => Boolean(id)))];
  const sent = new Map((await ctx.repos.mail.sentByMessageIds(ids)).map((s) => [s.messageId, s]));
  const involved = new Set<string>(hintContactId ? [hintContactId] : []);
  for (const m of messages) for (const a of [...m.from, ...m.to, ...m.cc]) {
    const id = known.get(normalizeAddress(a.address));
    if (id) involved.add(id);
  }
  for (const s of sent.values()) if (s.contactId) involved.add(s.contactId);
  return { self, known, sent, interviews: await ctx.repos.mail.interviewsOf([...involved]), hintContactId, names: new Map(people.map((p) => [p.id, p.name])) };
}

const summaryOf = (subject: string, snippet: string) => (subject ? `Subject: ${subject}\n\n${snippet}` : snippet).slice(0, 4000);

/**
 * The effects of one message, inside the caller's transaction: keep its headers and
 * snippet, log it on the person's timeline, and for a reply set the reply time (which
 * settles reach-next and follow-up, and feeds responsiveness). A bounce marks the address
 * as failing. A message the user sent themselves to someone with an idea conversation
 * moves nothing: Today offers to mark it as requested.
 */
async function applyMessage(tx: AppContext, m: MailMessageFacts, match: MailMatch): Promise<'duplicate' | MailOutcome> {
  if (m.messageId && (await tx.repos.mail.hasMessage(m.messageId, match.direction))) return 'duplicate';
  if (!match.contactId) return 'ignored';
  const at = now(tx);
  await tx.repos.mail.insertMessage({
    id: newId(),
    direction: match.direction,
    outcome: match.outcome,
    messageId: m.messageId,
    subject: m.subject,
    fromAddress: m.from[0]?.address ?? null,
    toAddresses: [...m.to, ...m.cc].map((a) => normalizeAddress(a.address)),
    date: m.date,
    snippet: m.snippet,
    contactId: match.contactId,
    interviewId: match.interviewId,
    createdAt: at,
  });
  const summary = summaryOf(m.subject, m.snippet);
  switch (match.outcome) {
    case 'bounce':
      for (const f of match.failing) await tx.repos.mail.recordBounce({ id: newId(), contactId: f.contactId, email: f.email, bouncedAt: m.date });
      break;
    case 'sent':
      // A request written elsewhere waits for the user's say-so (Today: "mark as requested"); other mail is history.
      if (!match.interviewId) await createInteraction({ ctx: tx, input: { contactId: match.contactId, kind: 'email-sent', occurredAt: m.date, summary } });
      break;
    case 'auto-reply':
      await createInteraction({ ctx: tx, input: { contactId: match.contactId, interviewId: match.interviewId, kind: 'email-received', occurredAt: m.date, summary: `Automatic answer. ${summary}` } });
      break;
    case 'reply': {
      await createInteraction({ ctx: tx, input: { contactId: match.contactId, interviewId: match.interviewId, kind: 'email-received', occurredAt: m.date, summary } });
      const interview = match.interviewId ? await tx.repos.interviews.get(match.interviewId) : undefined;
      if (interview && interview.requestedAt && !interview.repliedAt) {
        const repliedAt = m.date < interview.requestedAt ? interview.requestedAt : m.date;
        await updateInterview({ ctx: tx, id: interview.id, input: { repliedAt } });
      }
      break;
    }
    default:
      await createInteraction({ ctx: tx, input: { contactId: match.contactId, interviewId: match.interviewId, kind: 'email-received', occurredAt: m.date, summary } });
  }
  return match.outcome;
}

const emptyResult = (): SyncResult => ({ scanned: 0, kept: 0, replies: 0, autoReplies: 0, bounces: 0, sent: 0 });

function count(result: SyncResult, outcome: MailOutcome): void {
  if (outcome === 'duplicate' || outcome === 'ignored') return;
  result.kept += 1;
  if (outcome === 'reply') result.replies += 1;
  if (outcome === 'auto-reply') result.autoReplies += 1;
  if (outcome === 'bounce') result.bounces += 1;
  if (outcome === 'sent') result.sent += 1;
}

/**
 * One pass over the mailbox: reads the headers of what is new in the inbox and Sent,
 * keeps only messages to or from people in Inroads (a snippet, never the body), applies
 * their effects and moves the cursor, all in one transaction. A connection problem is
 * recorded on the mailbox and answered 502; nothing else changes.
 */
export async function syncMailbox({ ctx, mail }: { ctx: AppContext; mail: MailServices }): Promise<SyncResult> {
  const { mailbox, credentials } = await connected(ctx, mail);
  const people = await ctx.repos.mail.people();
  const known = peopleByAddress(people);
  let fetched: Awaited<ReturnType<MailClient['fetchNew']>>;
  try {
    fetched = await mail.client.fetchNew(credentials, mailbox.cursor, (envelope) => concernsKnownPeople(envelope, known, mailbox.address));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await ctx.repos.mail.updateMailbox({ state: 'error', lastError: message });
    if (error instanceof MailConnectionError) throw new AppError('mail.sync_failed', 502, `Inroads could not read the mailbox: ${message}`, { reason: error.reason });
    throw error;
  }
  const result = emptyResult();
  result.scanned = fetched.scanned;
  const ordered = [...fetched.messages].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  await ctx.transaction(async (tx) => {
    const context = await matchContext(tx, mailbox.address, ordered, undefined, people);
    for (const m of ordered) count(result, await applyMessage(tx, m, matchMessage(m, context)));
    await tx.repos.mail.updateMailbox({ cursor: fetched.cursor, state: 'ok', lastError: null, lastSyncAt: now(tx) });
  });
  return result;
}

const NOTES: Record<MailOutcome, string> = {
  reply: 'A reply to your request: Today asks you to agree a time.',
  'auto-reply': 'An automatic answer (such as out of office). Logged; the request still waits for a real reply.',
  bounce: 'A delivery failure: the address is marked as failing and Today asks you to fix it.',
  sent: 'A message you sent. Logged on the person’s timeline.',
  forward: 'A forwarded message. Logged on the person’s timeline.',
  other: 'Logged on the person’s timeline.',
  duplicate: 'Already in Inroads; nothing changed.',
  ignored: 'Not to or from anyone in Inroads, so nothing was kept.',
};

/**
 * `.eml` files dropped on a person or on Today (or `inroads mail import`): the same
 * matching and effects as the mailbox, all files in one transaction. A file that cannot
 * be read fails the whole batch with its name, and nothing is kept.
 */
export async function importMail({ ctx, mail, input }: { ctx: AppContext; mail: MailServices; input: ImportMailInput }): Promise<ImportMailResult> {
  const parsed: MailMessageFacts[] = [];
  for (const [index, file] of input.files.entries()) {
    try {
      parsed.push(await mail.parseEml(file.content));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw validationError([{ field: `files.${index}.content`, message: `${file.name || 'this file'} is not an email message (.eml) Inroads can read: ${error instanceof Error ? error.message : String(error)}` }]);
    }
  }
  const self = (await ctx.repos.mail.mailbox())?.address ?? '';
  return ctx.transaction(async (tx) => {
    if (input.contactId) required(await tx.repos.contacts.get(input.contactId), 'contacts', input.contactId);
    const context = await matchContext(tx, self, parsed, input.contactId);
    const files: ImportMailResult['files'] = [];
    for (const [index, m] of parsed.entries()) {
      const match = matchMessage(m, context);
      const outcome = await applyMessage(tx, m, match);
      const name = match.contactId ? (context.names.get(match.contactId) ?? null) : null;
      files.push({
        name: input.files[index]?.name ?? `file ${index + 1}`,
        outcome,
        contact: match.contactId && name !== null && outcome !== 'ignored' ? { id: match.contactId, name } : null,
        interviewId: outcome === 'ignored' || outcome === 'duplicate' ? null : match.interviewId,
        note: NOTES[outcome],
      });
    }
    return { files };
  });
}

/** The Message-ID of what Inroads last sent in this conversation (a follow-up threads under the request). */
async function threadOf(ctx: AppContext, contactId: string, interviewId: string | null): Promise<{ inReplyTo: string | null; references: string[] }> {
  if (!interviewId) return { inReplyTo: null, references: [] };
  const sent = (await ctx.repos.mail.messages({ contactId, limit: 200 })).filter((m) => m.direction === 'out' && m.interviewId === interviewId && m.messageId);
  const last = sent[0]?.messageId ?? null;
  return { inReplyTo: last, references: sent.map((m) => m.messageId).filter((id): id is string => Boolean(id)).reverse() };
}

/** Refuses, before anything is sent, a message whose recording would then fail. */
async function checkSendable(ctx: AppContext, input: SendMailInput): Promise<void> {
  if (input.kind === 'thank-you') {
    if (!input.interviewId) throw validationError([{ field: 'interviewId', message: 'is required for a thank-you' }]);
    const interview = required(await ctx.repos.interviews.get(input.interviewId), 'interviews', input.interviewId);
    if (interview.status !== 'held') {
      throw new AppError('interviews.illegal_transition', 409, `This conversation is ${interview.status}, so it cannot be thanked now.`, { from: interview.status, to: 'thanked' });
    }
  }
  if (input.kind === 'request' && input.interviewId) {
    const interview = required(await ctx.repos.interviews.get(input.interviewId), 'interviews', input.interviewId);
    if (interview.status !== 'idea') throw new AppError('outreach.already_requested', 409, `This conversation is already ${interview.status}: its request was recorded before.`, { status: interview.status });
  }
}

/**
 * Sends a draft through the user's SMTP server, then records it in one transaction: the
 * message with the Message-ID it carried, the conversation's move (a request: idea →
 * requested; a thank-you: held → thanked), the timeline entry and the agenda item it
 * settles. A failed send changes nothing and says why. The sent copy goes in the Sent
 * folder unless the provider files it itself.
 */
export async function sendMail({ ctx, mail, input }: { ctx: AppContext; mail: MailServices; input: SendMailInput }): Promise<SendMailResult> {
  const { mailbox, credentials } = await connected(ctx, mail);
  const contact = required(await ctx.repos.contacts.get(input.contactId), 'contacts', input.contactId);
  const failing = new Set(await ctx.repos.mail.failingAddresses(contact.id));
  const to = input.to ? normalizeAddress(input.to) : contact.emails.map((e) => normalizeAddress(e.value)).find((e) => e && !failing.has(e));
  if (!to) throw validationError([{ field: 'to', message: `${contact.name} has no email address that works; add one first` }]);
  if (input.interviewId) {
    const interview = required(await ctx.repos.interviews.get(input.interviewId), 'interviews', input.interviewId);
    if (interview.contactId !== contact.id) throw validationError([{ field: 'interviewId', message: `is not a conversation with ${contact.name}` }]);
  }
  await checkSendable(ctx, input);
  const thread = input.kind === 'request' ? { inReplyTo: null, references: [] } : await threadOf(ctx, contact.id, input.interviewId ?? null);
  let sent: { messageId: string; raw: Buffer };
  try {
    sent = await mail.client.send(credentials, {
      from: { name: (await ctx.repos.profile.get())?.name ?? null, address: mailbox.address },
      to: [{ name: contact.name, address: to }],
      subject: input.subject,
      text: input.body,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('mail.send_failed', 502, `The message was not sent: ${message} Nothing was recorded.`, error instanceof MailConnectionError ? { reason: error.reason } : undefined);
  }
  const result = await ctx.transaction(async (tx) => {
    const at = now(tx);
    const summary = summaryOf(input.subject, input.body);
    let interviewId = input.interviewId ?? null;
    if (input.kind === 'request') {
      const recorded = await recordRequestSent({
        ctx: tx,
        input: { contactId: contact.id, interviewId: input.interviewId ?? undefined, explorationId: input.explorationId, subject: input.subject, body: input.body, at, settlesAgendaItem: input.settlesAgendaItem },
      });
      interviewId = recorded.interview.id;
    } else if (input.kind === 'thank-you' && interviewId) {
      await transitionInterview({ ctx: tx, id: interviewId, input: { to: 'thanked', at, thankYouFormat: 'email' }, thankYouMessage: summary });
    } else {
      await createInteraction({ ctx: tx, input: { contactId: contact.id, interviewId, kind: input.kind === 'check-in' ? 'check-in' : 'email-sent', occurredAt: at, summary } });
      if (input.kind === 'report-back' && input.settlesAgendaItem?.startsWith('report-back:')) {
        await updateReferral({ ctx: tx, id: input.settlesAgendaItem.slice('report-back:'.length), input: { reportedBackAt: at } });
      }
    }
    if (input.settlesAgendaItem && input.kind !== 'request') await setAgendaItemState({ ctx: tx, key: input.settlesAgendaItem, state: 'done' });
    const id = newId();
    await tx.repos.mail.insertMessage({
      id,
      direction: 'out',
      outcome: 'sent',
      messageId: sent.messageId,
      subject: input.subject,
      fromAddress: mailbox.address,
      toAddresses: [to],
      date: at,
      snippet: input.body.slice(0, 300),
      contactId: contact.id,
      interviewId,
      createdAt: at,
    });
    const interview = interviewId ? await tx.repos.interviews.get(interviewId) : undefined;
    return { message: required(await tx.repos.mail.message(id), 'mail_messages', id), interviewId, interviewStatus: interview?.status ?? null };
  });
  if (mailbox.saveSentCopy) {
    await mail.client.appendToSent(credentials, sent.raw).catch(async (error: unknown) => {
      await ctx.repos.mail.updateMailbox({ lastError: `The message was sent, but its copy could not be put in Sent: ${error instanceof Error ? error.message : String(error)}` });
    });
  }
  return result;
}

/** A request the user wrote from their own mail app (seen in Sent): recorded as sent at the time they sent it. */
export async function markRequested({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ interviewId: string; interviewStatus: string }> {
  const message = await ctx.repos.mail.message(id);
  if (!message) throw notFound('mail_messages', id);
  if (message.direction !== 'out' || !message.contact || !message.interviewId) {
    throw new AppError('mail.not_a_request', 409, 'Only a message you sent to someone with an idea conversation can be recorded as a request.', { id });
  }
  const { interview } = await recordRequestSent({
    ctx,
    input: { contactId: message.contact.id, interviewId: message.interviewId, subject: message.subject, body: message.snippet || message.subject, at: message.date },
  });
  return { interviewId: interview.id, interviewStatus: interview.status };
}
