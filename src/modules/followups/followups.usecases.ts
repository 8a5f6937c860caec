import { AppError, validationError } from '../../shared/errors.js';
import { agendaKinds, type Agenda } from '../../shared/schemas/agenda.js';
import { dueOn, localDay } from '../../shared/business-days.js';
import type { AppContext } from '../repositories.js';
import { now, workCalendar } from '../references.js';
import { rankSuggestions } from '../coach/ranking.rules.js';
import { computeAgenda, organizationsNeedingCandidates, pastNeedingAttention, type AgendaInterview, type AgendaPerson, type AgendaReferral } from './followups.rules.js';

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
  const calendar = await workCalendar(ctx);
  const { followups } = ctx.repos;

  const [pending, past, allReferrals, leads, states, mail] = await Promise.all([
    followups.pendingInterviews(),
    followups.pastInterviews(until),
    followups.openReferrals(),
    followups.openLeads(),
    followups.states(),
    ctx.repos.mail.agendaFacts(),
  ]);
  let interviews = [...pending, ...pastNeedingAttention(past, until)];
  let referrals = allReferrals;
  // The person asked about is loaded even with nothing of their own: their organisation may suggest them next.
  const involved = new Set<string>(contactId === undefined ? [] : [contactId]);
  for (const i of interviews) involved.add(i.contactId);
  for (const r of referrals) {
    involved.add(r.fromContactId);
    involved.add(r.toContactId);
  }
  for (const l of leads) if (l.contactId) involved.add(l.contactId);
  for (const m of [...mail.replies, ...mail.bounces, ...mail.sent]) involved.add(m.contactId);
  const people = await followups.people([...involved]);
  if (contactId !== undefined) ({ interviews, referrals } = onePersonsShare({ interviews, referrals, people }, contactId));
  const organizations = organizationsNeedingCandidates({ interviews, people, calendar }, until);
  // The best few per organisation come from SQL; the coaching ranking orders them.
  const unasked = await followups.unaskedAt(organizations);
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
  const keepingInTouch = [...new Set(interviews.filter((i) => i.status === 'thanked' || i.status === 'keeping-in-touch').map((i) => i.contactId))];
  const lastInteractionAt = await followups.lastInteractions(keepingInTouch);

  const items = computeAgenda({ now: instant, calendar, people, interviews, referrals, leads, mail, lastInteractionAt, nextCandidates: candidates, states }).filter(
    (item) =>
      item.due < until &&
      (since === undefined || item.due >= since) &&
      (include === 'all' || item.state === 'open') &&
      (contactId === undefined || item.contactId === contactId || item.suggestedContactId === contactId),
  );
  const todayEndsAt = dueOn(localDay(instant, calendar) + 1, calendar, 0);
  const overdue = items.filter((i) => i.due < instant);
  const today = items.filter((i) => i.due >= instant && i.due < todayEndsAt);
  const later = items.filter((i) => i.due >= todayEndsAt);
  const totals = { overdue: overdue.length, today: today.length, later: later.length };
  const shown = limit === undefined ? items : [...overdue.slice(0, limit), ...today.slice(0, limit), ...later.slice(0, limit)];
  return { at: instant, timeZone: calendar.timeZone, todayEndsAt, totals, items: shown };
}

/**
 * What one person's items can depend on: their own interviews and referrals, the
 * interviews of the people at either end of those referrals (a report-back is due after
 * the referred person's conversation), and the interviews of everyone at their
 * organisation (an unanswered request there may suggest them next).
 */
function onePersonsShare(
  { interviews, referrals, people }: { interviews: AgendaInterview[]; referrals: AgendaReferral[]; people: ReadonlyMap<string, AgendaPerson> },
  contactId: string,
): { interviews: AgendaInterview[]; referrals: AgendaReferral[] } {
  const theirs = referrals.filter((r) => r.fromContactId === contactId || r.toContactId === contactId);
  const scope = new Set([contactId, ...theirs.flatMap((r) => [r.fromContactId, r.toContactId])]);
  const organizationId = people.get(contactId)?.organizationId ?? null;
  return {
    interviews: interviews.filter((i) => scope.has(i.contactId) || (organizationId !== null && people.get(i.contactId)?.organizationId === organizationId)),
    referrals: theirs,
  };
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
