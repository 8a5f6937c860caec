import { z } from 'zod';
import { seniorities } from './contacts.js';

/** The email checker's rule ids: part of the public contract (API, CLI, README). */
export const emailRuleIds = ['unfilled-placeholder', 'too-long', 'asks-for-job', 'attaches-resume', 'no-connection', 'no-time-bound-ask'] as const;
/** The question checker's rule ids. */
export const questionRuleIds = ['closed-question', 'asks-for-job', 'confidential', 'too-personal', 'seniority-mismatch', 'answerable-by-research'] as const;
/** The pitch checker's rule ids. */
export const pitchRuleIds = ['too-long', 'asks-for-job'] as const;
export type EmailRuleId = (typeof emailRuleIds)[number];
export type QuestionRuleId = (typeof questionRuleIds)[number];

/** `span`: where in the checked text the finding comes from (character offsets, end exclusive); optional, so older clients keep working. */
export const findingSpanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export const findingSchema = z.object({ rule: z.string(), message: z.string(), suggestion: z.string().optional(), span: findingSpanSchema.optional() });
export const findingsResponse = z.object({ findings: z.array(findingSchema) });
export const emailCheckInput = z.object({ text: z.string().max(50_000) }).strict();
export const questionCheckInput = z.object({ text: z.string().trim().min(1, { message: 'must not be empty' }).max(2000), audience: z.enum(seniorities) }).strict();
export type Finding = z.infer<typeof findingSchema>;
