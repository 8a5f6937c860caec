import { dueOn, localDay } from '../../shared/business-days.js';
import type { Week, WeeklyTargets, WeeklyTargetsInput } from '../../shared/schemas/week.js';
import { suggestions } from '../coach/suggestions.usecases.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { keptUntilChange } from '../kept.js';
import { now, workCalendar } from '../references.js';
import type { AppContext } from '../repositories.js';
import { reviewWeek, weekStart } from './week.rules.js';

/** How far the review looks back: a year of weeks, for the streak. */
const WEEKS_BACK = 52;

export async function getWeeklyTargets({ ctx }: { ctx: AppContext }): Promise<{ targets: WeeklyTargets }> {
  return { targets: await ctx.repos.week.targets() };
}

/** Sets some or all of the weekly targets; the others keep their value. */
export async function setWeeklyTargets({ ctx, input }: { ctx: AppContext; input: WeeklyTargetsInput }): Promise<{ targets: WeeklyTargets }> {
  return ctx.transaction(async (tx) => {
    const current = await tx.repos.week.targets();
    const targets = { ...current, ...input, updatedAt: now(tx) };
    await tx.repos.week.saveTargets(targets);
    return { targets };
  });
}

/** The week at `at` (default now): progress, streak, what stalled and next week's first actions. */
export async function getWeek({ ctx, at }: { ctx: AppContext; at?: string | undefined }): Promise<Week> {
  const instant = at ? new Date(at).toISOString() : now(ctx);
  const calendar = await workCalendar(ctx);
  const start = weekStart(localDay(instant, calendar), calendar);
  const since = dueOn(start - 7 * WEEKS_BACK, calendar, 0);
  // The agenda up to the end of next week (its overdue items included).
  const until = dueOn(start + 14, calendar, 0);
  const [[targets, interviews, peopleAddedAt], agenda, ranking] = await Promise.all([
    keptUntilChange(ctx, 'week', since, () => Promise.all([ctx.repos.week.targets(), ctx.repos.week.interviews(since), ctx.repos.week.peopleAddedSince(since)])),
    getAgenda({ ctx, at: instant, to: until }),
    suggestions({ ctx, limit: 5 }),
  ]);
  const review = reviewWeek({ now: instant, calendar, targets, interviews, peopleAddedAt, agenda: agenda.items, ranking: ranking.items });
  return { at: instant, timeZone: calendar.timeZone, ...review };
}
