import { AppError, validationError } from '../../shared/errors.js';
import { agendaKinds, type AgendaItem } from '../../shared/schemas/agenda.js';
import type { AppContext } from '../repositories.js';
import { now, workCalendar } from '../references.js';
import { rankSuggestions } from '../coach/ranking.rules.js';
import { computeAgenda, organizationsNeedingCandidates, pastNeedingAttention, type AgendaPerson } from './followups.rules.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * The agenda at `at` (default now): loads what the rules need, computes, filters.
 * `to` defaults to a week ahead; overdue items are included unless `from` says otherwise.
 */
export async function getAgenda({
  ctx,
  at,
  from,
  to,
  include = 'open',
}: {
  ctx: AppContext;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  include?: 'open' | 'all';
}): Promise<{ at: string; timeZone: string; items: AgendaItem[] }> {
  const instant = at ? new Date(at).toISOString() : now(ctx);
  const until = to ? new Date(to).toISOString() : new Date(new Date(instant).getTime() + WEEK_MS).toISOString();
  const since = from ? new Date(from).toISOString() : undefined;
  const calendar = await workCalendar(ctx);
  const { followups } = ctx.repos;

  const [pending, past, referrals, states] = await Promise.all([
    followups.pendingInterviews(),
    followups.pastInterviews(until),
    followups.openReferrals(),
    followups.states(),
  ]);
  const interviews = [...pending, ...pastNeedingAttention(past, until)];
  const involved = new Set<string>();
  for (const i of interviews) involved.add(i.contactId);
  for (const r of referrals) {
    involved.add(r.fromContactId);
    involved.add(r.toContactId);
  }
  const people = await followups.people([...involved]);
  const organizations = organizationsNeedingCandidates({ interviews, people, calendar }, until);
  // The best few per organisation come from SQL; the coaching ranking orders them.
  const unasked = await followups.unaskedAt(organizations);
  const byId = new Map(unasked.map((p) => [p.id, p]));
  const ranked = rankSuggestions(
    unasked.map((p) => ({ ...p, responsiveness: p.responsiveness ?? 'unknown', motivation: null, posting: null, advocacy: false, lastInteractionAt: null })),
    instant,
  );
  const candidates = new Map<string, AgendaPerson[]>();
  for (const { contactId } of ranked) {
    const person = byId.get(contactId);
    if (!person?.organizationId) continue;
    candidates.set(person.organizationId, [...(candidates.get(person.organizationId) ?? []), person]);
  }
  const keepingInTouch = [...new Set(interviews.filter((i) => i.status === 'thanked' || i.status === 'keeping-in-touch').map((i) => i.contactId))];
  const lastInteractionAt = await followups.lastInteractions(keepingInTouch);

  const items = computeAgenda({ now: instant, calendar, people, interviews, referrals, lastInteractionAt, nextCandidates: candidates, states }).filter(
    (item) => item.due < until && (since === undefined || item.due >= since) && (include === 'all' || item.state === 'open'),
  );
  return { at: instant, timeZone: calendar.timeZone, items };
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
