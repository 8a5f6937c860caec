import { describe, expect, it } from 'vitest';
import { dayToIso, instantMs, wallClock, wallClockOf } from './business-days.js';
import { prng } from './random.js';

const ZONES = ['UTC', 'Europe/London', 'Europe/Amsterdam', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Africa/Casablanca', 'Pacific/Apia'];
const HOUR = 3_600_000;

describe('local wall-clock time with the offset remembered per hour', () => {
  it('is what Intl says for any instant, including around every daylight-saving change and in the zones’ early history', () => {
    const random = prng(19);
    for (const zone of ZONES) {
      // Random instants from 1850 to 2100, to the millisecond.
      for (let i = 0; i < 400; i++) {
        const ms = Math.floor(-3_786_825_600_000 + random.next() * 7_890_000_000_000);
        expect(wallClock(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(wallClockOf(ms, zone));
      }
      // Every minute of the hours around each change in 2025 and 2026 (found hour by hour), and the seconds next to the change.
      for (let hour = Date.UTC(2025, 0, 1) / HOUR; hour < Date.UTC(2027, 0, 1) / HOUR; hour++) {
        const start = hour * HOUR;
        if (wallClockOf(start, zone) - start === wallClockOf(start + HOUR, zone) - (start + HOUR)) continue;
        for (let ms = start - HOUR; ms <= start + 2 * HOUR; ms += 60_000) {
          for (const at of [ms - 1, ms, ms + 1, ms + 999, ms + 1000]) expect(wallClock(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(wallClockOf(at, zone));
        }
      }
    }
  });

  it('names days the same way, remembered or not', () => {
    for (const day of [-40_000, -1, 0, 1, 20_522, 20_522, 60_000]) expect(dayToIso(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
  });
});

describe('instantMs', () => {
  it('reads stored instants exactly as Date.parse does, across years, months and leap days', () => {
    for (let ms = Date.UTC(1999, 11, 31, 23, 59, 59, 999); ms < Date.UTC(2031, 0, 1); ms += 9_876_543_211 / 97) {
      const text = new Date(Math.floor(ms)).toISOString();
      expect(instantMs(text), text).toBe(Date.parse(text));
    }
    expect(instantMs('2028-02-29T12:00:00.000Z')).toBe(Date.UTC(2028, 1, 29, 12));
  });

  it('leaves every other form, and impossible fields, to Date.parse', () => {
    for (const text of ['2026-03-10', '2026-03-10T09:00:00Z', '2026-03-10T09:00:00.000+01:00', '2026-02-30T09:00:00.000Z', '2026-13-10T09:00:00.000Z', '2026-03-1xT09:00:00.000Z', 'not a date at all, really']) {
      expect(Object.is(instantMs(text), Date.parse(text)), text).toBe(true);
    }
  });
});
