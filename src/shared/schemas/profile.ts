import { z } from 'zod';
import { isoDate, isoDateTime, text } from './common.js';

export function isValidTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

export const timeZone = z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/London' });

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export const workingDays = z
  .array(z.number().int().min(1).max(7))
  .min(1, { message: 'must include at least one day' })
  .refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' });

export const profileFields = {
  name: text(200),
  background: text(4000),
  pitch: text(2000),
  timeZone,
  workingDays,
  /** The user's own days off. */
  holidays: z.array(isoDate).max(400),
  /** Where public holidays come from: an ISO 3166-1 code, '' for none. */
  country: z.string().regex(/^([A-Z]{2})?$/, { message: 'must be a two-letter country code such as GB' }),
  /** A region of that country whose holidays differ (such as SCT or BY), '' for the whole country. */
  region: z.string().regex(/^([A-Z0-9]{1,10})?$/, { message: 'must be a region code such as SCT' }),
};

export const profileSchema = z.object({ ...profileFields, updatedAt: isoDateTime.nullable() });
export const updateProfileInput = z.object(profileFields).partial().strict();

export type Profile = z.infer<typeof profileSchema>;
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
