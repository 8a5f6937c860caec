import { z } from 'zod';
import { idSchema, isoDateTime, ref, requiredText, text } from './common.js';
import { interviewSchema } from './interviews.js';

/** Which request to draft: for a person, in an exploration (by default the one they are most tied to). */
export const requestDraftInput = z
  .object({
    contactId: idSchema,
    /** The exploration to write about; omitted: the person's latest, their organisation's, or the newest active one. */
    explorationId: idSchema.nullable().optional(),
    /** An idea interview the request is for; its exploration is the default. */
    interviewId: idSchema.optional(),
  })
  .strict();

/** A request filled from the user's request template, ready to edit and send. */
export const requestDraftSchema = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  templateId: idSchema.nullable(),
  contact: z.object({ id: idSchema, name: z.string(), email: z.string().nullable() }),
  exploration: ref.nullable(),
  /** The idea interview "I sent it" will move to requested; null when one will be created. */
  interviewId: idSchema.nullable(),
});

/** "I sent it": the request went out now (or at `at`), with this text. */
export const requestSentInput = z
  .object({
    contactId: idSchema,
    explorationId: idSchema.nullable().optional(),
    interviewId: idSchema.optional(),
    subject: text(300).nullable().optional(),
    body: requiredText(19000),
    at: isoDateTime.optional(),
    /** An agenda item this request settles (Today's reach-next), marked done with it. */
    settlesAgendaItem: z.string().min(1).max(200).optional(),
  })
  .strict();

export const requestSentResponse = z.object({ interview: interviewSchema, createdInterview: z.boolean() });

export type RequestDraftInput = z.infer<typeof requestDraftInput>;
export type RequestDraft = z.infer<typeof requestDraftSchema>;
export type RequestSentInput = z.infer<typeof requestSentInput>;
export type RequestSent = z.infer<typeof requestSentResponse>;
