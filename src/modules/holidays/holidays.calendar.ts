import Holidays from 'date-holidays';

/**
 * The one adapter over the holiday library (its data ships in the package; nothing is
 * fetched). It turns a country and region into plain data: the public holidays of a
 * range of years as YYYY-MM-DD dates with their names. The business-day rules never
 * see the library, only the dates.
 */

export interface PublicHoliday {
  date: string;
  name: string;
}

export interface Place {
  code: string;
  name: string;
  regions: { code: string; name: string }[];
}

const DAY_MS = 86_400_000;
const NOON_MS = 12 * 3_600_000;
const byYear = new Map<string, PublicHoliday[]>();
let places: Place[] | null = null;

/** Every country the library knows, with the regions whose holidays differ, sorted by name. */
export function holidayPlaces(): Place[] {
  if (!places) {
    const hd = new Holidays();
    const countries = hd.getCountries('en') ?? {};
    places = Object.entries(countries)
      .map(([code, name]) => ({
        code,
        name,
        regions: Object.entries(hd.getStates(code, 'en') ?? {})
          .map(([regionCode, regionName]) => ({ code: regionCode, name: regionName }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return places;
}

export function isKnownPlace(country: string, region: string): boolean {
  if (country === '') return region === '';
  const place = holidayPlaces().find((p) => p.code === country);
  return place !== undefined && (region === '' || place.regions.some((r) => r.code === region));
}

/** The public holidays (days off by law, substitute days included) of one year. */
function yearHolidays(country: string, region: string, year: number): PublicHoliday[] {
  const key = `${country}|${region}|${year}`;
  let list = byYear.get(key);
  if (!list) {
    const hd = region ? new Holidays(country, region, { types: ['public'] }) : new Holidays(country, { types: ['public'] });
    list = [];
    for (const holiday of hd.getHolidays(year, 'en')) {
      if (holiday.type !== 'public') continue;
      // Local wall times as if UTC: `date` is the local start ("2026-03-20 00:00:00", sometimes with an
      // offset after it, which is dropped), and the span is end − start.
      const start = Date.parse(`${holiday.date.slice(0, 10)}T${holiday.date.slice(11, 19)}Z`);
      const end = start + (holiday.end.getTime() - holiday.start.getTime());
      // A day is off when the holiday covers its midday: an afternoon-only eve is not, an evening-to-evening feast counts for its main day.
      for (let day = Math.floor(start / DAY_MS); day * DAY_MS < end; day++) {
        const noon = day * DAY_MS + NOON_MS;
        if (noon >= start && noon < end) list.push({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), name: holiday.name });
      }
    }
    byYear.set(key, list);
  }
  return list;
}

/** Public holidays of a country (and region) from one year to another, sorted, one entry per day. */
export function publicHolidays(country: string, region: string, fromYear: number, toYear: number): PublicHoliday[] {
  if (!country) return [];
  const seen = new Map<string, PublicHoliday>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of yearHolidays(country, region, year)) if (!seen.has(holiday.date)) seen.set(holiday.date, holiday);
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}
