import { z } from 'zod';
import { agendaItemSchema } from './agenda.js';
import { grantSchema, grantScopes } from './accounts.js';
import { idSchema, isoDateTime } from './common.js';
import { debriefSchema, noteSchema } from './conversation.js';
import { interviewStatuses } from './interviews.js';

export const progressSummarySchema = z.object({
  interviews: z.number().int(),
  byStatus: z.record(z.enum(interviewStatuses), z.number().int()),
  heldThisMonth: z.number().int(),
  upcoming: z.number().int(),
  openDuties: z.number().int(),
  overdue: z.number().int(),
  overdueThankYous: z.number().int(),
  lastActivityAt: isoDateTime.nullable(),
  stuck: z.boolean(),
  stuckReason: z.string().nullable(),
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

const explorerRef = z.object({ id: idSchema, name: z.string(), email: z.string() });

export const coachDashboardRowSchema = z.object({ explorer: explorerRef, scope: z.enum(grantScopes), sharedAt: isoDateTime, summary: progressSummarySchema });
export const coachDashboardSchema = z.object({ items: z.array(coachDashboardRowSchema) });
export type CoachDashboard = z.infer<typeof coachDashboardSchema>;

const ref = z.object({ id: idSchema, name: z.string() });

export const sharedInterviewSchema = z.object({
  id: idSchema,
  status: z.enum(interviewStatuses),
  statusChangedAt: isoDateTime,
  contact: ref,
  organization: ref.nullable(),
  scheduledAt: isoDateTime.nullable(),
  heldAt: isoDateTime.nullable(),
  thankedAt: isoDateTime.nullable(),
});

export const explorerProgressSchema = z.object({
  explorer: explorerRef,
  scope: z.enum(grantScopes),
  summary: progressSummarySchema,
  agenda: z.array(agendaItemSchema),
  interviews: z.array(sharedInterviewSchema),
});
export type ExplorerProgress = z.infer<typeof explorerProgressSchema>;

export const explorerNotesSchema = z.object({
  explorer: explorerRef,
  items: z.array(
    z.object({
      interview: sharedInterviewSchema,
      objective: z.string().nullable(),
      notes: z.string().nullable(),
      takeaways: z.string().nullable(),
      debrief: debriefSchema.nullable(),
      liveNotes: z.array(noteSchema),
    }),
  ),
});
export type ExplorerNotes = z.infer<typeof explorerNotesSchema>;

/** The coaches an explorer shares with. */
export const grantsResponse = z.object({ items: z.array(grantSchema) });
export type Grants = z.infer<typeof grantsResponse>;
/** `/account/sharing/:coachId` */
export const coachParams = z.object({ coachId: idSchema });
