import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDeadline, dayToIso, isBusinessDay, localDay, type WorkCalendar } from '../../shared/business-days.js';
import { isKnownPlace, publicHolidays } from './holidays.calendar.js';

const MON_FRI = [1, 2, 3, 4, 5];
/** Sunday to Thursday: the working week where the weekend is Friday and Saturday. */
const SUN_THU = [7, 1, 2, 3, 4];

function calendarFor(country: string, region: string, timeZone: string, workingDays: number[], daysOff: string[] = []): WorkCalendar {
  const holidays = publicHolidays(country, region, 2025, 2027).map((h) => h.date);
  return { timeZone, workingDays, holidays: [...holidays, ...daysOff] };
}

/** The local day a request sent at `sentAt` is due for a follow-up after `count` business days. */
const dueDay = (sentAt: string, count: number, calendar: WorkCalendar) => dayToIso(localDay(businessDeadline(sentAt, count, calendar), calendar));

describe('business days across countries, regions and weekends', () => {
  // Each row: a place, its working week, a request sent on a working morning, how many business days,
  // when that falls due with the place's public holidays, and when it would without them.
  it.each([
    // Thanksgiving (Thursday 26 November) is skipped.
    { place: 'US', region: '', zone: 'America/New_York', week: MON_FRI, sent: '2026-11-25T14:00:00Z', count: 3, due: '2026-12-01', plain: '2026-11-30' },
    // Christmas on a Friday and Boxing Day moved from Saturday to Monday.
    { place: 'GB', region: 'ENG', zone: 'Europe/London', week: MON_FRI, sent: '2026-12-24T09:00:00Z', count: 1, due: '2026-12-29', plain: '2026-12-25' },
    // Scotland keeps 2 January as well as New Year's Day; England does not.
    { place: 'GB', region: 'SCT', zone: 'Europe/London', week: MON_FRI, sent: '2025-12-31T09:00:00Z', count: 1, due: '2026-01-05', plain: '2026-01-01' },
    { place: 'GB', region: 'ENG', zone: 'Europe/London', week: MON_FRI, sent: '2025-12-31T09:00:00Z', count: 1, due: '2026-01-02', plain: '2026-01-01' },
    // Corpus Christi is a holiday in Bavaria, not in Berlin.
    { place: 'DE', region: 'BY', zone: 'Europe/Berlin', week: MON_FRI, sent: '2026-06-03T07:00:00Z', count: 1, due: '2026-06-05', plain: '2026-06-04' },
    { place: 'DE', region: 'BE', zone: 'Europe/Berlin', week: MON_FRI, sent: '2026-06-03T07:00:00Z', count: 1, due: '2026-06-04', plain: '2026-06-04' },
    // Golden Week: Constitution Day falls on a Sunday, so Wednesday 6 May is a substitute holiday.
    { place: 'JP', region: '', zone: 'Asia/Tokyo', week: MON_FRI, sent: '2026-04-30T00:00:00Z', count: 2, due: '2026-05-07', plain: '2026-05-04' },
    // Saudi Arabia: a Friday–Saturday weekend and National Day on Wednesday 23 September.
    { place: 'SA', region: '', zone: 'Asia/Riyadh', week: SUN_THU, sent: '2026-09-22T06:00:00Z', count: 2, due: '2026-09-27', plain: '2026-09-24' },
    // United Arab Emirates: a Saturday–Sunday weekend; Eid al-Fitr runs three days from Friday 20 March.
    { place: 'AE', region: '', zone: 'Asia/Dubai', week: MON_FRI, sent: '2026-03-19T06:00:00Z', count: 1, due: '2026-03-23', plain: '2026-03-20' },
    // Israel: a Friday–Saturday weekend; the second day of Rosh Hashanah is Sunday 13 September.
    { place: 'IL', region: '', zone: 'Asia/Jerusalem', week: SUN_THU, sent: '2026-09-10T06:00:00Z', count: 1, due: '2026-09-14', plain: '2026-09-13' },
    // India: Gandhi Jayanti on Friday 2 October.
    { place: 'IN', region: '', zone: 'Asia/Kolkata', week: MON_FRI, sent: '2026-10-01T04:00:00Z', count: 1, due: '2026-10-05', plain: '2026-10-02' },
  ])('$place $region: $count business days from $sent fall on $due', ({ place, region, zone, week, sent, count, due, plain }) => {
    expect(dueDay(sent, count, calendarFor(place, region, zone, week))).toBe(due);
    expect(dueDay(sent, count, { timeZone: zone, workingDays: week, holidays: [] })).toBe(plain);
  });

  it('skips the user’s own days off as well as public holidays', () => {
    const calendar = calendarFor('DE', 'BE', 'Europe/Berlin', MON_FRI, ['2026-06-04']);
    expect(dueDay('2026-06-03T07:00:00Z', 1, calendar)).toBe('2026-06-05');
  });

  it('counts a Friday–Saturday weekend: Friday is never a business day, Sunday is', () => {
    const calendar = calendarFor('SA', '', 'Asia/Riyadh', SUN_THU);
    const thursday = localDay('2026-10-15T06:00:00Z', calendar);
    expect(isBusinessDay(thursday + 1, calendar)).toBe(false);
    expect(isBusinessDay(thursday + 2, calendar)).toBe(false);
    expect(dayToIso(addBusinessDays(thursday, 1, calendar))).toBe('2026-10-18');
  });

  it('counts every day of a holiday that lasts several days, and only them', () => {
    const eid = publicHolidays('SA', '', 2026, 2026).filter((h) => h.name.includes('Fitr'));
    expect(eid.map((h) => h.date)).toEqual(['2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22']);
  });

  it('gives one entry per day, in order, with a name', () => {
    const list = publicHolidays('GB', 'SCT', 2026, 2026);
    expect(list.map((h) => h.date)).toEqual([...new Set(list.map((h) => h.date))].sort());
    expect(list.find((h) => h.date === '2026-11-30')?.name).toMatch(/Andrew/);
    expect(publicHolidays('', '', 2026, 2026)).toEqual([]);
  });

  it('knows countries and their regions, and refuses others', () => {
    expect(isKnownPlace('GB', 'SCT')).toBe(true);
    expect(isKnownPlace('DE', 'BY')).toBe(true);
    expect(isKnownPlace('GB', 'BY')).toBe(false);
    expect(isKnownPlace('ZZ', '')).toBe(false);
    expect(isKnownPlace('', '')).toBe(true);
    expect(isKnownPlace('', 'SCT')).toBe(false);
  });
});
