import { z } from 'zod';
import { boolQuery, csvOf, idSchema, isoDateTime, pageQuery, requiredText, sortParam } from './common.js';
import { seniorities } from './contacts.js';
import { questionCategories } from '../vocabulary/questions.js';
export { questionCategories };

const fields = {
  text: requiredText(1000),
  category: z.enum(questionCategories),
  /** The seniority levels this question suits. */
  audiences: z.array(z.enum(seniorities)).min(1).max(seniorities.length),
  favourite: z.boolean(),
};

export const questionSchema = z.object({ id: idSchema, ...fields, builtIn: z.boolean(), createdAt: isoDateTime, updatedAt: isoDateTime });
export const createQuestionInput = z
  .object({ ...fields, audiences: fields.audiences.default([...seniorities]), favourite: fields.favourite.default(false) })
  .strict();
export const updateQuestionInput = z.object(fields).partial().strict();

export type Question = z.infer<typeof questionSchema>;
export type CreateQuestionInput = z.infer<typeof createQuestionInput>;
export type UpdateQuestionInput = z.infer<typeof updateQuestionInput>;

/** What the question bank can be listed by (`sort`, `-` in front for descending). */
export const questionSortField = z.enum(['createdAt', 'category', 'text']);
export type QuestionSortField = z.infer<typeof questionSortField>;

export const questionListQuery = z.object({
  ...pageQuery,
  sort: sortParam(questionSortField.options, 'category'),
  category: csvOf(z.enum(questionCategories)).optional(),
  audience: z.enum(seniorities).optional(),
  favourite: boolQuery.optional(),
});
export type QuestionListQuery = z.infer<typeof questionListQuery>;
/** A new question as a client sends it (defaults filled in by the server). */
export type NewQuestionInput = z.input<typeof createQuestionInput>;
