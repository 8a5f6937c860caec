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

export const findingSchema = z.object({ rule: z.string(), message: z.string(), suggestion: z.string().optional() });
export const findingsResponse = z.object({ findings: z.array(findingSchema) });
export const emailCheckInput = z.object({ text: z.string().max(50_000) }).strict();
export const questionCheckInput = z.object({ text: z.string().trim().min(1, { message: 'must not be empty' }).max(2000), audience: z.enum(seniorities) }).strict();
export type Finding = z.infer<typeof findingSchema>;

/** The pitch check also counts the words and how long saying them takes. */
export const pitchCheckResponse = findingsResponse.extend({ words: z.number().int(), seconds: z.number().int() });
export type FindingsResult = z.infer<typeof findingsResponse>;
export type PitchCheckResult = z.infer<typeof pitchCheckResponse>;
/** Whom to approach next, best first (GET /api/v1/suggestions). */
export const suggestionSchema = z.object({ contactId: z.string(), name: z.string(), organization: z.object({ id: z.string(), name: z.string() }).nullable(), score: z.number(), reasons: z.array(z.string()) });
export const suggestionsResponse = z.object({ items: z.array(suggestionSchema) });
export type Suggestion = z.infer<typeof suggestionSchema>;
export interface SuggestionFilters {
  explorationId?: string | undefined;
  organizationId?: string | undefined;
  limit: number;
}
export type Suggestions = z.infer<typeof suggestionsResponse>;
