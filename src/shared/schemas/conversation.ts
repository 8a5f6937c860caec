import { z } from 'zod';
import { idSchema, isoDateTime, optionalText } from './common.js';
import { contactSchema } from './contacts.js';
import { keyQuestions, leaningsSchema } from './explorations.js';
import { questionCategories } from './questions.js';
import { referralSchema } from './referrals.js';
import { agendaSteps, stances, livePrompts, duePrompts } from '../vocabulary/conversation.js';
import type { LivePrompt } from '../vocabulary/conversation.js';
export { agendaSteps, stances, livePrompts, duePrompts };
export type { LivePrompt };

export type AgendaStep = (typeof agendaSteps)[number]['key'];
export const agendaStepKeys = agendaSteps.map((s) => s.key) as [AgendaStep, ...AgendaStep[]];

const keyQuestionKeys = keyQuestions.map((q) => q.key) as [(typeof keyQuestions)[number]['key'], ...Array<(typeof keyQuestions)[number]['key']>];
export const keyQuestionKey = z.enum(keyQuestionKeys);

const noteFields = {
  /** May be empty while the note is being typed: it is saved as it is written. */
  body: z.string().max(20000),
  agendaStep: z.enum(agendaStepKeys).nullable(),
  questionCategory: z.enum(questionCategories).nullable(),
  keyQuestion: keyQuestionKey.nullable(),
  /** Whether the note speaks for or against the key question it is tagged with. */
  stance: z.enum(stances).nullable(),
  questionId: idSchema.nullable(),
};

export const noteSchema = z.object({ id: idSchema, interviewId: idSchema, ...noteFields, createdAt: isoDateTime, updatedAt: isoDateTime });
export type InterviewNote = z.infer<typeof noteSchema>;
export const notesResponse = z.object({ items: z.array(noteSchema) });
export type InterviewNotes = z.infer<typeof notesResponse>;
/** `/interviews/:id/notes/:noteId` */
export const noteParams = z.object({ id: idSchema, noteId: idSchema });

export const createNoteInput = z
  .object({
    ...noteFields,
    agendaStep: noteFields.agendaStep.optional(),
    questionCategory: noteFields.questionCategory.optional(),
    keyQuestion: noteFields.keyQuestion.optional(),
    stance: noteFields.stance.optional(),
    questionId: noteFields.questionId.optional(),
  })
  .strict();
export const updateNoteInput = z.object(noteFields).partial().strict();
export type CreateNoteInput = z.infer<typeof createNoteInput>;
export type UpdateNoteInput = z.infer<typeof updateNoteInput>;

export const liveStateSchema = z.object({
  /** When the conversation started (the timer counts from here); null before it starts. */
  startedAt: isoDateTime.nullable(),
  endedAt: isoDateTime.nullable(),
  step: z.enum(agendaStepKeys),
  askedQuestionIds: z.array(idSchema).max(100),
});
export type LiveState = z.infer<typeof liveStateSchema>;
export const emptyLiveState = (): LiveState => ({ startedAt: null, endedAt: null, step: 'thank', askedQuestionIds: [] });
export const updateLiveInput = liveStateSchema.partial().strict();
export type UpdateLiveInput = z.infer<typeof updateLiveInput>;

export const debriefSchema = z.object({
  fit: optionalText(8000),
  unknowns: optionalText(8000),
  whoElse: optionalText(8000),
  leanings: leaningsSchema,
  /** Key question → the notes that support its leaning. */
  evidence: z.partialRecord(keyQuestionKey, z.array(idSchema).max(50)),
  completedAt: isoDateTime,
});
export type Debrief = z.infer<typeof debriefSchema>;

export const debriefInput = z
  .object({
    /** What was learned: saved as the interview's takeaways. */
    learned: z.string().trim().min(1, 'write at least one thing you learned').max(20000),
    fit: optionalText(8000).optional(),
    unknowns: optionalText(8000).optional(),
    whoElse: optionalText(8000).optional(),
    leanings: leaningsSchema.partial().optional(),
    evidence: z.partialRecord(keyQuestionKey, z.array(idSchema).max(50)).optional(),
  })
  .strict();
export type DebriefInput = z.infer<typeof debriefInput>;

export const quickReferralInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    organization: optionalText(200).optional(),
    title: optionalText(200).optional(),
    note: optionalText(2000).optional(),
  })
  .strict();
export type QuickReferralInput = z.infer<typeof quickReferralInput>;
/** The person added (or the one already there, `existing`) and the referral to them. */
export const quickReferralResponse = z.object({ contact: contactSchema, referral: referralSchema, existing: z.boolean() });
export type QuickReferral = z.infer<typeof quickReferralResponse>;

export const thankYouDraftSchema = z.object({
  format: z.enum(['email', 'handwritten']),
  /** Why that format: a senior person may prefer a handwritten note. */
  reason: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  /** The specific takeaway the draft quotes, and where it came from. */
  takeaway: z.string().nullable(),
  templateId: idSchema.nullable(),
});
export type ThankYouDraft = z.infer<typeof thankYouDraftSchema>;

export const recordThankYouInput = z
  .object({
    format: z.enum(['email', 'handwritten']),
    /** What was sent, for the timeline. */
    message: optionalText(20000).optional(),
    at: isoDateTime.optional(),
  })
  .strict();

export type RecordThankYouInput = z.infer<typeof recordThankYouInput>;
