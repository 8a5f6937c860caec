import { z } from 'zod';
import { csvOf, idSchema, isoDateTime, optionalText, pageQuery, ref, requiredText, sortParam } from './common.js';
import { leadKinds, leadStatuses } from '../vocabulary/leads.js';
export { leadKinds, leadStatuses };

export type LeadKind = (typeof leadKinds)[number];

export type LeadStatus = (typeof leadStatuses)[number];

const fields = {
  title: requiredText(200),
  kind: z.enum(leadKinds),
  status: z.enum(leadStatuses),
  details: optionalText(4000),
  interviewId: idSchema.nullable(),
  contactId: idSchema.nullable(),
  organizationId: idSchema.nullable(),
  /** The person said they may be named when the lead is pursued. */
  mayNamePerson: z.boolean(),
  nextStep: optionalText(300),
  nextStepAt: isoDateTime.nullable(),
};

export const leadSchema = z.object({
  id: idSchema,
  ...fields,
  contact: ref.nullable(),
  organization: ref.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Lead = z.infer<typeof leadSchema>;

/**
 * A new lead. Given only the conversation, the person and the organisation are
 * taken from it.
 */
export const createLeadInput = z
  .object({
    title: fields.title,
    kind: fields.kind.default('role'),
    status: fields.status.default('heard'),
    details: fields.details.optional(),
    interviewId: fields.interviewId.optional(),
    contactId: fields.contactId.optional(),
    organizationId: fields.organizationId.optional(),
    mayNamePerson: fields.mayNamePerson.default(false),
    nextStep: fields.nextStep.optional(),
    nextStepAt: fields.nextStepAt.optional(),
  })
  .strict();
export type CreateLeadInput = z.infer<typeof createLeadInput>;

export const updateLeadInput = z.object(fields).partial().strict();
export type UpdateLeadInput = z.infer<typeof updateLeadInput>;

/** What leads can be listed by (`sort`, `-` in front for descending). */
export const leadSortField = z.enum(['createdAt', 'updatedAt', 'nextStepAt', 'title']);
export type LeadSortField = z.infer<typeof leadSortField>;

export const leadListQuery = z.object({
  ...pageQuery,
  sort: sortParam(leadSortField.options, '-createdAt'),
  status: csvOf(z.enum(leadStatuses)).optional(),
  organizationId: idSchema.optional(),
  contactId: idSchema.optional(),
  interviewId: idSchema.optional(),
  explorationId: idSchema.optional().describe('Leads whose organisation, person or conversation belongs to this exploration.'),
});
export type LeadListQuery = z.infer<typeof leadListQuery>;
