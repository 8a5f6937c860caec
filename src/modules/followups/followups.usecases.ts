import { AppError, validationError } from '../../shared/errors.js';
import { agendaKinds, type Agenda, type AgendaItem } from '../../shared/schemas/agenda.js';
import { dueOn, localDay } from '../../shared/business-days.js';
import { keptUntilChange } from '../kept.js';
import type { AppContext } from '../repositories.js';
import { now, workCalendar } from '../references.js';
import { rankSuggestions } from '../coach/ranking.rules.js';
import type { WorkCalendar } from '../../shared/business-days.js';
import { computeAgenda, organizationsNeedingCandidates, pastNeedingAttention, type AgendaInterview, type AgendaLead, type AgendaMail, type AgendaPerson, type AgendaReferral, type ItemState } from './followups.rules.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * The agenda at `at` (default now): loads what the rules need, computes, filters.
 * `to` defaults to a week ahead; overdue items are included unless `from` says otherwise.
 * With `contactId`, only that person's items: those about them, and those suggesting them next.
 */
export async function getAgenda({
  ctx,
  at,
  from,
  to,
  include = 'open',
  contactId,
  limit,
}: {
  ctx: AppContext;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  include?: 'open' | 'all';
  contactId?: string | undefined;
  limit?: number | undefined;
}): Promise<Agenda> {
  const instant = at ? new Date(at).toISOString() : now(ctx);
  const until = to ? new Date(to).toISOString() : new Date(new Date(instant).getTime() + WEEK_MS).toISOString();
  const since = from ? new Date(from).toISOString() : undefined;
  const data = await agendaData(ctx, instant, until);
  const { calendar } = data;
  const all = contactId === undefined ? everyItemAt(data, instant) : await onePersonsItems(ctx, data, instant, contactId);
  const items: AgendaItem[] = [];
  for (const item of all) {
    if (item.due >= until || (since !== undefined && item.due < since) || (include !== 'all' && item.state !== 'open')) continue;
    if (contactId !== undefined && item.contactId !== contactId && item.suggestedContactId !== contactId) continue;
    // Kept items were worked out at an earlier moment of the same stretch: only "overdue" can differ.
    items.push(item.overdue === item.due < instant ? item : { ...item, overdue: item.due < instant });
  }
  const todayEndsAt = dueOn(localDay(instant, calendar) + 1, calendar, 0);
  const overdue = items.filter((i) => i.due < instant);
  const today = items.filter((i) => i.due >= instant && i.due < todayEndsAt);
  const later = items.filter((i) => i.due >= todayEndsAt);
  const totals = { overdue: overdue.length, today: today.length, later: later.length };
  const shown = limit === undefined ? items : [...overdue.slice(0, limit), ...today.slice(0, limit), ...later.slice(0, limit)];
  return { at: instant, timeZone: calendar.timeZone, todayEndsAt, totals, items: shown };
}

/** The best few never-asked people per organisation, in the coaching ranking's order. */
function nextCandidates(unasked: readonly AgendaPerson[], instant: string): Map<string, AgendaPerson[]> {
  const byId = new Map(unasked.map((p) => [p.id, p]));
  const ranked = rankSuggestions(
    unasked.map((p) => ({ ...p, responsiveness: p.responsiveness ?? 'unknown', motivation: null, posting: null, advocacy: false, lastInteractionAt: null })),
    instant,
  );
  const candidates = new Map<string, AgendaPerson[]>();
  for (const suggestion of ranked) {
    const person = byId.get(suggestion.contactId);
    if (!person?.organizationId) continue;
    candidates.set(person.organizationId, [...(candidates.get(person.organizationId) ?? []), person]);
  }
  return candidates;
}

function agendaInput(data: AgendaData, instant: string, interviews: AgendaInterview[], referrals: AgendaReferral[], people: ReadonlyMap<string, AgendaPerson>) {
  const { calendar, leads, mail, lastInteractionAt, states } = data;
  return { now: instant, calendar, people, interviews, referrals, leads, mail, lastInteractionAt, nextCandidates: nextCandidates(data.unasked, instant), states };
}

/**
 * Every item up to the data's horizon, at `instant`. The rules read the clock in two places
 * only: a meeting still to come (confirm it) and a snooze that has run out. So the items
 * worked out at one moment hold, "overdue" aside, until the next meeting start or snooze
 * end after it, and are kept for that stretch with the loaded data.
 */
function everyItemAt(data: AgendaData, instant: string): AgendaItem[] {
  const kept = data.items;
  if (kept && kept.from <= instant && instant < kept.until) return kept.items;
  const items = computeAgenda(agendaInput(data, instant, data.interviews, data.referrals, data.people));
  let until = '9999-12-31T23:59:59.999Z';
  for (const i of data.pending) if (i.status === 'scheduled' && i.scheduledAt && i.scheduledAt > instant && i.scheduledAt < until) until = i.scheduledAt;
  for (const state of data.states.values()) if (state.state === 'snoozed' && state.snoozedUntil && state.snoozedUntil > instant && state.snoozedUntil < until) until = state.snoozedUntil;
  data.items = { from: instant, until, items };
  return items;
}

/**
 * What one person's items can depend on: their own interviews and referrals, the
 * interviews of the people at either end of those referrals (a report-back is due after
 * the referred person's conversation), and the interviews of everyone at their
 * organisation (an unanswered request there may suggest them next).
 */
async function onePersonsItems(ctx: AppContext, data: AgendaData, instant: string, contactId: string): Promise<AgendaItem[]> {
  let { people } = data;
  // The person asked about is loaded even with nothing of their own: their organisation may suggest them next.
  if (!people.has(contactId)) people = new Map([...people, ...(await ctx.repos.followups.people([contactId]))]);
  const theirs = data.referrals.filter((r) => r.fromContactId === contactId || r.toContactId === contactId);
  const scope = new Set([contactId, ...theirs.flatMap((r) => [r.fromContactId, r.toContactId])]);
  const organizationId = people.get(contactId)?.organizationId ?? null;
  const interviews = data.interviews.filter(
    (i) => scope.has(i.contactId) || (organizationId !== null && people.get(i.contactId)?.organizationId === organizationId),
  );
  return computeAgenda(agendaInput(data, instant, interviews, theirs, people));
}

/** Everything the agenda reads from the workspace for the items due before a horizon. */
interface AgendaData {
  calendar: WorkCalendar;
  pending: AgendaInterview[];
  /** Pending conversations and the past ones that may need attention before the horizon (a superset: the rules decide exactly). */
  interviews: AgendaInterview[];
  referrals: AgendaReferral[];
  leads: AgendaLead[];
  states: Map<string, ItemState>;
  mail: AgendaMail;
  /** Everyone any of these can name. */
  people: ReadonlyMap<string, AgendaPerson>;
  /** The best few never-asked people at each organisation whose reach-next falls before the horizon. */
  unasked: AgendaPerson[];
  lastInteractionAt: Map<string, string>;
  /** The items worked out from this data, and the stretch of time they hold for (see everyItemAt). */
  items?: { from: string; until: string; items: AgendaItem[] };
}

const DAY_MS = 86_400_000;

/**
 * What the agenda needs from the workspace, loaded for every item due before the horizon:
 * at least two weeks ahead, rounded up to a whole day, so Today, the weekly review and a
 * reminder round share one load, kept until the next commit (see keptUntilChange). Loading
 * for a later horizon gives a superset, and every item is still filtered by its own horizon.
 */
function agendaData(ctx: AppContext, instant: string, until: string): Promise<AgendaData> {
  const horizon = new Date(Math.ceil(Math.max(Date.parse(until), Date.parse(instant) + 2 * WEEK_MS) / DAY_MS) * DAY_MS).toISOString();
  return keptUntilChange(ctx, 'agenda', `${horizon}|${ctx.clock.now().getUTCFullYear()}`, () => loadAgendaData(ctx, horizon));
}

async function loadAgendaData(ctx: AppContext, horizon: string): Promise<AgendaData> {
  const calendar = await workCalendar(ctx);
  const { followups } = ctx.repos;
  const [pending, past, referrals, leads, states, mail] = await Promise.all([
    followups.pendingInterviews(),
    followups.pastInterviews(horizon),
    followups.openReferrals(),
    followups.openLeads(),
    followups.states(),
    ctx.repos.mail.agendaFacts(),
  ]);
  const interviews = [...pending, ...pastNeedingAttention(past, horizon)];
  const involved = new Set<string>();
  for (const i of interviews) involved.add(i.contactId);
  for (const r of referrals) {
    involved.add(r.fromContactId);
    involved.add(r.toContactId);
  }
  for (const l of leads) if (l.contactId) involved.add(l.contactId);
  for (const m of [...mail.replies, ...mail.bounces, ...mail.sent]) involved.add(m.contactId);
  const people = await followups.people([...involved]);
  const keepingInTouch = [...new Set(interviews.filter((i) => i.status === 'thanked' || i.status === 'keeping-in-touch').map((i) => i.contactId))];
  const [unasked, lastInteractionAt] = await Promise.all([
    followups.unaskedAt(organizationsNeedingCandidates({ interviews, people, calendar }, horizon)),
    followups.lastInteractions(keepingInTouch),
  ]);
  return { calendar, pending, interviews, referrals, leads, states, mail, people, unasked, lastInteractionAt };
}

const KEY_PATTERN = new RegExp(`^(${agendaKinds.join('|')}):[0-9a-f-]{36}(:[0-9TZ:.\\-]+)?$`);

/** Marks an agenda item done, snoozed until a time, dismissed, or open again. The choice survives recomputation. */
export async function setAgendaItemState({
  ctx,
  key,
  state,
  until,
}: {
  ctx: AppContext;
  key: string;
  state: 'open' | 'done' | 'snoozed' | 'dismissed';
  until?: string | undefined;
}): Promise<{ key: string; state: string; snoozedUntil: string | null }> {
  if (!KEY_PATTERN.test(key)) throw new AppError('agenda.unknown_item', 404, `No agenda item has the key "${key}".`, { key });
  if (state === 'snoozed' && !until) throw validationError([{ field: 'until', message: 'is required when snoozing' }]);
  const snoozedUntil = state === 'snoozed' && until ? new Date(until).toISOString() : null;
  if (snoozedUntil && snoozedUntil <= now(ctx)) throw validationError([{ field: 'until', message: 'must be in the future' }]);
  await ctx.repos.followups.setState(key, state, snoozedUntil, now(ctx));
  return { key, state, snoozedUntil };
}
