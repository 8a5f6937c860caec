import { z } from 'zod';
import { idSchema, isoDateTime, optionalText, requiredText } from './common.js';

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

/** A template filled in for one person (POST /api/v1/templates/preview). */
export const templatePreviewResponse = z.object({ subject: z.string().nullable(), body: z.string() });
export type TemplatePreview = z.infer<typeof templatePreviewResponse>;
