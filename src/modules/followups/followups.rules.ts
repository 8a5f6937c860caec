import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { addBusinessDays, businessDeadline, dayBefore, dueOn, localDay, nextBusinessDay, plusHours, type WorkCalendar } from '../../shared/business-days.js';
import { REACH_NEXT_BUSINESS_DAYS } from '../responsiveness/responsiveness.rules.js';

/** Days before a check-in when the person did not say how often to stay in touch. */
export const DEFAULT_CHECK_IN_DAYS = 90;
export const FOLLOW_UP_BUSINESS_DAYS = 7;

export interface AgendaPerson {
  id: string;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
  seniority: string | null;
  relationship: string;
  isHR: boolean;
  responsiveness?: string;
}

export interface AgendaInterview {
  id: string;
  contactId: string;
  status: string;
  requestedAt: string | null;
  repliedAt: string | null;
  scheduledAt: string | null;
  heldAt: string | null;
  thankedAt: string | null;
  hasTakeaways: boolean;
  prepComplete: boolean;
  followUpPermission: number | null;
}

export interface AgendaReferral {
  id: string;
  fromContactId: string;
  toContactId: string;
  status: string;
  reportedBackAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An open lead with a dated next step (see the leads feature). */
export interface AgendaLead {
  id: string;
  title: string;
  status: string;
  nextStep: string | null;
  nextStepAt: string;
  contactId: string | null;
  interviewId: string | null;
  organizationId: string | null;
  mayNamePerson: boolean;
}

/** What the connected mailbox (or dropped .eml files) found that calls for the user. */
export interface AgendaMail {
  /** Replies to conversations still at "requested": agree a time. */
  replies: ReadonlyArray<{ interviewId: string; contactId: string; date: string; snippet: string }>;
  /** Addresses still on file that a delivery report said are failing. */
  bounces: ReadonlyArray<{ contactId: string; email: string; bouncedAt: string }>;
  /** Messages the user sent from their own mail app to people whose conversation is still an idea. */
  sent: ReadonlyArray<{ id: string; contactId: string; interviewId: string; date: string; subject: string }>;
}

export interface ItemState {
  state: 'done' | 'snoozed' | 'dismissed' | 'open';
  snoozedUntil: string | null;
}

export interface AgendaInput {
  now: string;
  calendar: WorkCalendar;
  people: ReadonlyMap<string, AgendaPerson>;
  interviews: readonly AgendaInterview[];
  referrals: readonly AgendaReferral[];
  /** Open leads with a dated next step. */
  leads?: readonly AgendaLead[];
  mail?: AgendaMail;
  /** Latest logged interaction per contact. */
  lastInteractionAt: ReadonlyMap<string, string>;
  /** People at each organisation who could be approached next, best first, not yet asked. */
  nextCandidates: ReadonlyMap<string, readonly AgendaPerson[]>;
  states: ReadonlyMap<string, ItemState>;
}


/**
 * The past conversations (thanked, keeping in touch) the agenda needs to look at
 * before `horizon`: every one still missing a debrief, and each person's latest
 * conversation when their earliest possible check-in (the interval after the
 * conversation or thank-you, less a day's margin for time zones) is not beyond the
 * horizon. Later interactions only push a check-in further out, so everything else
 * can be skipped without reading any interactions.
 */
export function pastNeedingAttention(past: readonly AgendaInterview[], horizon: string): AgendaInterview[] {
  const latest = new Map<string, AgendaInterview>();
  for (const interview of past) {
    const current = latest.get(interview.contactId);
    if (interview.heldAt && (!current || (current.heldAt ?? '') < interview.heldAt)) latest.set(interview.contactId, interview);
  }
  const limit = Date.parse(horizon);
  const chosen = new Set<AgendaInterview>();
  for (const interview of past) {
    if (interview.hasTakeaways) continue;
    chosen.add(interview);
    const last = latest.get(interview.contactId);
    if (last) chosen.add(last);
  }
  for (const interview of latest.values()) {
    const { thankedAt, heldAt } = interview;
    const base = thankedAt && heldAt ? (thankedAt > heldAt ? thankedAt : heldAt) : (thankedAt ?? heldAt);
    if (!base) continue;
    const earliest = Date.parse(base) + ((interview.followUpPermission ?? DEFAULT_CHECK_IN_DAYS) - 1) * 86_400_000;
    if (earliest < limit) chosen.add(interview);
  }
  return [...chosen];
}

/** Organisations whose reach-next falls due before `horizon`: the only ones whose people must be loaded. */
export function organizationsNeedingCandidates(input: Pick<AgendaInput, 'interviews' | 'people' | 'calendar'>, horizon: string): string[] {
  const out = new Set<string>();
  for (const interview of input.interviews) {
    if (interview.status !== 'requested' || interview.repliedAt || !interview.requestedAt) continue;
    const organizationId = input.people.get(interview.contactId)?.organizationId;
    if (organizationId && businessDeadline(interview.requestedAt, REACH_NEXT_BUSINESS_DAYS, input.calendar) < horizon) out.add(organizationId);
  }
  return [...out];
}

type Draft = Omit<AgendaItem, 'overdue' | 'state' | 'snoozedUntil' | 'contactId' | 'interviewId' | 'organizationId' | 'referralId' | 'suggestedContactId' | 'suggestedFormat'> &
  Partial<Pick<AgendaItem, 'contactId' | 'interviewId' | 'organizationId' | 'referralId' | 'suggestedContactId' | 'suggestedFormat'>>;

const isSenior = (person: AgendaPerson | undefined) => person?.seniority === 'executive' || person?.seniority === 'senior';

function interviewItems(input: AgendaInput, interview: AgendaInterview, emit: (draft: Draft) => void): void {
  const person = input.people.get(interview.contactId);
  const who = person?.name ?? 'this person';
  const at = person?.organizationName ? ` at ${person.organizationName}` : '';
  const base = { contactId: interview.contactId, interviewId: interview.id, organizationId: person?.organizationId ?? null };
  const { calendar } = input;

  if (interview.status === 'scheduled' && interview.scheduledAt) {
    if (!interview.prepComplete) {
      emit({
        ...base,
        key: `prepare:${interview.id}:${interview.scheduledAt}`,
        kind: 'prepare',
        due: dayBefore(interview.scheduledAt, calendar),
        title: `Prepare for your conversation with ${who}`,
        reason: 'The meeting is coming up and the preparation checklist is not finished.',
        action: `Research ${person?.organizationName ?? 'the organisation'} and ${who}, rehearse your pitch and pick at least three open questions.`,
      });
    }
    if (interview.scheduledAt > input.now) {
      emit({
        ...base,
        key: `confirm:${interview.id}:${interview.scheduledAt}`,
        kind: 'confirm',
        due: dayBefore(interview.scheduledAt, calendar),
        title: `Confirm tomorrow's meeting with ${who}`,
        reason: 'A short note the day before shows respect for their time and avoids a wasted trip.',
        action: 'Send a one-line confirmation with the time, place or link, and your phone number.',
      });
    }
  }

  if (interview.status === 'held' && interview.heldAt && !interview.thankedAt) {
    const handwritten = isSenior(person);
    emit({
      ...base,
      key: `thank-you:${interview.id}`,
      kind: 'thank-you',
      due: plusHours(interview.heldAt, 24),
      title: `Thank ${who}`,
      reason: 'A thank-you within a day of the conversation is what people remember.',
      action: handwritten
        ? `Write a handwritten note: ${who} is senior, and a card stands out. Mention one thing you learned.`
        : 'Send a short email that mentions one specific thing you learned.',
      suggestedFormat: handwritten ? 'handwritten' : 'email',
    });
  }

  if (['held', 'thanked', 'keeping-in-touch'].includes(interview.status) && interview.heldAt && !interview.hasTakeaways) {
    emit({
      ...base,
      key: `debrief:${interview.id}`,
      kind: 'debrief',
      due: plusHours(interview.heldAt, 24),
      title: `Debrief your conversation with ${who}`,
      reason: 'Notes written within a day keep the details that fade fastest.',
      action: 'Write down what you learned, how it fits you, what is still unclear and who to talk to next.',
    });
  }

  // 3B7: three business days without a reply, approach the next person; seven, follow up once.
  if (interview.status === 'requested' && interview.requestedAt && !interview.repliedAt) {
    const organizationId = person?.organizationId ?? null;
    const next = organizationId ? (input.nextCandidates.get(organizationId) ?? []).find((p) => p.id !== interview.contactId) : undefined;
    emit({
      ...base,
      key: `reach-next:${interview.id}`,
      kind: 'reach-next',
      due: businessDeadline(interview.requestedAt, REACH_NEXT_BUSINESS_DAYS, calendar),
      title: next ? `Reach out to ${next.name}${at}` : `Find someone else to ask${at}`,
      reason: `${who} has not replied for three business days, so it is time to approach the next person${at}.`,
      action: next
        ? `Send ${next.name} a short request for 20 minutes of advice; keep waiting on ${who} too.`
        : `Add another contact${at} — a friend of a friend, an alumnus or someone in the role you want.`,
      suggestedContactId: next?.id ?? null,
    });
    emit({
      ...base,
      key: `follow-up:${interview.id}`,
      kind: 'follow-up',
      due: businessDeadline(interview.requestedAt, FOLLOW_UP_BUSINESS_DAYS, calendar),
      title: `Follow up with ${who}`,
      reason: 'Seven business days without an answer: one polite follow-up is expected, not pushy.',
      action: 'Reply to your first message with a two-line nudge that repeats the short, specific ask.',
    });
  }
}

function checkInItems(input: AgendaInput, emit: (draft: Draft) => void): void {
  // The agreed interval comes from the person's most recent conversation.
  const latest = new Map<string, AgendaInterview>();
  for (const interview of input.interviews) {
    if (!['thanked', 'keeping-in-touch'].includes(interview.status) || !interview.heldAt) continue;
    const current = latest.get(interview.contactId);
    if (!current || (current.heldAt ?? '') < interview.heldAt) latest.set(interview.contactId, interview);
  }
  for (const [contactId, interview] of latest) {
    const person = input.people.get(contactId);
    const interval = interview.followUpPermission ?? DEFAULT_CHECK_IN_DAYS;
    const last = [input.lastInteractionAt.get(contactId), interview.thankedAt, interview.heldAt]
      .filter((v): v is string => Boolean(v))
      .sort()
      .at(-1);
    if (!last) continue;
    const due = dueOn(localDay(last, input.calendar) + interval, input.calendar);
    emit({
      key: `check-in:${contactId}:${due.slice(0, 10)}`,
      kind: 'check-in',
      due,
      contactId,
      interviewId: interview.id,
      organizationId: person?.organizationId ?? null,
      title: `Check in with ${person?.name ?? 'a contact'}`,
      reason: `It has been ${interval} days since you were last in touch${interview.followUpPermission ? ', the interval you agreed' : ''}.`,
      action: 'Share something useful — an article about their company or field — and a line on how your search is going.',
    });
  }
}

function referralItems(input: AgendaInput, emit: (draft: Draft) => void): void {
  const heldByContact = new Map<string, string>();
  for (const interview of input.interviews) {
    if (interview.heldAt && (heldByContact.get(interview.contactId) ?? '9999') > interview.heldAt) heldByContact.set(interview.contactId, interview.heldAt);
  }
  for (const referral of input.referrals) {
    const from = input.people.get(referral.fromContactId);
    const to = input.people.get(referral.toContactId);
    if (referral.status === 'suggested') {
      emit({
        key: `contact-referral:${referral.id}`,
        kind: 'contact-referral',
        due: dueOn(addBusinessDays(nextBusinessDay(localDay(referral.createdAt, input.calendar), input.calendar), 1, input.calendar), input.calendar),
        contactId: referral.toContactId,
        organizationId: to?.organizationId ?? null,
        referralId: referral.id,
        title: `Contact ${to?.name ?? 'the person'} — referred by ${from?.name ?? 'a contact'}`,
        reason: 'A fresh referral is the warmest introduction you will get; it cools quickly.',
        action: `Write to ${to?.name ?? 'them'} and name ${from?.name ?? 'who referred you'} in the first line.`,
      });
    }
    if (referral.status === 'interviewed' && !referral.reportedBackAt) {
      const held = heldByContact.get(referral.toContactId) ?? referral.updatedAt;
      emit({
        key: `report-back:${referral.id}`,
        kind: 'report-back',
        due: dueOn(localDay(held, input.calendar) + 2, input.calendar),
        contactId: referral.fromContactId,
        organizationId: from?.organizationId ?? null,
        referralId: referral.id,
        title: `Tell ${from?.name ?? 'your contact'} how it went with ${to?.name ?? 'their referral'}`,
        reason: 'People who make introductions like to hear what came of them, and keep making them.',
        action: `Send ${from?.name ?? 'them'} a short thank-you with one thing you learned from ${to?.name ?? 'the conversation'}.`,
      });
    }
  }
}

/**
 * A lead's next step is due when the user dated it. The wording keeps the lead apart
 * from the conversation it came from: it is followed up through the proper channel,
 * and the person who mentioned it is named only if they said so.
 */
export function leadItems(input: Pick<AgendaInput, 'people'> & { leads?: readonly AgendaLead[] | undefined }, emit: (draft: Draft) => void): void {
  for (const lead of input.leads ?? []) {
    if (lead.status === 'closed') continue;
    const person = lead.contactId ? input.people.get(lead.contactId) : undefined;
    const who = person?.name ?? 'the person who told you';
    const naming = lead.contactId
      ? lead.mayNamePerson
        ? `${who} said you may mention them.`
        : `Leave ${who}'s name out: they have not said you may use it.`
      : 'Go through the usual way in, such as the posting or the team.';
    emit({
      key: `lead:${lead.id}`,
      kind: 'lead',
      due: lead.nextStepAt,
      contactId: lead.contactId,
      interviewId: lead.interviewId,
      organizationId: lead.organizationId ?? person?.organizationId ?? null,
      title: `Lead: ${lead.title}`,
      reason: 'You set this date for the next step on something you heard about.',
      action: `${lead.nextStep ?? 'Take the next step'}. ${naming}`,
    });
  }
}

const QUOTE_LENGTH = 240;

/**
 * Mail that asks for the user: a reply to schedule (the latest reply of each conversation
 * still at "requested"), an address that bounced, and a request written outside Inroads
 * that the user may want to record. Nothing here moves on its own.
 */
export function mailItems(input: Pick<AgendaInput, 'people' | 'interviews'> & { mail?: AgendaMail | undefined }, emit: (draft: Draft) => void): void {
  if (!input.mail) return;
  const status = new Map(input.interviews.map((i) => [i.id, i.status]));
  const latestReply = new Map<string, AgendaMail['replies'][number]>();
  for (const reply of input.mail.replies) {
    const current = latestReply.get(reply.interviewId);
    if (!current || current.date < reply.date) latestReply.set(reply.interviewId, reply);
  }
  for (const reply of latestReply.values()) {
    if ((status.get(reply.interviewId) ?? 'requested') !== 'requested') continue;
    const person = input.people.get(reply.contactId);
    const who = person?.name ?? 'Your contact';
    const quote = reply.snippet.length > QUOTE_LENGTH ? `${reply.snippet.slice(0, QUOTE_LENGTH - 1)}…` : reply.snippet;
    emit({
      key: `schedule:${reply.interviewId}`,
      kind: 'schedule',
      due: reply.date,
      contactId: reply.contactId,
      interviewId: reply.interviewId,
      organizationId: person?.organizationId ?? null,
      title: `${who} replied: schedule it`,
      reason: `${who} answered your request.`,
      action: 'Reply while it is fresh: offer two or three times, and set the date here once you agree.',
      quote,
    });
  }
  for (const bounce of input.mail.bounces) {
    const person = input.people.get(bounce.contactId);
    const who = person?.name ?? 'this person';
    emit({
      key: `fix-address:${bounce.contactId}`,
      kind: 'fix-address',
      due: bounce.bouncedAt,
      contactId: bounce.contactId,
      organizationId: person?.organizationId ?? null,
      title: `Fix ${who}'s email address`,
      reason: `Mail to ${bounce.email} came back undelivered.`,
      action: `Check the address (a typo, or they moved on) and change it on ${who}'s page; then send your message again.`,
      email: bounce.email,
    });
  }
  for (const sent of input.mail.sent) {
    if ((status.get(sent.interviewId) ?? 'idea') !== 'idea') continue;
    const person = input.people.get(sent.contactId);
    const who = person?.name ?? 'this person';
    emit({
      key: `mark-requested:${sent.id}`,
      kind: 'mark-requested',
      due: sent.date,
      contactId: sent.contactId,
      interviewId: sent.interviewId,
      organizationId: person?.organizationId ?? null,
      title: `Did you ask ${who} for a conversation?`,
      reason: `You wrote to ${who} from your own mail ("${sent.subject}") and the conversation is still an idea.`,
      action: 'If it was your request, mark it as requested so the follow-up reminders start from that day.',
      mailMessageId: sent.id,
    });
  }
}

/**
 * The agenda: every duty the follow-up rules derive from the data, at `now`.
 * Pure: data and a clock in, items out. Items the user marked done or dismissed,
 * or snoozed into the future, are returned with their state so callers can filter.
 */
export function computeAgenda(input: AgendaInput): AgendaItem[] {
  const items = new Map<string, AgendaItem>();
  const emit = (draft: Draft) => {
    const state = input.states.get(draft.key);
    const snoozedUntil = state?.state === 'snoozed' ? state.snoozedUntil : null;
    const wokeUp = state?.state === 'snoozed' && snoozedUntil !== null && snoozedUntil <= input.now;
    const effectiveDue = wokeUp && snoozedUntil ? snoozedUntil : draft.due;
    items.set(draft.key, {
      contactId: null,
      interviewId: null,
      organizationId: null,
      referralId: null,
      suggestedContactId: null,
      suggestedFormat: null,
      ...draft,
      due: effectiveDue,
      overdue: effectiveDue < input.now,
      state: wokeUp ? 'open' : (state?.state ?? 'open'),
      snoozedUntil: wokeUp ? null : snoozedUntil,
    });
  };
  for (const interview of input.interviews) interviewItems(input, interview, emit);
  checkInItems(input, emit);
  referralItems(input, emit);
  leadItems(input, emit);
  mailItems(input, emit);
  return [...items.values()].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.key < b.key ? -1 : 1));
}
