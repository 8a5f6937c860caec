import type { AgendaItem } from '../../shared/schemas/agenda.js';

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. Pure. */
export function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Reminders go out from this hour of the person's own morning. */
export const REMINDER_HOUR = 7;

/** The hour (0–23) of an instant in a time zone. Pure. */
export function hourIn(iso: string, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
}

/** The items worth a morning email: open, and overdue or due by the end of that day. Pure. */
export function dueToday(items: readonly AgendaItem[], day: string, timeZone: string): AgendaItem[] {
  return items.filter((item) => item.state === 'open' && (item.overdue || dayIn(item.due, timeZone) <= day));
}

const line = (i: AgendaItem) => `- ${i.title}: ${i.action}`;

/** The morning email: what is overdue first, then what is due today, each with its next step. Pure. */
export function composeReminder({ name, items, day, appUrl }: { name: string; items: readonly AgendaItem[]; day: string; appUrl: string }): { subject: string; text: string } {
  const overdue = items.filter((i) => i.overdue);
  const today = items.filter((i) => !i.overdue);
  const sections = [
    overdue.length ? `Overdue:\n${overdue.map(line).join('\n')}` : null,
    today.length ? `Due today:\n${today.map(line).join('\n')}` : null,
  ].filter(Boolean);
  const count = items.length === 1 ? 'one thing' : `${items.length} things`;
  return {
    subject: `Inroads: ${count} to do today${overdue.length ? ` (${overdue.length} overdue)` : ''}`,
    text: [
      `Good morning ${name},`,
      '',
      `Here is what your informational interviews need from you on ${day}.`,
      '',
      ...sections.flatMap((s) => [s as string, '']),
      `Open Inroads: ${appUrl}`,
      '',
      'You get this email because you asked for it on your Account page; switch it off there at any time.',
    ].join('\n'),
  };
}
