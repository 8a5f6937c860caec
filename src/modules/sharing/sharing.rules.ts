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
 * this month, what is overdue, and whether they look stuck (and why). Pure.
 */
export function progressSummary({ interviews, agenda, now, timeZone }: { interviews: readonly ProgressInterview[]; agenda: readonly AgendaItem[]; now: string; timeZone: string }): ProgressSummary {
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
  let stuckReason: string | null = null;
  if (overdue.length >= STUCK_OVERDUE) stuckReason = `${overdue.length} duties are overdue`;
  else if (interviews.length === 0) stuckReason = 'has not asked anyone for a conversation yet';
  else if (upcoming === 0 && (!lastActivityAt || Date.parse(now) - Date.parse(lastActivityAt) > STUCK_AFTER_DAYS * DAY)) {
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
