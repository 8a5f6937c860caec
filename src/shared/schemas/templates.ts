import { z } from 'zod';
import { csvOf, idSchema, isoDateTime, optionalText, pageQuery, requiredText, sortParam } from './common.js';

export const templateKinds = ['request', 'follow-up', 'thank-you', 'check-in', 'referral-intro', 'report-back'] as const;
export const templateChannels = ['email', 'phone-script', 'letter', 'linkedin-message'] as const;

const fields = {
  name: requiredText(200),
  kind: z.enum(templateKinds),
  channel: z.enum(templateChannels),
  subject: optionalText(300),
  body: requiredText(20000),
};

export const templateSchema = z.object({ id: idSchema, ...fields, builtIn: z.boolean(), createdAt: isoDateTime, updatedAt: isoDateTime });
export const createTemplateInput = z.object({ ...fields, subject: fields.subject.optional() }).strict();
export const updateTemplateInput = z.object(fields).partial().strict();

export type Template = z.infer<typeof templateSchema>;
export type CreateTemplateInput = z.infer<typeof createTemplateInput>;
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;

/** What templates can be listed by (`sort`, `-` in front for descending). */
export const templateSortField = z.enum(['name', 'kind', 'createdAt']);
export type TemplateSortField = z.infer<typeof templateSortField>;

export const templateListQuery = z.object({
  ...pageQuery,
  sort: sortParam(templateSortField.options, 'kind'),
  kind: csvOf(z.enum(templateKinds)).optional(),
  channel: csvOf(z.enum(templateChannels)).optional(),
});
export type TemplateListQuery = z.infer<typeof templateListQuery>;

/** A template filled for one person: a saved one (templateId) or the text being edited (subject, body). */
export const templatePreviewInput = z
  .object({ contactId: idSchema, explorationId: idSchema.nullable().optional(), templateId: idSchema.optional(), subject: z.string().max(300).nullable().optional(), body: z.string().max(20000).optional() })
  .strict();
export type TemplatePreviewInput = z.infer<typeof templatePreviewInput>;
export const templatePreviewSchema = z.object({ subject: z.string().nullable(), body: z.string() });
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;
