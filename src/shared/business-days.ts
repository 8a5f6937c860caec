/**
 * Business days in the user's time zone, with their working days and holidays.
 * Days are whole numbers (days since 1970-01-01 in the local calendar), so day
 * arithmetic never meets a clock change; only converting a local wall time to an
 * instant consults the time zone, and that is exact across daylight saving.
 * Uses only Intl (no I/O), with one cached formatter per time zone.
 */

/** The user's working week: their time zone, ISO weekdays (1 = Monday) and holidays (YYYY-MM-DD). */
export interface WorkCalendar {
  timeZone: string;
  workingDays: readonly number[];
  holidays: readonly string[];
}

/** A local calendar day: days since 1970-01-01. */
export type Day = number;

/** Requests sent at or after this local hour start counting on the next business day. */
export const AFTERNOON_HOUR = 12;
/** Agenda items fall due at this local hour on their day. */
export const DUE_HOUR = 9;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time of an instant, as if it were UTC (milliseconds), straight from Intl. */
export function wallClockOf(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

const HOUR_MS = 3_600_000;
/** Per time zone and UTC hour: the zone's offset for that whole hour, or null when it changes within it. */
const hourOffsets = new Map<string, Map<number, number | null>>();

/**
 * The local wall-clock time of an instant, as if it were UTC (milliseconds). Intl is asked at most twice per
 * time zone and UTC hour (the agenda converts thousands of instants per request): when the offset at the
 * hour's first and last second agree, it holds for the whole hour (zones change their offset at most once in
 * an hour), and instants in it need no more asking; an hour with a change in it is asked about every time.
 */
export function wallClock(ms: number, timeZone: string): number {
  // Whole seconds only, as the formatter reads them.
  const second = Math.floor(ms / 1000) * 1000;
  const hour = Math.floor(second / HOUR_MS);
  let offsets = hourOffsets.get(timeZone);
  if (!offsets) hourOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const end = start + HOUR_MS - 1000;
    const first = wallClockOf(start, timeZone) - start;
    offset = first === wallClockOf(end, timeZone) - end ? first : null;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset === null ? wallClockOf(ms, timeZone) : second + offset;
}

const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
/**
 * Milliseconds of an ISO instant. The stored form (`2026-03-10T09:00:00.000Z`, as toISOString writes
 * it) is read digit by digit, over twice as fast as Date.parse, which matters when the agenda and the
 * weekly review convert a hundred thousand of them; any other form, or a field out of range, goes to
 * Date.parse to judge.
 */
export function instantMs(text: string): number {
  if (text.length !== 24 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) {
    return Date.parse(text);
  }
  for (const at of DIGITS) {
    const d = digit(text, at);
    if (d < 0 || d > 9) return Date.parse(text);
  }
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  const hour = digit(text, 11) * 10 + digit(text, 12);
  const minute = digit(text, 14) * 10 + digit(text, 15);
  const second = digit(text, 17) * 10 + digit(text, 18);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return Date.parse(text);
  const ms = Date.UTC(digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3), month - 1, day, hour, minute, second, digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22));
  // Day 29 to 31 of a shorter month would roll over into the next: Date.parse decides what such a text means.
  return day <= 28 || new Date(ms).getUTCDate() === day ? ms : Date.parse(text);
}

const toMs = (instant: string | Date) => (typeof instant === 'string' ? instantMs(instant) : instant.getTime());

export function localDay(instant: string | Date, calendar: WorkCalendar): Day {
  return Math.floor(wallClock(toMs(instant), calendar.timeZone) / DAY_MS);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (day: Day): number => ((((day + 3) % 7) + 7) % 7) + 1;
const isoDays = new Map<Day, string>();
/** The day as YYYY-MM-DD (remembered: the same few hundred days are asked about again and again). */
export function dayToIso(day: Day): string {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDays.size > 100_000) isoDays.clear();
    isoDays.set(day, iso);
  }
  return iso;
}

const holidaySets = new WeakMap<readonly string[], Set<string>>();
function holidaySet(calendar: WorkCalendar): Set<string> {
  let set = holidaySets.get(calendar.holidays);
  if (!set) {
    set = new Set(calendar.holidays);
    holidaySets.set(calendar.holidays, set);
  }
  return set;
}

export function isBusinessDay(day: Day, calendar: WorkCalendar): boolean {
  return calendar.workingDays.includes(weekday(day)) && !holidaySet(calendar).has(dayToIso(day));
}

export function nextBusinessDay(day: Day, calendar: WorkCalendar): Day {
  let next = day + 1;
  // A year of non-working days would mean a broken calendar; stop rather than loop forever.
  for (let guard = 0; guard < 370 && !isBusinessDay(next, calendar); guard++) next += 1;
  return next;
}

export function addBusinessDays(day: Day, count: number, calendar: WorkCalendar): Day {
  let current = day;
  for (let i = 0; i < count; i++) current = nextBusinessDay(current, calendar);
  return current;
}

/**
 * The business day a request starts counting from: the day it was sent when that
 * is a working day and it went out before noon, otherwise the next business day.
 */
export function countingStart(sentAt: string, calendar: WorkCalendar): Day {
  const wall = wallClock(toMs(sentAt), calendar.timeZone);
  const day = Math.floor(wall / DAY_MS);
  const hour = new Date(wall).getUTCHours();
  return isBusinessDay(day, calendar) && hour < AFTERNOON_HOUR ? day : nextBusinessDay(day, calendar);
}

const dueCache = new Map<string, string>();

/** The instant (UTC ISO) of a local wall time on a day; exact across daylight-saving changes. */
export function dueOn(day: Day, calendar: WorkCalendar, hour = DUE_HOUR): string {
  const key = `${calendar.timeZone}|${day}|${hour}`;
  const cached = dueCache.get(key);
  if (cached) return cached;
  if (dueCache.size > 50_000) dueCache.clear();
  const due = instantOf(day, calendar.timeZone, hour);
  dueCache.set(key, due);
  return due;
}

function instantOf(day: Day, timeZone: string, hour: number): string {
  const wanted = day * DAY_MS + hour * 3_600_000;
  // Guess with the offset at the wanted wall time, then correct once for a change in between.
  let instant = wanted - (wallClock(wanted, timeZone) - wanted);
  instant += wanted - wallClock(instant, timeZone);
  return new Date(instant).toISOString();
}

/** When a request sent at `sentAt` has waited `count` business days. */
export function businessDeadline(sentAt: string, count: number, calendar: WorkCalendar): string {
  return dueOn(addBusinessDays(countingStart(sentAt, calendar), count, calendar), calendar);
}

/** The local day before an instant, at the due hour. */
export function dayBefore(instant: string, calendar: WorkCalendar): string {
  return dueOn(localDay(instant, calendar) - 1, calendar);
}

export const plusHours = (instant: string, hours: number) => new Date(toMs(instant) + hours * 3_600_000).toISOString();
