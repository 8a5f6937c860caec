import { describe, expect, it } from 'vitest';
import { clockIn, dayAndClockIn, suggestTimeZone } from './time-zones.js';

describe('suggestTimeZone', () => {
  it.each([
    ['London', 'Europe/London'],
    ['Berlin, Germany', 'Europe/Berlin'],
    ['Toronto, ON', 'America/Toronto'],
    ['Bangalore', 'Asia/Kolkata'],
    ['  bengaluru , India ', 'Asia/Kolkata'],
    ['München', 'Europe/Berlin'],
    ['São Paulo, Brazil', 'America/Sao_Paulo'],
    ['San Francisco, CA', 'America/Los_Angeles'],
    ['Halifax, NS', 'America/Halifax'],
    ['Springfield, IL', 'America/Chicago'],
    ['Germany', 'Europe/Berlin'],
    ['Somewhere, Japan', 'Asia/Tokyo'],
    ['New York', 'America/New_York'],
  ])('%s → %s', (place, zone) => {
    expect(suggestTimeZone(place)).toBe(zone);
  });

  it.each([['United States'], ['Canada'], ['Australia'], ['Brazil'], ['Russia'], ['Atlantis'], [''], ['   '], [null], [undefined], ['Springfield']])(
    'says nothing when unsure: %s',
    (place) => {
      expect(suggestTimeZone(place)).toBeNull();
    },
  );

  it('suggests only zones the runtime knows', () => {
    for (const place of ['London', 'Toronto, ON', 'Halifax, NS', 'Buenos Aires', 'Kyiv', 'Vietnam', 'Nepal']) {
      const zone = suggestTimeZone(place)!;
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }
  });
});

describe('clock times in a zone', () => {
  it.each([
    ['2026-03-20T14:30:00Z', 'Europe/Berlin', '15:30'],
    ['2026-07-20T14:30:00Z', 'Europe/Berlin', '16:30'],
    ['2026-03-20T14:30:00Z', 'Asia/Kolkata', '20:00'],
    ['2026-03-20T14:30:00Z', 'America/Toronto', '10:30'],
    ['2026-03-20T23:30:00Z', 'UTC', '23:30'],
  ])('%s in %s is %s', (iso, zone, clock) => {
    expect(clockIn(iso, zone)).toBe(clock);
  });
  it('shows the day when it differs', () => {
    expect(dayAndClockIn('2026-03-20T23:30:00Z', 'Asia/Tokyo')).toBe('Sat 21 Mar, 08:30');
  });
});
