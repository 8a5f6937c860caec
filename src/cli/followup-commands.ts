import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { calendarFeed } from '../modules/calendar/calendar.usecases.js';
import { dueOn, localDay } from '../shared/business-days.js';
import { getAgenda } from '../modules/followups/followups.usecases.js';
import { agendaQuery, type AgendaItem } from '../shared/schemas/agenda.js';
import { parseInput, withContext } from './context.js';
import { print, printJson } from './output.js';

/** Splits items into overdue, due today and due in the next seven days, in the user's time zone. */
export function groupAgenda(items: readonly AgendaItem[], at: string, timeZone: string) {
  const calendar = { timeZone, workingDays: [], holidays: [] };
  const tomorrow = dueOn(localDay(at, calendar) + 1, calendar, 0);
  return {
    overdue: items.filter((i) => i.due < at),
    today: items.filter((i) => i.due >= at && i.due < tomorrow),
    week: items.filter((i) => i.due >= tomorrow),
  };
}

const when = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace(',', '');

export function registerFollowupCommands(program: Command): void {
  program
    .command('today')
    .description('what to do: overdue, today and the next seven days (thank, chase, prepare, check in)')
    .option('--at <iso>', 'compute the agenda as if it were this moment (plan ahead, or test)')
    .option('--json', 'print the agenda as the API returns it')
    .action(async (flags: { at?: string; json?: boolean }) => {
      const query = parseInput(agendaQuery, flags.at ? { at: flags.at } : {});
      const agenda = await withContext(program, (ctx) => getAgenda({ ctx, at: query.at }));
      if (flags.json) return printJson(agenda);
      const groups = groupAgenda(agenda.items, agenda.at, agenda.timeZone);
      if (agenda.items.length === 0) return print('Nothing due in the next seven days. A good moment to add people or plan a request.');
      const section = (heading: string, items: AgendaItem[]) => {
        if (items.length === 0) return;
        print(`\n${heading}`);
        for (const item of items) {
          print(`  ${when(item.due, agenda.timeZone).padEnd(16)} ${item.kind.padEnd(16)} ${item.title}`);
          print(`  ${''.padEnd(16)} ${''.padEnd(16)} → ${item.action}`);
        }
      };
      section(`Overdue (${groups.overdue.length})`, groups.overdue);
      section(`Today (${groups.today.length})`, groups.today);
      section(`Next seven days (${groups.week.length})`, groups.week);
    });

  program
    .command('calendar')
    .description('calendar files')
    .command('export <file>')
    .description('write scheduled interviews and due follow-ups (with reminders) to an .ics file')
    .option('--at <iso>', 'as if it were this moment')
    .action(async (file: string, flags: { at?: string }) => {
      const query = parseInput(agendaQuery, flags.at ? { at: flags.at } : {});
      const ics = await withContext(program, (ctx) => calendarFeed({ ctx, at: query.at }));
      writeFileSync(resolve(file), ics);
      print(`Wrote ${resolve(file)} (${(ics.match(/BEGIN:VEVENT/g) ?? []).length} events).`);
    });
}
