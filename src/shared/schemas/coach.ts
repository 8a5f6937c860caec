import { z } from 'zod';
import { idSchema, ref } from './common.js';
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
export type Findings = z.infer<typeof findingsResponse>;

/** A pitch is checked as plain text, like an email. */
export const pitchCheckInput = emailCheckInput;
export const pitchCheckResponse = findingsResponse.extend({ words: z.number().int(), seconds: z.number().int() });
export type PitchCheck = z.infer<typeof pitchCheckResponse>;

/** Whom to ask next: for an exploration, an organisation, or overall. */
export const suggestionsQuery = z.object({ explorationId: idSchema.optional(), organizationId: idSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(10) });
export type SuggestionsQuery = z.infer<typeof suggestionsQuery>;
export const suggestionSchema = z.object({ contactId: idSchema, name: z.string(), organization: ref.nullable(), score: z.number(), reasons: z.array(z.string()) });
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionsResponse = z.object({ items: z.array(suggestionSchema) });
export type Suggestions = z.infer<typeof suggestionsResponse>;
/** What a caller may pass to the suggestions route (the limit is filled in by the route's default). */
export type SuggestionFilters = SuggestionsQuery;
