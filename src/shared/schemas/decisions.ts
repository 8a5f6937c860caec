import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';
import { keyQuestionKey } from './conversation.js';
import { questionCategories } from './questions.js';

export const evidenceSchema = z.object({
  noteId: idSchema,
  interviewId: idSchema,
  contactName: z.string(),
  date: isoDateTime,
  text: z.string(),
  stance: z.enum(['for', 'against']).nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const decisionBoardSchema = z.object({
  exploration: z.object({ id: idSchema, title: z.string(), conclusion: z.string().nullable() }),
  interviews: z.array(
    z.object({ id: idSchema, contactName: z.string(), organizationName: z.string().nullable(), date: isoDateTime, takeaways: z.string().nullable(), debriefed: z.boolean() }),
  ),
  questions: z.array(
    z.object({
      key: keyQuestionKey,
      question: z.string(),
      /** The leaning set on the exploration itself. */
      current: z.number().nullable(),
      /** The mean of the debriefs' leanings. */
      average: z.number().nullable(),
      verdict: z.enum(['unanswered', 'mixed', 'leaning-yes', 'leaning-no']),
      for: z.array(evidenceSchema),
      against: z.array(evidenceSchema),
      other: z.array(evidenceSchema),
      history: z.array(z.object({ interviewId: idSchema, contactName: z.string(), date: isoDateTime, leaning: z.number() })),
    }),
  ),
  openQuestions: z.array(z.object({ text: z.string(), interviewId: idSchema, contactName: z.string() })),
  /** Each with the question-bank category it would be filed under. */
  suggestedQuestions: z.array(z.object({ text: z.string(), reason: z.string(), keyQuestion: keyQuestionKey.nullable(), category: z.enum(questionCategories) })),
});
export type DecisionBoard = z.infer<typeof decisionBoardSchema>;
