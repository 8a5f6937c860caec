import { z } from 'zod';
import { csvOf, idSchema, isoDateTime, pageQuery, sortParam, text } from './common.js';
import { interactionKinds } from '../vocabulary/interactions.js';
export { interactionKinds };

const fields = {
  contactId: idSchema,
  interviewId: idSchema.nullable(),
  kind: z.enum(interactionKinds),
  occurredAt: isoDateTime,
  summary: text(20000),
};

export const interactionSchema = z.object({ id: idSchema, ...fields, createdAt: isoDateTime });
export const createInteractionInput = z
  .object({
    ...fields,
    interviewId: fields.interviewId.optional(),
    occurredAt: fields.occurredAt.optional(),
    summary: fields.summary.default(''),
  })
  .strict();
export const updateInteractionInput = z.object(fields).omit({ contactId: true }).partial().strict();

export type Interaction = z.infer<typeof interactionSchema>;
export type CreateInteractionInput = z.infer<typeof createInteractionInput>;
export type UpdateInteractionInput = z.infer<typeof updateInteractionInput>;

/** What interactions can be listed by (`sort`, `-` in front for descending). */
export const interactionSortField = z.enum(['occurredAt', 'createdAt']);
export type InteractionSortField = z.infer<typeof interactionSortField>;

export const interactionListQuery = z.object({
  ...pageQuery,
  sort: sortParam(interactionSortField.options, '-occurredAt'),
  contactId: idSchema.optional(),
  interviewId: idSchema.optional(),
  kind: csvOf(z.enum(interactionKinds)).optional(),
});
export type InteractionListQuery = z.infer<typeof interactionListQuery>;
