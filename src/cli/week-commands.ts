import type { Command } from 'commander';
import { getWeek, setWeeklyTargets } from '../modules/week/week.usecases.js';
import { weeklyTargetsInput, weekQuery, type Week } from '../shared/schemas/week.js';
import { parseInput, withContext } from './context.js';
import { print, printJson } from './output.js';

const tick = (met: boolean) => (met ? 'on target' : 'to go');

/** The weekly review as plain text. */
export function formatWeek(week: Week): string {
  const { progress: p } = week;
  const lines = [
    `Week of ${week.week.start} to ${week.week.end}${week.week.reviewDue ? ' — time for the weekly review' : ''}`,
    `  Requests sent        ${p.requests.done} of ${p.requests.target}  (${tick(p.requests.met)})`,
    `  Conversations held   ${p.conversations.done} of ${p.conversations.target}  (${tick(p.conversations.met)})`,
    `  New people added     ${p.people.done} of ${p.people.target}  (${tick(p.people.met)})`,
    `  Replies received     ${p.replies}`,
    `  Thank-yous on time   ${p.thankYous.rate === null ? 'none due yet' : `${p.thankYous.onTime} of ${p.thankYous.due}`}`,
    `Streak: ${week.streak} ${week.streak === 1 ? 'week' : 'weeks'} on target${week.onTarget ? '; this week is on target' : ''}.`,
  ];
  const { stalled } = week;
  if (stalled.requests.length + stalled.overdue.length + stalled.keepInTouch.length === 0) lines.push('', 'Nothing stalled.');
  else {
    lines.push('', 'Stalled');
    for (const r of stalled.requests) lines.push(`  No reply from ${r.name} after ${r.businessDays} business days`);
    for (const item of stalled.overdue) lines.push(`  Overdue: ${item.title}`);
    for (const item of stalled.keepInTouch) lines.push(`  Not heard from you: ${item.title}`);
  }
  if (week.nextActions.length > 0) {
    lines.push('', "Next week's first actions");
    week.nextActions.forEach((action, n) => lines.push(`  ${n + 1}. ${action.title}`));
  }
  return lines.join('\n');
}

export function registerWeekCommands(program: Command): void {
  program
    .command('week')
    .description("this week against your targets: progress, streak, what stalled and next week's first actions")
    .option('--at <iso>', 'review the week as if it were this moment')
    .option('--json', 'print the week as the API returns it')
    .option('--requests <n>', 'set the weekly target for requests sent')
    .option('--conversations <n>', 'set the weekly target for conversations held')
    .option('--people <n>', 'set the weekly target for new people added')
    .action(async (flags: { at?: string; json?: boolean; requests?: string; conversations?: string; people?: string }) => {
      const query = parseInput(weekQuery, flags.at ? { at: flags.at } : {});
      const changes: Record<string, number> = {};
      for (const field of ['requests', 'conversations', 'people'] as const) {
        if (flags[field] !== undefined) changes[field] = Number(flags[field]);
      }
      const input = parseInput(weeklyTargetsInput, changes);
      const week = await withContext(program, async (ctx) => {
        if (Object.keys(input).length > 0) await setWeeklyTargets({ ctx, input });
        return getWeek({ ctx, at: query.at });
      });
      if (flags.json) return printJson(week);
      print(formatWeek(week));
    });
}
