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
  holidays: z.array(isoDate).max(400),
};

export const profileSchema = z.object({ ...profileFields, updatedAt: isoDateTime.nullable() });
export const updateProfileInput = z.object(profileFields).partial().strict();

export type Profile = z.infer<typeof profileSchema>;
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
