import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { interviewStatuses, type InterviewStatus } from '../../shared/schemas/interviews.js';
import type { InsightInterview } from '../insights/insights.rules.js';
import type { ProgressSummary } from '../../shared/schemas/sharing.js';

/** The dates an interview's progress is judged by: the same lean read as the insights page's. */
export type ProgressInterview = InsightInterview;

const DAY = 86_400_000;
/** No step taken in this many days, with nothing booked ahead, counts as stuck. */
export const STUCK_AFTER_DAYS = 21;
/** This many overdue duties count as stuck as well. */
export const STUCK_OVERDUE = 3;

/** The month an instant falls in, in a time zone, as YYYY-MM. */
function monthIn(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

/**
 * What a coach sees of one explorer's progress: interviews by state, conversations
 * this month, what is overdue, and whether they look stuck (and why). A quiet
 * spell is measured from the explorer's last step, or from when they joined
 * (`joinedAt`) when that is later: someone who joined last week has not been idle
 * for three weeks, whatever their (imported) records say. Pure.
 */
export function progressSummary({
  interviews,
  agenda,
  now,
  timeZone,
  joinedAt = null,
}: {
  interviews: readonly ProgressInterview[];
  agenda: readonly AgendaItem[];
  now: string;
  timeZone: string;
  joinedAt?: string | null;
}): ProgressSummary {
  const byStatus = Object.fromEntries(interviewStatuses.map((s) => [s, 0])) as Record<InterviewStatus, number>;
  let lastActivityAt: string | null = null;
  let upcoming = 0;
  let heldThisMonth = 0;
  const month = monthIn(now, timeZone);
  for (const i of interviews) {
    byStatus[i.status] += 1;
    for (const at of [i.requestedAt, i.repliedAt, i.heldAt, i.thankedAt]) if (at && at <= now && (!lastActivityAt || at > lastActivityAt)) lastActivityAt = at;
    if (i.status === 'scheduled' && i.scheduledAt && i.scheduledAt > now) upcoming += 1;
    if (i.heldAt && monthIn(i.heldAt, timeZone) === month) heldThisMonth += 1;
  }
  const open = agenda.filter((a) => a.state === 'open');
  const overdue = open.filter((a) => a.overdue);
  const overdueThankYous = overdue.filter((a) => a.kind === 'thank-you').length;
  const since = [lastActivityAt, joinedAt].filter((at): at is string => at !== null && at <= now).sort().at(-1) ?? null;
  const quietTooLong = !since || Date.parse(now) - Date.parse(since) > STUCK_AFTER_DAYS * DAY;
  let stuckReason: string | null = null;
  if (overdue.length >= STUCK_OVERDUE) stuckReason = `${overdue.length} duties are overdue`;
  else if (interviews.length === 0 && quietTooLong) stuckReason = 'has not asked anyone for a conversation yet';
  else if (interviews.length > 0 && upcoming === 0 && quietTooLong) {
    stuckReason = `no step taken for more than ${STUCK_AFTER_DAYS} days and nothing booked`;
  }
  return {
    interviews: interviews.length,
    byStatus,
    heldThisMonth,
    upcoming,
    openDuties: open.length,
    overdue: overdue.length,
    overdueThankYous,
    lastActivityAt,
    stuck: stuckReason !== null,
    stuckReason,
  };
}

/** What a coach may see of an agenda item: mail stays the explorer's (no quoted reply, no address, no subject). */
const MAIL_REASONS: Partial<Record<AgendaItem['kind'], string>> = {
  schedule: 'A reply to a request arrived.',
  'fix-address': 'A message could not be delivered.',
  'mark-requested': 'A message sent outside Inroads may be a request.',
};

export function sharedAgendaItem(item: AgendaItem): AgendaItem {
  const reason = MAIL_REASONS[item.kind];
  return reason === undefined ? item : { ...item, reason, quote: null, email: null, mailMessageId: null };
}

/** How long repeated looks by one coach count as one entry of the access log. */
export const ACCESS_WINDOW_MINUTES = 30;

/** Whether a look at `at` belongs to the entry whose last look was at `lastAt`. Pure. */
export function sameVisit(lastAt: string, at: string): boolean {
  const gap = Date.parse(at) - Date.parse(lastAt);
  return gap >= 0 && gap <= ACCESS_WINDOW_MINUTES * 60_000;
}

/** Neutral labels for people and organisations a coach may not see by name. */
export interface Pseudonyms {
  person(id: string | null | undefined): string;
  organization(id: string | null | undefined): string;
}

function numbered(ids: Iterable<string | null | undefined>, after: Iterable<string | null | undefined>, word: string): (id: string | null | undefined) => string {
  const labels = new Map<string, string>();
  const add = (list: Iterable<string | null | undefined>) => {
    const fresh = [...new Set([...list].filter((id): id is string => Boolean(id) && !labels.has(id as string)))].sort();
    for (const id of fresh) labels.set(id, `${word} ${labels.size + 1}`);
  };
  add(ids);
  add(after);
  return (id) => (id ? (labels.get(id) ?? `a ${word.toLowerCase()}`) : `a ${word.toLowerCase()}`);
}

/**
 * Labels a coach sees instead of names: "Person 3", "Organisation 2". The people
 * and organisations of the conversations are numbered first, in the order they
 * were added (ids are time-ordered), so a person keeps their number on the
 * progress page and the notes page alike; people met only on the agenda (a
 * referral, someone to ask next) come after. Pure.
 */
export function pseudonyms({
  interviews,
  agenda = [],
}: {
  interviews: readonly { contact: { id: string }; organization: { id: string } | null }[];
  agenda?: readonly Pick<AgendaItem, 'contactId' | 'suggestedContactId' | 'organizationId'>[];
}): Pseudonyms {
  return {
    person: numbered(
      interviews.map((i) => i.contact.id),
      agenda.flatMap((a) => [a.contactId, a.suggestedContactId]),
      'Person',
    ),
    organization: numbered(
      interviews.map((i) => i.organization?.id),
      agenda.map((a) => a.organizationId),
      'Organisation',
    ),
  };
}

type Neutral = (labels: { who: string; next: string | null; item: AgendaItem }) => Pick<AgendaItem, 'title' | 'reason' | 'action'>;

/** Every kind of agenda item, told without a name: only labels, and nothing the student typed (a lead's title). */
const NEUTRAL: Record<AgendaItem['kind'], Neutral> = {
  prepare: ({ who }) => ({
    title: `Prepare for the conversation with ${who}`,
    reason: 'The meeting is coming up and the preparation checklist is not finished.',
    action: 'Research the organisation and the person, rehearse the pitch and pick at least three open questions.',
  }),
  confirm: ({ who }) => ({
    title: `Confirm tomorrow's meeting with ${who}`,
    reason: 'A short note the day before shows respect for their time.',
    action: 'Send a one-line confirmation with the time and place or link.',
  }),
  'thank-you': ({ who, item }) => ({
    title: `Thank ${who}`,
    reason: 'A thank-you within a day of the conversation is what people remember.',
    action: item.suggestedFormat === 'handwritten' ? 'A handwritten card suits this one.' : 'A short email that names one thing learned.',
  }),
  debrief: ({ who }) => ({
    title: `Debrief the conversation with ${who}`,
    reason: 'Notes written within a day keep the details that fade fastest.',
    action: 'Write down what was learned, how it fits, what is still unclear and who to talk to next.',
  }),
  'reach-next': ({ who, next }) => ({
    title: next ? `Reach out to ${next}` : 'Find someone else to ask',
    reason: `${who} has not replied for three business days.`,
    action: 'Approach the next person at the same organisation.',
  }),
  'follow-up': ({ who }) => ({
    title: `Follow up with ${who}`,
    reason: 'Seven business days without an answer: one polite follow-up is expected.',
    action: 'A two-line nudge that repeats the short, specific ask.',
  }),
  'check-in': ({ who }) => ({
    title: `Check in with ${who}`,
    reason: 'It is time to get back in touch.',
    action: 'Share something useful and a line on how the search is going.',
  }),
  'contact-referral': ({ who }) => ({
    title: `Contact ${who}, a referral`,
    reason: 'A fresh referral is the warmest introduction; it cools quickly.',
    action: 'Write to them and name who made the introduction.',
  }),
  'report-back': ({ who }) => ({
    title: `Tell ${who} how their referral went`,
    reason: 'People who make introductions like to hear what came of them.',
    action: 'A short thank-you with one thing learned.',
  }),
  lead: () => ({
    title: 'The next step on a lead',
    reason: 'A date set for the next step on something they heard about.',
    action: 'Take the planned next step.',
  }),
  schedule: ({ who }) => ({
    title: `${who} replied: schedule it`,
    reason: MAIL_REASONS.schedule ?? '',
    action: 'Offer two or three times, and set the date once agreed.',
  }),
  'fix-address': ({ who }) => ({
    title: `Fix the email address of ${who}`,
    reason: MAIL_REASONS['fix-address'] ?? '',
    action: 'Check the address and send the message again.',
  }),
  'mark-requested': ({ who }) => ({
    title: `Was a request sent to ${who}?`,
    reason: MAIL_REASONS['mark-requested'] ?? '',
    action: 'If so, mark it as requested so the follow-ups start from that day.',
  }),
};

/** An agenda item as a coach sees it: never mail, and without names unless the student allows them. Pure. */
export function coachAgendaItem(item: AgendaItem, names: Pseudonyms | null): AgendaItem {
  const shared = sharedAgendaItem(item);
  if (!names) return shared;
  const next = item.suggestedContactId ? names.person(item.suggestedContactId) : null;
  return { ...shared, ...NEUTRAL[item.kind]({ who: names.person(item.contactId), next, item }), quote: null, email: null, mailMessageId: null };
}

/** An interview as a coach sees it: who with and where, by name or by label. */
export interface SharedInterviewLike {
  contact: { id: string; name: string };
  organization: { id: string; name: string } | null;
}
export function coachInterview<T extends SharedInterviewLike>(interview: T, names: Pseudonyms | null): T {
  if (!names) return interview;
  const { contact, organization } = interview;
  return {
    ...interview,
    contact: { id: contact.id, name: names.person(contact.id) },
    organization: organization && { id: organization.id, name: names.organization(organization.id) },
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any of the terms as a whole word (the longest first, so a full name wins over a part of it). */
const wholeWords = (terms: string[], flags: string) =>
  terms.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(${terms.sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags);
/** An email address; a full stop right after it ends the sentence, not the address. */
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]*[\p{L}\p{N}]/gu;

/**
 * Takes the names of the people and organisations a coach sees as labels out of a
 * text the student wrote (their notes), and any email address: a full name or an
 * organisation's name whatever its case, a part of a person's name (three letters
 * or more, capitalised) as a whole word. What else the text says stays as written. Pure.
 */
export function nameScrubber(
  { people, organizations }: { people: readonly { id: string; name: string }[]; organizations: readonly { id: string; name: string }[] },
  names: Pseudonyms,
): (text: string | null) => string | null {
  const whole = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const o of organizations) if (o.name.trim().length >= 2) whole.set(o.name.trim().toLowerCase(), names.organization(o.id));
  for (const p of people) {
    const label = names.person(p.id);
    if (p.name.trim().length >= 2) whole.set(p.name.trim().toLowerCase(), label);
    for (const part of p.name.split(/[\s,]+/)) if (part.length >= 3 && /^\p{Lu}/u.test(part) && !parts.has(part)) parts.set(part, label);
  }
  const wholeRe = wholeWords([...whole.keys()], 'giu');
  const partRe = wholeWords([...parts.keys()], 'gu');
  return (text) => {
    if (text === null) return null;
    let out = text.replace(EMAIL, 'an email address');
    if (wholeRe) out = out.replace(wholeRe, (m) => whole.get(m.toLowerCase()) ?? m);
    if (partRe) out = out.replace(partRe, (m) => parts.get(m) ?? m);
    return out;
  };
}
