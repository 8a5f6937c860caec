import type { MailOutcome } from '../../shared/schemas/mail.js';
import type { MailEnvelope, MailMessageFacts } from './mail.ports.js';

/**
 * How Inroads reads mail: pure functions from a message's headers (and the people and
 * requests it knows) to what the message means. No I/O here.
 */

/** Subjects mail programs give automatic answers, in the languages seen most often. */
const AUTO_REPLY_SUBJECT =
  /\b(out of (the )?office|automatic reply|auto(matic)?[- ]?(reply|response|antwort)|autoreply|away from (the |my )?(office|desk)|abwesenheit\w*|automatische antwort|absence du bureau|réponse automatique|respuesta automática|fuera de la oficina)\b/i;
const FORWARD_SUBJECT = /^\s*(fwd?|wg|tr|rv|enc)\s*:/i;

export const normalizeAddress = (address: string): string => address.trim().toLowerCase();

/** An automatic answer (RFC 3834 Auto-Submitted, X-Autoreply, Precedence, or an out-of-office subject): logged, never a reply. */
export function isAutoReply(m: Pick<MailEnvelope, 'autoSubmitted' | 'xAutoreply' | 'precedence' | 'subject'>): boolean {
  if (m.autoSubmitted && m.autoSubmitted.trim().toLowerCase() !== 'no') return true;
  if (m.xAutoreply && m.xAutoreply.trim() !== '') return true;
  const precedence = m.precedence?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'auto_reply' || precedence === 'junk') return true;
  return AUTO_REPLY_SUBJECT.test(m.subject);
}

/** A delivery-status report: a message could not be delivered. */
export function isBounce(m: Pick<MailMessageFacts, 'bounce' | 'contentType'>): boolean {
  return m.bounce !== null || /report-type="?delivery-status/i.test(m.contentType ?? '');
}

export const isForward = (subject: string): boolean => FORWARD_SUBJECT.test(subject);

/** Who Inroads knows, by address. An address shared by two people belongs to the first. */
export function peopleByAddress(people: ReadonlyArray<{ id: string; emails: readonly string[] }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const person of people) for (const email of person.emails) if (!out.has(email)) out.set(email, person.id);
  return out;
}

/** Whether a message is Inroads' business: to or from someone it knows (the user's own address aside). */
export function concernsKnownPeople(envelope: Pick<MailEnvelope, 'from' | 'to' | 'cc'>, known: ReadonlyMap<string, string>, self: string): boolean {
  const me = normalizeAddress(self);
  return [...envelope.from, ...envelope.to, ...envelope.cc].some((a) => a.address !== me && known.has(normalizeAddress(a.address)));
}

/** A conversation mail can settle or move. */
export interface MatchInterview {
  id: string;
  contactId: string;
  status: string;
  requestedAt: string | null;
  repliedAt: string | null;
  createdAt: string;
}

export interface MatchContext {
  /** The user's own address. */
  self: string;
  known: ReadonlyMap<string, string>;
  /** Messages Inroads sent, by Message-ID. */
  sent: ReadonlyMap<string, { contactId: string | null; interviewId: string | null }>;
  /** Conversations of the people involved, oldest first. */
  interviews: readonly MatchInterview[];
  /** A person the message was dropped on: it is theirs when no address says otherwise. */
  hintContactId?: string | undefined;
}

export interface MailMatch {
  outcome: Exclude<MailOutcome, 'duplicate' | 'ignored'>;
  direction: 'in' | 'out';
  contactId: string | null;
  interviewId: string | null;
  /** bounce: the failing addresses of people Inroads knows, with whose they are. */
  failing: Array<{ contactId: string; email: string }>;
  /** Why, in a few words (for the .eml import's result and the tests). */
  because: string;
}

const OPEN_REQUEST = new Set(['requested', 'no-reply']);

/**
 * What a message means. A reply is found by its thread first (In-Reply-To, then
 * References, against the Message-IDs Inroads gave what it sent), then by its sender
 * among people with an open request. Automatic answers and delivery reports are never replies.
 */
export function matchMessage(m: MailMessageFacts, context: MatchContext): MailMatch {
  const me = normalizeAddress(context.self);
  const nobody = { contactId: null, interviewId: null, failing: [] };
  const thread = [m.inReplyTo, ...[...m.references].reverse()].filter((id): id is string => Boolean(id));
  const threadHit = thread.map((id) => context.sent.get(id)).find((hit) => hit !== undefined);

  if (isBounce(m)) {
    const failing = (m.bounce?.failedRecipients ?? []).flatMap((email) => {
      const contactId = context.known.get(normalizeAddress(email));
      return contactId ? [{ contactId, email: normalizeAddress(email) }] : [];
    });
    const original = m.bounce?.originalMessageId ? context.sent.get(m.bounce.originalMessageId) : undefined;
    return {
      outcome: 'bounce',
      direction: 'in',
      contactId: failing[0]?.contactId ?? original?.contactId ?? threadHit?.contactId ?? null,
      interviewId: original?.interviewId ?? threadHit?.interviewId ?? null,
      failing,
      because: failing.length > 0 ? `delivery failed for ${failing.map((f) => f.email).join(', ')}` : 'a delivery report about an address not in Inroads',
    };
  }

  const from = m.from.map((a) => normalizeAddress(a.address));
  const senderKnown = from.some((a) => a !== me && context.known.has(a));
  const recipientKnown = [...m.to, ...m.cc].some((a) => context.known.has(normalizeAddress(a.address)));
  // Without a connected mailbox (a dropped .eml) the user's address is unknown: mail from a stranger to someone known is theirs.
  const outgoing = m.folder === 'sent' || (me !== '' && from.includes(me)) || (me === '' && !senderKnown && recipientKnown);
  if (outgoing) {
    const recipient = [...m.to, ...m.cc].map((a) => normalizeAddress(a.address)).find((a) => a !== me && context.known.has(a));
    const contactId = (recipient ? context.known.get(recipient) : undefined) ?? context.hintContactId ?? null;
    const idea = contactId ? context.interviews.filter((i) => i.contactId === contactId && i.status === 'idea').at(-1) : undefined;
    return {
      outcome: 'sent',
      direction: 'out',
      contactId,
      interviewId: idea?.id ?? null,
      failing: [],
      because: idea ? 'you wrote to someone whose conversation is still an idea' : 'a message you sent',
    };
  }

  const sender = from.find((a) => a !== me && context.known.has(a));
  const contactId = threadHit?.contactId ?? (sender ? context.known.get(sender) : undefined) ?? context.hintContactId ?? null;
  if (!contactId) return { outcome: 'other', direction: 'in', ...nobody, because: 'from nobody in Inroads' };
  if (isAutoReply(m)) {
    return { outcome: 'auto-reply', direction: 'in', contactId, interviewId: threadHit?.interviewId ?? null, failing: [], because: 'an automatic answer, not a reply' };
  }
  if (isForward(m.subject)) {
    return { outcome: 'forward', direction: 'in', contactId, interviewId: threadHit?.interviewId ?? null, failing: [], because: 'a forwarded message' };
  }
  if (threadHit?.interviewId) {
    return { outcome: 'reply', direction: 'in', contactId, interviewId: threadHit.interviewId, failing: [], because: 'in reply to a message sent from Inroads' };
  }
  const open = context.interviews.filter((i) => i.contactId === contactId && OPEN_REQUEST.has(i.status) && i.requestedAt && i.requestedAt <= m.date).at(-1);
  if (open) return { outcome: 'reply', direction: 'in', contactId, interviewId: open.id, failing: [], because: 'from someone with an open request' };
  return { outcome: 'other', direction: 'in', contactId, interviewId: null, failing: [], because: 'a message from someone in Inroads' };
}
