import { z } from 'zod';
import { idSchema, isoDateTime, optionalText, ref } from './common.js';

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
