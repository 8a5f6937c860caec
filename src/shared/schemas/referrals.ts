import { z } from 'zod';
import { csvOf, idSchema, isoDateTime, optionalText, pageQuery, ref, sortParam } from './common.js';

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

/** What referrals can be listed by (`sort`, `-` in front for descending). */
export const referralSortField = z.enum(['createdAt', 'updatedAt']);
export type ReferralSortField = z.infer<typeof referralSortField>;

export const referralListQuery = z.object({
  ...pageQuery,
  sort: sortParam(referralSortField.options, '-createdAt'),
  fromContactId: idSchema.optional(),
  toContactId: idSchema.optional(),
  contactId: idSchema.optional().describe('Either side of the referral.'),
  interviewId: idSchema.optional(),
  status: csvOf(z.enum(referralStatuses)).optional(),
});
export type ReferralListQuery = z.infer<typeof referralListQuery>;
