import { z } from 'zod';
import { idSchema, isoDateTime, optionalText } from './common.js';
import { contactSchema } from './contacts.js';
import { keyQuestions, leaningsSchema } from './explorations.js';
import { questionCategories } from './questions.js';
import { referralSchema } from './referrals.js';

/**
 * The running order of an informational interview (domain step 9), with a short
 * reminder of what each part is for, written for this product.
 */
export const agendaSteps = [
  { key: 'thank', label: 'Thank them', hint: 'Open by thanking them for making the time.' },
  { key: 'background', label: 'Your background', hint: 'Two or three sentences on where you are coming from.' },
  { key: 'experience', label: 'Related experience', hint: 'Mention what you have done that touches their work.' },
  { key: 'purpose', label: 'Why you asked', hint: 'Say plainly that you are gathering advice and information, not asking for a job.' },
  { key: 'information', label: 'What you want to learn', hint: 'Name the information you are after and the organisations you are looking at.' },
  { key: 'questions', label: 'Your questions', hint: 'Ask your open questions and keep an eye on the clock.' },
  { key: 'referrals', label: 'Who else to talk to', hint: 'Ask whom else they would suggest, and whether you may mention their name.' },
  { key: 'thanks', label: 'Thank them again', hint: 'Thank them for their time and what they shared.' },
  { key: 'follow-up', label: 'Permission to keep in touch', hint: 'Ask whether you may keep them posted, and how often suits them.' },
] as const;
export type AgendaStep = (typeof agendaSteps)[number]['key'];
export const agendaStepKeys = agendaSteps.map((s) => s.key) as [AgendaStep, ...AgendaStep[]];

const keyQuestionKeys = keyQuestions.map((q) => q.key) as [(typeof keyQuestions)[number]['key'], ...Array<(typeof keyQuestions)[number]['key']>];
export const keyQuestionKey = z.enum(keyQuestionKeys);
export const stances = ['for', 'against'] as const;

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

export interface LivePrompt {
  kind: 'referrals' | 'wrap-up' | 'over-time';
  /** Seconds into the conversation when it appears. */
  at: number;
  message: string;
}

/**
 * Gentle time prompts for a conversation planned to last `plannedMinutes`: ask for
 * referrals with a quarter of the time left (at least five minutes before the end),
 * wrap up two minutes before the end, and say so when the agreed time is up.
 */
export function livePrompts(plannedMinutes: number): LivePrompt[] {
  const total = plannedMinutes * 60;
  const referrals = Math.max(0, Math.min(total * 0.75, total - 300));
  const wrapUp = Math.max(referrals + 60, total - 120);
  return [
    { kind: 'referrals', at: Math.round(referrals), message: 'Time to ask who else you should talk to, before the end creeps up.' },
    { kind: 'wrap-up', at: Math.round(Math.min(wrapUp, total)), message: 'Two minutes left: thank them and ask whether you may keep in touch.' },
    { kind: 'over-time', at: total, message: 'You have reached the time you asked for. Offer to stop here; stay only if they insist.' },
  ];
}

/** The prompts that have appeared by `elapsedSeconds`. */
export const duePrompts = (plannedMinutes: number, elapsedSeconds: number): LivePrompt[] => livePrompts(plannedMinutes).filter((p) => elapsedSeconds >= p.at);
export type RecordThankYouInput = z.infer<typeof recordThankYouInput>;
