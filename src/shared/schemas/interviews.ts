import { z } from 'zod';
import { csvOf, idSchema, isoDateTime, optionalText, pageQuery, ref, sortParam, webUrl } from './common.js';
import { meetingFormats } from './contacts.js';
import { debriefSchema, liveStateSchema } from './conversation.js';
import { interviewStatuses, interviewPurposes, requestChannels } from '../vocabulary/interviews.js';
export { interviewStatuses, interviewPurposes, requestChannels };

export type InterviewStatus = (typeof interviewStatuses)[number];

export const thankYouFormats = ['email', 'handwritten'] as const;

export const prepSchema = z.object({
  /** Checklist item key → done. */
  checklist: z.record(z.string().max(60), z.boolean()),
  research: z.string().max(20000),
  questionIds: z.array(idSchema).max(100),
});
export type Prep = z.infer<typeof prepSchema>;
export const emptyPrep = (): Prep => ({ checklist: {}, research: '', questionIds: [] });

const fields = {
  contactId: idSchema,
  explorationIds: z.array(idSchema).max(50),
  purpose: z.enum(interviewPurposes),
  objective: optionalText(4000),
  format: z.enum(meetingFormats).nullable(),
  venue: optionalText(500),
  link: webUrl.nullable(),
  scheduledAt: isoDateTime.nullable(),
  plannedMinutes: z.number().int().min(5).max(240),
  requestedAt: isoDateTime.nullable(),
  requestChannel: z.enum(requestChannels).nullable(),
  requestMessage: optionalText(20000),
  repliedAt: isoDateTime.nullable(),
  prep: prepSchema,
  heldAt: isoDateTime.nullable(),
  notes: optionalText(100000),
  takeaways: optionalText(20000),
  /** Days between check-ins the person agreed to; null when they did not give permission. */
  followUpPermission: z.number().int().min(1).max(3650).nullable(),
  thankedAt: isoDateTime.nullable(),
  thankYouFormat: z.enum(thankYouFormats).nullable(),
};

export const interviewSchema = z.object({
  id: idSchema,
  ...fields,
  status: z.enum(interviewStatuses),
  statusChangedAt: isoDateTime,
  /** Interview mode: timer, current agenda step, questions asked. Written through /live. */
  live: liveStateSchema,
  /** Written through /debrief; what was learned is `takeaways`. */
  debrief: debriefSchema.nullable(),
  contact: ref,
  organization: ref.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

const optionalFields = Object.fromEntries(
  Object.entries(fields)
    .filter(([key]) => key !== 'contactId')
    .map(([key, schema]) => [key, schema.optional()]),
) as { [K in Exclude<keyof typeof fields, 'contactId'>]: z.ZodOptional<(typeof fields)[K]> };

/** A new interview starts as an idea unless it records something that already happened. */
export const createInterviewInput = z
  .object({
    ...optionalFields,
    contactId: fields.contactId,
    purpose: fields.purpose.default('explore-career'),
    plannedMinutes: fields.plannedMinutes.default(20),
    status: z.enum(interviewStatuses).default('idea'),
  })
  .strict();

/** Status changes only through a transition, never through an update. */
export const updateInterviewInput = z.object(fields).omit({ contactId: true }).partial().strict();

export const transitionInput = z
  .object({
    to: z.enum(interviewStatuses),
    /** When the change happened; defaults to now. */
    at: isoDateTime.optional(),
    scheduledAt: isoDateTime.optional(),
    thankYouFormat: z.enum(thankYouFormats).optional(),
  })
  .strict();

export type Interview = z.infer<typeof interviewSchema>;
export type CreateInterviewInput = z.infer<typeof createInterviewInput>;
export type UpdateInterviewInput = z.infer<typeof updateInterviewInput>;
export type TransitionInput = z.infer<typeof transitionInput>;

/** What interviews can be listed by (`sort`, `-` in front for descending). */
export const interviewSortField = z.enum(['scheduledAt', 'createdAt', 'updatedAt', 'requestedAt', 'statusChangedAt']);
export type InterviewSortField = z.infer<typeof interviewSortField>;

export const interviewListQuery = z.object({
  ...pageQuery,
  sort: sortParam(interviewSortField.options, '-updatedAt'),
  status: csvOf(z.enum(interviewStatuses)).optional(),
  contactId: idSchema.optional(),
  organizationId: idSchema.optional(),
  explorationId: idSchema.optional(),
  format: z.enum(meetingFormats).optional(),
  scheduledFrom: isoDateTime.optional(),
  scheduledTo: isoDateTime.optional(),
});
export type InterviewListQuery = z.infer<typeof interviewListQuery>;
