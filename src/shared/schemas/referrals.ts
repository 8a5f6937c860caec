import { z } from 'zod';
import { idSchema, isoDateTime, optionalText, ref } from './common.js';
import { contactSchema } from './contacts.js';

export const referralStatuses = ['suggested', 'contacted', 'interviewed'] as const;

const fields = {
  fromContactId: idSchema,
  toContactId: idSchema,
  interviewId: idSchema.nullable(),
  status: z.enum(referralStatuses),
  reportedBackAt: isoDateTime.nullable(),
  note: optionalText(4000),
};

export const referralSchema = z.object({
  id: idSchema,
  ...fields,
  from: ref,
  to: ref,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const createReferralInput = z
  .object({
    ...fields,
    interviewId: fields.interviewId.optional(),
    status: fields.status.default('suggested'),
    reportedBackAt: fields.reportedBackAt.optional(),
    note: fields.note.optional(),
  })
  .strict();
export const updateReferralInput = z
  .object(fields)
  .omit({ fromContactId: true, toContactId: true })
  .partial()
  .strict();

export type Referral = z.infer<typeof referralSchema>;
export type CreateReferralInput = z.infer<typeof createReferralInput>;
export type UpdateReferralInput = z.infer<typeof updateReferralInput>;

/** Adding a suggested person from an interview: the person (new, or the one already there) and the referral. */
export const quickReferralResponse = z.object({ contact: contactSchema, referral: referralSchema, existing: z.boolean() });
export type QuickReferralResult = z.infer<typeof quickReferralResponse>;
