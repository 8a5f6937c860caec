import { z } from 'zod';

export const idSchema = z.uuid({ message: 'must be an id (a UUID)' });
/**
 * Dates from 1900 to 2999: the years a person's records can hold. Beyond them,
 * dates computed from a record (a follow-up a few weeks on) would leave the
 * four-digit years ISO 8601 is written with here.
 */
const plausibleYear = (value: string) => {
  const year = new Date(value).getUTCFullYear();
  return Number.isNaN(year) || (year >= 1900 && year <= 2999);
};
const YEARS = { message: 'must be between the years 1900 and 2999' };
const anyDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-03-12T14:30:00Z' });
export const isoDateTime = anyDateTime.refine(plausibleYear, YEARS);
/** A date and time the server computes from a record (a due date weeks after it): not limited to the years above. */
export const computedDateTime = anyDateTime;
const anyDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const isoDate = anyDate.refine(plausibleYear, YEARS);
/** A day the server computes (the end of a week that starts on 2999-12-30): not limited to the years above. */
export const computedDate = anyDate;
/** Links the user clicks: only http(s), so `javascript:` and friends never reach a page. */
export const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), { message: 'must be an http:// or https:// link' });

export const text = (max: number) => z.string().trim().max(max, { message: `must be at most ${max} characters` });
export const requiredText = (max: number) => text(max).min(1, { message: 'must not be empty' });
export const optionalText = (max: number) => text(max).nullable();

export const ref = z.object({ id: idSchema, name: z.string() });
export type Ref = z.infer<typeof ref>;

/** `/…/:id` */
export const idParams = z.object({ id: idSchema });
export type IdParams = z.infer<typeof idParams>;

/** Every error the API sends: `{ error: { code, message, details } }`, and on a 5xx an `id` the server's log also has. */
export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown(), id: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('How many items to return (1–500).'),
  offset: z.coerce.number().int().min(0).default(0).describe('How many items to skip.'),
};

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** A `sort` parameter: a field name, optionally prefixed with `-` for descending order. */
export function sortParam<const F extends string>(fields: readonly F[], fallback: F | `-${F}`) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [`${F}` | `-${F}`, ...(`${F}` | `-${F}`)[]];
  return z.enum(values).default(fallback as never).describe(`Sort field; prefix with - for descending. One of: ${fields.join(', ')}.`);
}

export interface Sort<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

export function parseSort<F extends string>(value: string): Sort<F> {
  return value.startsWith('-')
    ? { field: value.slice(1) as F, direction: 'desc' }
    : { field: value as F, direction: 'asc' };
}

export interface Page {
  limit: number;
  offset: number;
}

export interface PageResult<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Comma-separated list in a query string, e.g. `status=requested,scheduled`. */
export function csvOf<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((value) => value.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item));
}

export const deletedResponse = z.object({ deleted: z.literal(true), id: idSchema });

/** A 204 response: no body. */
export const noContent = z.null();

/** `true` / `false` in a query string. */
export const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export type Deleted = z.infer<typeof deletedResponse>;
