import type { WorkCalendar } from '../shared/business-days.js';
import type { NotFoundEntity } from '../shared/error-codes.js';
import { type AppError, notFound, validationError } from '../shared/errors.js';
import type { Page, Sort } from '../shared/schemas/common.js';
import { publicHolidays } from './holidays/holidays.calendar.js';
import type { AppContext } from './repositories.js';

/** A request that points at a record that does not exist is the caller's mistake: 400, naming the field. */
export function missingReference(field: string, what: string, id: string): AppError {
  return validationError([{ field, message: `no ${what} with id ${id}` }]);
}

export async function assertContact(ctx: AppContext, field: string, id: string | null | undefined): Promise<void> {
  if (id && !(await ctx.repos.contacts.exists(id))) throw missingReference(field, 'contact', id);
}

export async function assertOrganization(ctx: AppContext, field: string, id: string | null | undefined): Promise<void> {
  if (id && !(await ctx.repos.organizations.exists(id))) throw missingReference(field, 'organisation', id);
}

export async function assertExplorations(ctx: AppContext, field: string, ids: string[] | undefined): Promise<void> {
  const missing = await ctx.repos.explorations.missing(ids ?? []);
  if (missing[0]) throw missingReference(field, 'exploration', missing[0]);
}

export async function assertInterview(ctx: AppContext, field: string, id: string | null | undefined): Promise<void> {
  if (id && !(await ctx.repos.interviews.get(id))) throw missingReference(field, 'interview', id);
}

export function required<T>(value: T | undefined, entity: NotFoundEntity, id: string): T {
  if (value === undefined) throw notFound(entity, id);
  return value;
}

export const now = (ctx: AppContext) => ctx.clock.now().toISOString();

/**
 * The user's working week from the profile: time zone, working days, and as holidays
 * the public holidays of their country and region (three years back to two ahead) plus
 * their own days off.
 */
export async function workCalendar(ctx: AppContext): Promise<WorkCalendar> {
  const profile = await ctx.repos.profile.get();
  const year = ctx.clock.now().getUTCFullYear();
  return { timeZone: profile.timeZone, workingDays: profile.workingDays, holidays: holidaysFor(profile.country, profile.region, year, profile.holidays) };
}

/**
 * One merged, sorted list per place, year and days off, reused across requests: the business-day rules
 * build their lookup set once per list, so a list rebuilt on every call (six years of a country's
 * holidays, merged and sorted) would also rebuild that set on every agenda.
 */
const holidayLists = new Map<string, readonly string[]>();
function holidaysFor(country: string, region: string, year: number, daysOff: readonly string[]): readonly string[] {
  const key = `${country}|${region}|${year}|${daysOff.join(',')}`;
  let list = holidayLists.get(key);
  if (!list) {
    const publicDays = publicHolidays(country, region, year - 3, year + 2).map((h) => h.date);
    list = publicDays.length ? [...new Set([...publicDays, ...daysOff])].sort() : daysOff;
    if (holidayLists.size >= 1000) holidayLists.clear();
    holidayLists.set(key, list);
  }
  return list;
}

/** What every list use case takes: the filters, a sort and a page. */
export interface ListArgs<Filters, SortField extends string> {
  ctx: AppContext;
  filters: Filters;
  sort: Sort<SortField>;
  page: Page;
}

/** What every edit use case takes: the record's id and the changes asked for. */
export interface EditArgs<Input> {
  ctx: AppContext;
  id: string;
  input: Input;
}
