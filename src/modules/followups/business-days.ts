import { DateTime } from 'luxon';

/** The user's working week: their time zone, ISO weekdays (1 = Monday) and holidays (YYYY-MM-DD). */
export interface WorkCalendar {
  timeZone: string;
  workingDays: readonly number[];
  holidays: readonly string[];
}

/** Requests sent at or after this local hour start counting on the next business day. */
export const AFTERNOON_HOUR = 12;
/** Agenda items fall due at this local hour on their day. */
export const DUE_HOUR = 9;

export function localDay(instant: string | Date, calendar: WorkCalendar): DateTime {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant, { zone: 'utc' });
  return value.setZone(calendar.timeZone).startOf('day');
}

export function isBusinessDay(day: DateTime, calendar: WorkCalendar): boolean {
  return calendar.workingDays.includes(day.weekday) && !calendar.holidays.includes(day.toISODate() ?? '');
}

export function nextBusinessDay(day: DateTime, calendar: WorkCalendar): DateTime {
  let next = day.plus({ days: 1 });
  // A year of non-working days would mean a broken calendar; stop rather than loop forever.
  for (let guard = 0; guard < 370 && !isBusinessDay(next, calendar); guard++) next = next.plus({ days: 1 });
  return next;
}

/**
 * The business day a request starts counting from: the day it was sent when that
 * is a working day and it went out before noon, otherwise the next business day.
 */
export function countingStart(sentAt: string, calendar: WorkCalendar): DateTime {
  const local = DateTime.fromISO(sentAt, { zone: 'utc' }).setZone(calendar.timeZone);
  const day = local.startOf('day');
  return isBusinessDay(day, calendar) && local.hour < AFTERNOON_HOUR ? day : nextBusinessDay(day, calendar);
}

export function addBusinessDays(day: DateTime, count: number, calendar: WorkCalendar): DateTime {
  let current = day;
  for (let i = 0; i < count; i++) current = nextBusinessDay(current, calendar);
  return current;
}

/** The instant (UTC ISO) at the due hour of a local day; correct across daylight-saving changes. */
export function dueOn(day: DateTime, hour = DUE_HOUR): string {
  return day.set({ hour, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO() ?? '';
}

/** When a request sent at `sentAt` has waited `count` business days. */
export function businessDeadline(sentAt: string, count: number, calendar: WorkCalendar): string {
  return dueOn(addBusinessDays(countingStart(sentAt, calendar), count, calendar));
}

/** The local day before an instant, at the due hour. */
export function dayBefore(instant: string, calendar: WorkCalendar): string {
  return dueOn(localDay(instant, calendar).minus({ days: 1 }));
}

export const plusHours = (instant: string, hours: number) => new Date(new Date(instant).getTime() + hours * 3_600_000).toISOString();
export const plusDays = (instant: string, days: number, calendar: WorkCalendar) =>
  DateTime.fromISO(instant, { zone: 'utc' }).setZone(calendar.timeZone).plus({ days }).toUTC().toISO() ?? instant;
