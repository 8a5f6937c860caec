import { describe, expect, it } from 'vitest';
import { testId } from '../../../test/fixtures/builders.js';
import type { MailMessageFacts } from './mail.ports.js';
import { concernsKnownPeople, isAutoReply, matchMessage, peopleByAddress, type MatchContext } from './mail.rules.js';

const ME = 'me@home.example';
const ANA = testId(1);
const BEN = testId(2);

const message = (extra: Partial<Omit<MailMessageFacts, 'from'>> & { from?: string } = {}): MailMessageFacts => {
  const { from = 'ana@work.example', ...rest } = extra;
  return {
    folder: 'inbox',
    uid: 1,
    messageId: '<m1@work.example>',
    inReplyTo: null,
    references: [],
    from: [{ name: 'Ana', address: from }],
    to: [{ name: null, address: ME }],
    cc: [],
    subject: 'Re: twenty minutes?',
    date: '2026-03-11T10:00:00.000Z',
    autoSubmitted: null,
    xAutoreply: null,
    precedence: null,
    contentType: 'text/plain; charset=utf-8',
    snippet: 'Yes, happy to.',
    bounce: null,
    ...rest,
  };
};

const context = (extra: Partial<MatchContext> = {}): MatchContext => ({
  self: ME,
  known: peopleByAddress([
    { id: ANA, emails: ['ana@work.example'] },
    { id: BEN, emails: ['ben@work.example', 'ben@home.example'] },
  ]),
  sent: new Map([['<req-1@home.example>', { contactId: ANA, interviewId: testId(11) }]]),
  interviews: [
    { id: testId(11), contactId: ANA, status: 'requested', requestedAt: '2026-03-09T09:00:00.000Z', repliedAt: null, createdAt: '2026-03-01T00:00:00.000Z' },
    { id: testId(12), contactId: BEN, status: 'idea', requestedAt: null, repliedAt: null, createdAt: '2026-03-01T00:00:00.000Z' },
  ],
  ...extra,
});

describe('reading mail', () => {
  it('knows automatic answers by their headers and by out-of-office subjects, and only then', () => {
    const base = { autoSubmitted: null, xAutoreply: null, precedence: null, subject: 'Re: coffee' };
    expect(isAutoReply(base)).toBe(false);
    expect(isAutoReply({ ...base, autoSubmitted: 'no' })).toBe(false);
    expect(isAutoReply({ ...base, autoSubmitted: 'auto-replied' })).toBe(true);
    expect(isAutoReply({ ...base, xAutoreply: 'yes' })).toBe(true);
    expect(isAutoReply({ ...base, precedence: 'bulk' })).toBe(true);
    expect(isAutoReply({ ...base, precedence: 'auto_reply' })).toBe(true);
    for (const subject of ['Out of Office: coffee', 'Automatic reply: coffee', 'Autoreply: coffee', 'Abwesenheitsnotiz: Kaffee', 'Réponse automatique : café', 'Away from the office until Monday']) {
      expect(isAutoReply({ ...base, subject }), subject).toBe(true);
    }
    // Words that merely resemble it are not automatic.
    expect(isAutoReply({ ...base, subject: 'Re: my office move' })).toBe(false);
    expect(isAutoReply({ ...base, subject: 'Re: notes on leave policy' })).toBe(false);
  });

  it('is interested only in mail to or from people it knows, the user aside', () => {
    const known = context().known;
    expect(concernsKnownPeople(message(), known, ME)).toBe(true);
    expect(concernsKnownPeople(message({ from: 'stranger@spam.example' }), known, ME)).toBe(false);
    expect(concernsKnownPeople(message({ from: ME, to: [{ name: null, address: 'ben@home.example' }] }), known, ME)).toBe(true);
  });

  it('matches a reply by its thread first, by References when In-Reply-To is missing, then by its sender', () => {
    expect(matchMessage(message({ inReplyTo: '<req-1@home.example>' }), context())).toMatchObject({ outcome: 'reply', contactId: ANA, interviewId: testId(11) });
    expect(matchMessage(message({ references: ['<other@x>', '<req-1@home.example>'] }), context())).toMatchObject({ outcome: 'reply', interviewId: testId(11) });
    // Outlook: no References, an In-Reply-To Inroads never gave out; the sender has an open request.
    expect(matchMessage(message({ inReplyTo: '<outlook@x>' }), context())).toMatchObject({ outcome: 'reply', interviewId: testId(11), because: 'from someone with an open request' });
    // Before the request went, it is not its reply.
    expect(matchMessage(message({ date: '2026-03-01T10:00:00.000Z' }), context())).toMatchObject({ outcome: 'other', interviewId: null });
    // Someone with no open request: logged, not a reply.
    expect(matchMessage(message({ from: 'ben@work.example' }), context())).toMatchObject({ outcome: 'other', contactId: BEN });
  });

  it('keeps automatic answers, forwards and bounces apart from replies', () => {
    expect(matchMessage(message({ inReplyTo: '<req-1@home.example>', autoSubmitted: 'auto-replied' }), context()).outcome).toBe('auto-reply');
    expect(matchMessage(message({ subject: 'Fwd: someone you should meet' }), context()).outcome).toBe('forward');
    const bounce = matchMessage(
      message({ from: 'mailer-daemon@mx.example', contentType: 'multipart/report; report-type=delivery-status', bounce: { failedRecipients: ['BEN@home.example'], originalMessageId: null } }),
      context(),
    );
    expect(bounce).toMatchObject({ outcome: 'bounce', contactId: BEN, failing: [{ contactId: BEN, email: 'ben@home.example' }] });
    const unknown = matchMessage(message({ from: 'mailer-daemon@mx.example', bounce: { failedRecipients: ['x@nowhere.example'], originalMessageId: '<req-1@home.example>' } }), context());
    expect(unknown).toMatchObject({ outcome: 'bounce', failing: [], interviewId: testId(11) });
  });

  it('sees what the user sent, and offers it as the request when the conversation is still an idea', () => {
    const sent = message({ folder: 'sent', from: ME, to: [{ name: 'Ben', address: 'ben@home.example' }], subject: 'Coffee?' });
    expect(matchMessage(sent, context())).toMatchObject({ outcome: 'sent', direction: 'out', contactId: BEN, interviewId: testId(12) });
    // Without a connected mailbox (a dropped .eml) a stranger's message to someone known is the user's.
    const dropped = message({ from: 'me@elsewhere.example', to: [{ name: null, address: 'ben@work.example' }] });
    expect(matchMessage(dropped, context({ self: '' }))).toMatchObject({ outcome: 'sent', contactId: BEN });
    // A stranger writing to no one known is no one's.
    expect(matchMessage(message({ from: 'x@y.example' }), context())).toMatchObject({ outcome: 'other', contactId: null });
  });
});
