import { addBusinessDays, countingStart, dayToIso, dueOn, isBusinessDay, localDay, weekday, type Day, type WorkCalendar } from '../../shared/business-days.js';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import type { Suggestion } from '../../shared/schemas/coach.js';
import type { Week, WeekHistoryEntry, WeeklyTargets } from '../../shared/schemas/week.js';

/** Targets until the user sets their own: a steady, modest week. */
export const SUGGESTED_TARGETS = { requests: 5, conversations: 2, people: 5 } as const;
/** A request is stalled once it has waited this many business days without a reply. */
export const STALLED_AFTER_BUSINESS_DAYS = 3;
/** A thank-you is on time when it goes out within this many hours of the conversation. */
export const THANK_YOU_HOURS = 24;

/** Whether a conversation's thank-you went out on time: within THANK_YOU_HOURS of it. */
export const thankedOnTime = (i: { heldAt: string | null; thankedAt: string | null }): boolean =>
  i.heldAt !== null && i.thankedAt !== null && Date.parse(i.thankedAt) - Date.parse(i.heldAt) <= THANK_YOU_HOURS * 3_600_000;
/** How many weeks of history the review and the insights chart show. */
export const HISTORY_WEEKS = 12;
/** How many of next week's first actions the review proposes. */
export const NEXT_ACTIONS = 5;

export interface WeekInterview {
  id: string;
  contactId: string;
  name: string;
  status: string;
  requestedAt: string | null;
  repliedAt: string | null;
  heldAt: string | null;
  thankedAt: string | null;
}

export interface WeekInput {
  now: string;
  calendar: WorkCalendar;
  targets: WeeklyTargets;
  interviews: readonly WeekInterview[];
  /** When each person was added. */
  peopleAddedAt: readonly string[];
  /** The open agenda at `now`, due up to the end of next week. */
  agenda: readonly AgendaItem[];
  /** Whom to approach next, best first (the coach's ranking). */
  ranking: readonly Suggestion[];
}

/**
 * The weekday the user's week starts on: the first working day after a day off
 * (Monday for Monday to Friday, Sunday for Sunday to Thursday); Monday when every
 * day, or none, is a working day.
 */
export function firstWeekday(calendar: Pick<WorkCalendar, 'workingDays'>): number {
  const works = (d: number) => calendar.workingDays.includes(d);
  for (let d = 1; d <= 7; d++) if (works(d) && !works(d === 1 ? 7 : d - 1)) return d;
  return 1;
}

/** The first day (local) of the user's week that a day falls in. */
export const weekStart = (day: Day, calendar: Pick<WorkCalendar, 'workingDays'>): Day => day - ((weekday(day) - firstWeekday(calendar) + 7) % 7);

/** The last working day of the week starting on `start`; Sunday when the week has none. */
export function lastWorkingDay(start: Day, calendar: WorkCalendar): Day {
  for (let day = start + 6; day >= start; day--) if (isBusinessDay(day, calendar)) return day;
  return start + 6;
}

/** Business days from the day a request starts counting up to `today` (0 on that day). */
export function businessDaysWaited(sentAt: string, today: Day, calendar: WorkCalendar): number {
  let day = countingStart(sentAt, calendar);
  let count = 0;
  while (count < 400) {
    const next = addBusinessDays(day, 1, calendar);
    if (next > today) break;
    day = next;
    count++;
  }
  return count;
}

interface Counts {
  requests: number;
  replies: number;
  conversations: number;
  people: number;
}

export function onTarget(counts: Pick<Counts, 'requests' | 'conversations' | 'people'>, targets: Pick<WeeklyTargets, 'requests' | 'conversations' | 'people'>): boolean {
  return counts.requests >= targets.requests && counts.conversations >= targets.conversations && counts.people >= targets.people;
}

const measure = (done: number, target: number) => ({ done, target, met: done >= target });

/** Counts per week (keyed by the week's Monday), for the weeks from `first` to `last`. */
function countByWeek(input: Pick<WeekInput, 'calendar' | 'interviews' | 'peopleAddedAt'>, first: Day, last: Day): Map<Day, Counts> {
  const weeks = new Map<Day, Counts>();
  for (let start = first; start <= last; start += 7) weeks.set(start, { requests: 0, replies: 0, conversations: 0, people: 0 });
  const add = (instant: string | null, field: keyof Counts) => {
    if (!instant) return;
    const counts = weeks.get(weekStart(localDay(instant, input.calendar), input.calendar));
    if (counts) counts[field]++;
  };
  for (const i of input.interviews) {
    add(i.requestedAt, 'requests');
    add(i.repliedAt, 'replies');
    add(i.heldAt, 'conversations');
  }
  for (const at of input.peopleAddedAt) add(at, 'people');
  return weeks;
}

/**
 * Streak of weeks on target, newest first: this week counts when it is already on
 * target; a week still under way and not yet on target does not break the run.
 */
export function streak(history: readonly Pick<WeekHistoryEntry, 'onTarget'>[]): number {
  const newestFirst = [...history].reverse();
  const [current, ...earlier] = newestFirst;
  let count = current?.onTarget ? 1 : 0;
  for (const week of earlier) {
    if (!week.onTarget) break;
    count++;
  }
  return count;
}

/**
 * The week at `now` in the user's time zone: progress against the targets, the
 * streak, what stalled and next week's first actions. Pure.
 */
export function reviewWeek(input: WeekInput): Omit<Week, 'at' | 'timeZone'> {
  const { calendar, targets } = input;
  const today = localDay(input.now, calendar);
  const start = weekStart(today, calendar);
  const end = start + 6;
  const lastWorking = lastWorkingDay(start, calendar);
  // A long streak reaches further back than the chart: count up to a year.
  const firstWeek = start - 7 * 52;
  const counts = countByWeek(input, firstWeek, start);
  const entries: WeekHistoryEntry[] = [...counts.entries()].map(([week, c]) => ({ week: dayToIso(week), ...c, onTarget: onTarget(c, targets) }));
  const current = counts.get(start) ?? { requests: 0, replies: 0, conversations: 0, people: 0 };

  const nowMs = Date.parse(input.now);
  const heldThisWeek = input.interviews.filter((i) => i.heldAt && weekStart(localDay(i.heldAt, calendar), calendar) === start);
  // Only conversations whose day for a thank-you has passed, or that were already thanked, count.
  const thankDue = heldThisWeek.filter((i) => i.thankedAt || Date.parse(i.heldAt ?? '') + THANK_YOU_HOURS * 3_600_000 <= nowMs);
  const thankedInTime = thankDue.filter(thankedOnTime);

  const stalledRequests = input.interviews
    .filter((i) => i.status === 'requested' && i.requestedAt && !i.repliedAt && Date.parse(i.requestedAt) <= nowMs)
    .map((i) => ({ interviewId: i.id, contactId: i.contactId, name: i.name, requestedAt: i.requestedAt ?? '', businessDays: businessDaysWaited(i.requestedAt ?? '', today, calendar) }))
    .filter((r) => r.businessDays >= STALLED_AFTER_BUSINESS_DAYS)
    .sort((a, b) => b.businessDays - a.businessDays || a.name.localeCompare(b.name));

  const open = input.agenda.filter((item) => item.state === 'open');
  const overdue = open.filter((item) => Date.parse(item.due) < nowMs);
  const keepInTouch = overdue.filter((item) => item.kind === 'check-in');

  // Next week's first actions: what is overdue or due by the end of next week, soonest first, then whom to ask next.
  const nextWeekEnds = Date.parse(dueOn(end + 8, calendar, 0));
  // Due times are ISO instants in UTC, so they sort as text (and thousands of check-ins may be overdue).
  const fromAgenda = open
    .filter((item) => Date.parse(item.due) < nextWeekEnds)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .slice(0, NEXT_ACTIONS)
    .map((item) => ({ kind: item.kind, title: item.title, reason: item.reason, contactId: item.contactId, due: item.due }));
  const covered = new Set([...open.map((item) => item.contactId), ...open.map((item) => item.suggestedContactId)].filter((id) => id !== null));
  const fromRanking = input.ranking
    .filter((s) => !covered.has(s.contactId))
    .map((s) => ({ kind: 'reach-out' as const, title: `Ask ${s.name} for a conversation`, reason: s.reasons[0] ?? 'Next in your ranking.', contactId: s.contactId, due: null }));
  // Keep room for at least two people to ask when the agenda is full.
  const agendaShare = Math.max(NEXT_ACTIONS - Math.min(2, fromRanking.length), 0);
  const nextActions = [...fromAgenda.slice(0, agendaShare), ...fromRanking].slice(0, NEXT_ACTIONS);

  const onTargetNow = onTarget(current, targets);
  return {
    week: { start: dayToIso(start), end: dayToIso(end), lastWorkingDay: dayToIso(lastWorking), reviewDue: today >= lastWorking },
    targets,
    progress: {
      requests: measure(current.requests, targets.requests),
      conversations: measure(current.conversations, targets.conversations),
      people: measure(current.people, targets.people),
      replies: current.replies,
      thankYous: { onTime: thankedInTime.length, due: thankDue.length, rate: thankDue.length ? thankedInTime.length / thankDue.length : null },
    },
    onTarget: onTargetNow,
    streak: streak(entries),
    history: entries.slice(-HISTORY_WEEKS),
    stalled: {
      requests: stalledRequests,
      overdue: overdue.filter((item) => item.kind !== 'check-in').map((item) => ({ key: item.key, kind: item.kind, title: item.title, due: item.due, contactId: item.contactId })),
      keepInTouch: keepInTouch.map((item) => ({ key: item.key, title: item.title, due: item.due, contactId: item.contactId })),
    },
    nextActions,
  };
}
