import { z } from 'zod';
import { csvOf, idSchema, isoDateTime, optionalText, pageQuery, requiredText, sortParam } from './common.js';
import { explorationKinds, transitions, keyQuestions } from '../vocabulary/explorations.js';
export { explorationKinds, transitions, keyQuestions };

export const explorationStatuses = ['active', 'paused', 'decided'] as const;

export type KeyQuestion = (typeof keyQuestions)[number]['key'];

const leaning = z.number().int().min(-2).max(2).nullable();
export const leaningsSchema = z.object({ success: leaning, fit: leaning, desire: leaning, prospects: leaning });

const fields = {
  title: requiredText(200),
  kind: z.enum(explorationKinds),
  transition: z.enum(transitions),
  status: z.enum(explorationStatuses),
  why: optionalText(4000),
  leanings: leaningsSchema,
  conclusion: optionalText(8000),
};

export const explorationSchema = z.object({ id: idSchema, ...fields, createdAt: isoDateTime, updatedAt: isoDateTime });
export const createExplorationInput = z
  .object({
    ...fields,
    status: fields.status.default('active'),
    why: fields.why.optional(),
    leanings: leaningsSchema.partial().optional(),
    conclusion: fields.conclusion.optional(),
  })
  .strict();
export const updateExplorationInput = z
  .object({ ...fields, leanings: leaningsSchema.partial() })
  .partial()
  .strict();

export type Exploration = z.infer<typeof explorationSchema>;
export type CreateExplorationInput = z.infer<typeof createExplorationInput>;
export type UpdateExplorationInput = z.infer<typeof updateExplorationInput>;

/** The exploration new people, organisations and interviews join unless the user says otherwise. */
export const activeExplorationSchema = z.object({ exploration: explorationSchema.nullable() });
export const setActiveExplorationInput = z.object({ explorationId: idSchema.nullable() }).strict();

/** A deleted exploration, kept so that it can be restored. */
export const deletedExplorationSchema = z.object({ id: idSchema, title: z.string(), deletedAt: isoDateTime });

export type ActiveExploration = z.infer<typeof activeExplorationSchema>;
export type DeletedExploration = z.infer<typeof deletedExplorationSchema>;
export const deletedExplorationsResponse = z.object({ items: z.array(deletedExplorationSchema) });
export type DeletedExplorations = z.infer<typeof deletedExplorationsResponse>;

/** What explorations can be listed by (`sort`, `-` in front for descending). */
export const explorationSortField = z.enum(['title', 'createdAt', 'updatedAt']);
export type ExplorationSortField = z.infer<typeof explorationSortField>;

export const explorationListQuery = z.object({
  ...pageQuery,
  sort: sortParam(explorationSortField.options, '-updatedAt'),
  status: csvOf(z.enum(explorationStatuses)).optional(),
  kind: z.enum(explorationKinds).optional(),
});
export type ExplorationListQuery = z.infer<typeof explorationListQuery>;
