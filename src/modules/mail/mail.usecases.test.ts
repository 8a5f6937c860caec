import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { rejection } from '../../../test/fixtures/errors.js';
import { createTestWorkspace, dialects, TEST_NOW, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { connectMailboxInput } from '../../shared/schemas/mail.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { transitionInterview } from '../interviews/interviews.usecases.js';
import { recordRequestSent } from '../outreach/outreach.usecases.js';
import type { AppContext } from '../repositories.js';
import { MailConnectionError, type MailClient, type MailCredentials, type MailEnvelope, type MailMessageFacts, type OutgoingMessage, type SyncCursor } from './mail.ports.js';
import { connectMailbox, disconnectMailbox, importMail, mailboxStatus, markRequested, sendMail, syncMailbox, type MailServices } from './mail.usecases.js';

const KEY = Buffer.alloc(32, 7);
const ME = 'sam@example.org';


/** A message as the client layer hands it over. */
function facts(partial: Partial<Omit<MailMessageFacts, 'from'>> & { from: string; subject: string }): MailMessageFacts {
  const { from, ...rest } = partial;
  return {
    folder: 'inbox',
    uid: 1,
    messageId: `<${Math.random().toString(36).slice(2)}@mail.example>`,
    inReplyTo: null,
    references: [],
    from: [{ name: null, address: from }],
    to: [{ name: null, address: ME }],
    cc: [],
    date: '2026-03-11T09:00:00.000Z',
    autoSubmitted: null,
    xAutoreply: null,
    precedence: null,
    contentType: 'text/plain',
    snippet: 'Happy to talk. Would Thursday at 3 work?',
    bounce: null,
    ...rest,
  };
}

/** A mail server in memory: what was verified, sent and appended, and a queue of messages the next pass finds. */
function fakeClient() {
  const state = {
    verifyError: null as MailConnectionError | null,
    sendError: null as Error | null,
    sent: [] as OutgoingMessage[],
    appended: [] as Buffer[],
    inbox: [] as MailMessageFacts[],
    looked: [] as MailEnvelope[],
    verified: [] as MailCredentials[],
  };
  let counter = 0;
  const client: MailClient = {
    async verify(credentials) {
      state.verified.push(credentials);
      if (state.verifyError) throw state.verifyError;
    },
    async fetchNew(_credentials, cursor: SyncCursor, isWanted) {
      const batch = state.inbox.splice(0);
      state.looked.push(...batch);
      const wanted = batch.filter((m) => isWanted(m) || m.bounce !== null);
      const lastUid = (cursor.inbox?.lastUid ?? 0) + batch.length;
      return { messages: wanted, scanned: batch.length, cursor: { inbox: { uidValidity: '1', lastUid }, sent: cursor.sent } };
    },
    async send(_credentials, message) {
      if (state.sendError) throw state.sendError;
      state.sent.push(message);
      counter += 1;
      return { messageId: `<sent-${counter}@example.org>`, raw: Buffer.from(`Subject: ${message.subject}\r\n\r\n${message.text}`) };
    },
    async appendToSent(_credentials, raw) {
      state.appended.push(raw);
    },
    watch: () => ({ stop: async () => undefined, watching: false }),
  };
  return { client, state };
}

const connectInput = (extra: Record<string, unknown> = {}) =>
  connectMailboxInput.parse({
    address: ME,
    imap: { host: 'imap.example.org', port: 993, security: 'tls' },
    smtp: { host: 'smtp.example.org', port: 465, security: 'tls' },
    secret: 'app-password-123',
    ...extra,
  });

describe.each(dialects)('the mailbox on %s', (dialect) => {
  let w: TestWorkspace;
  let ctx: AppContext;
  let fake: ReturnType<typeof fakeClient>;
  let mail: MailServices;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
    ctx = w.ctx;
    fake = fakeClient();
    // The .eml reader of these tests takes the facts as JSON; the real one (postal-mime) is tested with the client.
    mail = { client: fake.client, key: KEY, parseEml: async (raw) => JSON.parse(raw) as MailMessageFacts };
  });
  afterAll(async () => w?.dispose());

  it('keeps nothing when the server refuses, and keeps the secret sealed when it accepts', async () => {
    fake.state.verifyError = new MailConnectionError('auth', 'The server refused the user name or password.', 'imap');
    const refused = await rejection(connectMailbox({ ctx, mail, input: connectInput() }));
    expect(refused).toMatchObject({ code: 'mail.connect_failed', status: 422, details: { reason: 'auth', server: 'imap', field: 'secret' } });
    expect((await mailboxStatus({ ctx })).connected).toBe(false);

    fake.state.verifyError = new MailConnectionError('certificate', 'The certificate is not trusted.', 'imap', 'AB:'.repeat(31) + 'AB');
    const untrusted = await rejection(connectMailbox({ ctx, mail, input: connectInput() }));
    expect(untrusted.details).toMatchObject({ reason: 'certificate', fingerprint: 'AB:'.repeat(31) + 'AB' });

    fake.state.verifyError = null;
    const status = await connectMailbox({ ctx, mail, input: connectInput({ trustCertificate: 'AB:'.repeat(31) + 'AB' }) });
    expect(status).toMatchObject({ connected: true, address: ME, username: ME, trustedCertificate: 'AB:'.repeat(31) + 'AB', state: 'ok', saveSentCopy: true });
    expect(JSON.stringify(status)).not.toContain('app-password-123');
    const stored = await ctx.repos.mail.mailbox();
    expect(stored?.sealedSecret).toBeTruthy();
    expect(stored?.sealedSecret).not.toContain('app-password-123');
    // Without the key nothing can be connected (never stored in the clear).
    const keyless = await rejection(connectMailbox({ ctx, mail: { ...mail, key: null }, input: connectInput() }));
    expect(keyless.code).toBe('mail.unavailable');
  });

  it('sends a request, moves the conversation and records the Message-ID; a failed send changes nothing', async () => {
    const org = await anOrganization(ctx, { name: 'Kestrel Labs' });
    const ana = await aContact(ctx, { name: 'Ana Ruiz', organizationId: org.id, emails: [{ label: 'work', value: 'Ana@Kestrel.example' }] });
    const idea = await anInterview(ctx, { contactId: ana.id });

    fake.state.sendError = new MailConnectionError('rejected', 'The server refused the recipient.', 'smtp');
    const failed = await rejection(sendMail({ ctx, mail, input: { kind: 'request', contactId: ana.id, interviewId: idea.id, subject: 'A question', body: 'Hi Ana' } }));
    expect(failed).toMatchObject({ code: 'mail.send_failed', status: 502 });
    expect(failed.message).toContain('refused the recipient');
    expect((await ctx.repos.interviews.get(idea.id))?.status).toBe('idea');
    expect(await ctx.repos.mail.messages({ contactId: ana.id, limit: 10 })).toEqual([]);

    fake.state.sendError = null;
    const sent = await sendMail({ ctx, mail, input: { kind: 'request', contactId: ana.id, interviewId: idea.id, subject: 'A question about design at Kestrel', body: 'Hi Ana, would you have 20 minutes?' } });
    expect(sent).toMatchObject({ interviewId: idea.id, interviewStatus: 'requested', message: { direction: 'out', messageId: '<sent-1@example.org>', toAddresses: ['ana@kestrel.example'] } });
    expect(fake.state.sent.at(-1)?.to).toEqual([{ name: 'Ana Ruiz', address: 'ana@kestrel.example' }]);
    expect(fake.state.appended).toHaveLength(1);
    const interview = await ctx.repos.interviews.get(idea.id);
    expect(interview).toMatchObject({ status: 'requested', requestedAt: TEST_NOW });
    const timeline = await ctx.repos.interactions.list({ contactId: ana.id }, { field: 'occurredAt', direction: 'desc' }, { limit: 10, offset: 0 });
    expect(timeline.items.map((i) => i.kind)).toEqual(['email-sent']);

    // Sending it again is refused before anything goes out.
    const again = await rejection(sendMail({ ctx, mail, input: { kind: 'request', contactId: ana.id, interviewId: idea.id, subject: 'Again', body: 'Hi' } }));
    expect(again.code).toBe('outreach.already_requested');
    expect(fake.state.sent).toHaveLength(1);
  });

  it('matches replies by thread and by sender, and keeps automatic answers, bounces and strangers apart', async () => {
    const org = await anOrganization(ctx, { name: 'Harbour Bank' });
    const ben = await aContact(ctx, { name: 'Ben Okafor', organizationId: org.id, emails: [{ label: 'work', value: 'ben@harbour.example' }] });
    const cleo = await aContact(ctx, { name: 'Cleo Park', organizationId: org.id, emails: [{ label: 'work', value: 'cleo@harbour.example' }] });
    const dan = await aContact(ctx, { name: 'Dan Ito', emails: [{ label: 'work', value: 'dan@typo.example' }] });
    const benIdea = await anInterview(ctx, { contactId: ben.id });
    const request = await sendMail({ ctx, mail, input: { kind: 'request', contactId: ben.id, interviewId: benIdea.id, subject: 'Twenty minutes?', body: 'Hi Ben' } });
    // Cleo was asked by hand ("I sent it"); her reply comes from Outlook, with no References.
    const cleoRequest = await recordRequestSent({ ctx, input: { contactId: cleo.id, body: 'Hi Cleo', subject: 'Advice', at: '2026-03-09T09:00:00.000Z' } });
    const danIdea = await anInterview(ctx, { contactId: dan.id });

    fake.state.inbox.push(
      facts({ from: 'ben@harbour.example', subject: 'Automatic reply: Twenty minutes?', autoSubmitted: 'auto-replied', inReplyTo: request.message.messageId }),
      facts({ from: 'ben@harbour.example', subject: 'Re: Twenty minutes?', inReplyTo: request.message.messageId, references: [request.message.messageId ?? ''], date: '2026-03-11T10:00:00.000Z' }),
      facts({ from: 'cleo@harbour.example', subject: 'RE: Advice', snippet: 'Sure, next week is good.', date: '2026-03-11T11:00:00.000Z' }),
      facts({ from: 'stranger@spam.example', subject: 'You won', snippet: 'Click here' }),
      facts({
        from: 'mailer-daemon@mail.example',
        subject: 'Undelivered Mail Returned to Sender',
        contentType: 'multipart/report; report-type=delivery-status',
        bounce: { failedRecipients: ['dan@typo.example'], originalMessageId: null },
        snippet: 'The address was not found.',
      }),
      facts({ folder: 'sent', from: ME, to: [{ name: 'Dan', address: 'dan@typo.example' }], subject: 'Coffee?', snippet: 'Hi Dan, could we talk?', date: '2026-03-10T08:00:00.000Z' }),
    );
    const result = await syncMailbox({ ctx, mail });
    expect(result).toEqual({ scanned: 6, kept: 5, replies: 2, autoReplies: 1, bounces: 1, sent: 1 });
    // The stranger's message was looked at (headers) and not kept.
    expect((await ctx.repos.mail.messages({ limit: 100 })).some((m) => m.subject === 'You won')).toBe(false);

    expect((await ctx.repos.interviews.get(benIdea.id))?.repliedAt).toBe('2026-03-11T10:00:00.000Z');
    expect((await ctx.repos.interviews.get(cleoRequest.interview.id))?.repliedAt).toBe('2026-03-11T11:00:00.000Z');

    const agenda = await getAgenda({ ctx, at: '2026-03-20T10:00:00.000Z', include: 'open' });
    const kinds = (contactId: string) => agenda.items.filter((i) => i.contactId === contactId).map((i) => i.kind);
    // A reply settles reach-next and follow-up, and asks for a date.
    expect(kinds(ben.id)).toEqual(['schedule']);
    expect(agenda.items.find((i) => i.key === `schedule:${benIdea.id}`)).toMatchObject({ title: 'Ben Okafor replied: schedule it', quote: 'Happy to talk. Would Thursday at 3 work?' });
    expect(agenda.items.find((i) => i.key === `schedule:${cleoRequest.interview.id}`)?.quote).toBe('Sure, next week is good.');
    expect(agenda.items.find((i) => i.key === `fix-address:${dan.id}`)).toMatchObject({ kind: 'fix-address', email: 'dan@typo.example' });
    const suggestion = agenda.items.find((i) => i.kind === 'mark-requested');
    expect(suggestion).toMatchObject({ contactId: dan.id, interviewId: danIdea.id });
    // Nothing moved on its own.
    expect((await ctx.repos.interviews.get(danIdea.id))?.status).toBe('idea');

    // One click records it, at the time it was sent.
    expect(await markRequested({ ctx, id: suggestion?.mailMessageId ?? '' })).toEqual({ interviewId: danIdea.id, interviewStatus: 'requested' });
    expect((await ctx.repos.interviews.get(danIdea.id))?.requestedAt).toBe('2026-03-10T08:00:00.000Z');
    const after = await getAgenda({ ctx, at: '2026-03-20T10:00:00.000Z', include: 'open' });
    expect(after.items.some((i) => i.kind === 'mark-requested')).toBe(false);

    // The same pass again keeps nothing twice.
    fake.state.inbox.push(facts({ from: 'ben@harbour.example', subject: 'Re: Twenty minutes?', messageId: (await ctx.repos.mail.messages({ contactId: ben.id, limit: 10 })).find((m) => m.outcome === 'reply')?.messageId ?? null }));
    expect(await syncMailbox({ ctx, mail })).toMatchObject({ scanned: 1, kept: 0 });

    // Scheduling settles the reply's item.
    await transitionInterview({ ctx, id: benIdea.id, input: { to: 'scheduled', scheduledAt: '2026-03-24T15:00:00.000Z' } });
    expect((await getAgenda({ ctx, at: '2026-03-20T10:00:00.000Z' })).items.some((i) => i.key === `schedule:${benIdea.id}`)).toBe(false);
  });

  it('reads dropped .eml files with the same matching, all or nothing', async () => {
    const eve = await aContact(ctx, { name: 'Eve Stone', emails: [{ label: 'work', value: 'eve@stone.example' }] });
    const { interview } = await recordRequestSent({ ctx, input: { contactId: eve.id, body: 'Hi Eve', at: '2026-03-09T09:00:00.000Z' } });
    const reply = JSON.stringify(facts({ from: 'eve@stone.example', subject: 'Re: hello', snippet: 'Yes, gladly.' }));
    const broken = await rejection(importMail({ ctx, mail, input: { files: [{ name: 'reply.eml', content: reply }, { name: 'junk.eml', content: 'not json' }] } }));
    expect(broken).toMatchObject({ code: 'validation.failed' });
    expect(broken.message).toContain('junk.eml');
    expect((await ctx.repos.interviews.get(interview.id))?.repliedAt).toBeNull();

    const stranger = JSON.stringify(facts({ from: 'nobody@else.example', subject: 'Hello' }));
    const result = await importMail({ ctx, mail, input: { files: [{ name: 'reply.eml', content: reply }, { name: 'other.eml', content: stranger }] } });
    expect(result.files).toEqual([
      expect.objectContaining({ name: 'reply.eml', outcome: 'reply', contact: { id: eve.id, name: 'Eve Stone' }, interviewId: interview.id }),
      expect.objectContaining({ name: 'other.eml', outcome: 'ignored', contact: null }),
    ]);
    expect((await ctx.repos.interviews.get(interview.id))?.repliedAt).toBe('2026-03-11T09:00:00.000Z');
    // Dropped on a person, a message from an address not on file is theirs.
    const onEve = await importMail({ ctx, mail, input: { contactId: eve.id, files: [{ name: 'home.eml', content: JSON.stringify(facts({ from: 'eve.home@mail.example', subject: 'From home' })) }] } });
    expect(onEve.files[0]).toMatchObject({ outcome: 'reply', contact: { id: eve.id } });
  });

  it('forgets the mailbox and its secret on disconnect', async () => {
    await disconnectMailbox({ ctx, mail });
    expect(await ctx.repos.mail.mailbox()).toBeUndefined();
    expect((await mailboxStatus({ ctx })).connected).toBe(false);
    expect((await rejection(syncMailbox({ ctx, mail }))).code).toBe('mail.not_connected');
    expect((await rejection(disconnectMailbox({ ctx, mail }))).code).toBe('mail.not_connected');
  });
});
