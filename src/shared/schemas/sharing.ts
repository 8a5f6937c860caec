import { z } from 'zod';
import { agendaItemSchema } from './agenda.js';
import { grantSchema, grantScopes } from './accounts.js';
import { boolQuery, idSchema, isoDate, isoDateTime, page, pageQuery } from './common.js';
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

export const coachDashboardRowSchema = z.object({ explorer: explorerRef, scope: z.enum(grantScopes), showNames: z.boolean(), sharedAt: isoDateTime, summary: progressSummarySchema });
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
  /** false: people and organisations are neutral labels ("Person 3"), in the agenda too. */
  showNames: z.boolean(),
  summary: progressSummarySchema,
  agenda: z.array(agendaItemSchema),
  interviews: z.array(sharedInterviewSchema),
});
export type ExplorerProgress = z.infer<typeof explorerProgressSchema>;

export const explorerNotesSchema = z.object({
  explorer: explorerRef,
  showNames: z.boolean(),
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

/** `/account/sharing/preview`: what a coach would see with these choices. */
export const sharingPreviewQuery = z.object({
  scope: z.enum(grantScopes),
  showNames: boolQuery.default(false),
});
export type SharingPreviewQuery = z.infer<typeof sharingPreviewQuery>;
/** The coach's two views of one's own data, built by the very use cases the coach's pages call. */
export const sharingPreviewSchema = z.object({ progress: explorerProgressSchema, notes: explorerNotesSchema.nullable() });
export type SharingPreview = z.infer<typeof sharingPreviewSchema>;

/** The audit of sharing: looks by coaches, and one's own sharing, changing and stopping. */
export const accessActions = ['viewed', 'shared', 'changed', 'stopped'] as const;
export type AccessAction = (typeof accessActions)[number];
export const accessEntrySchema = z.object({
  id: idSchema,
  action: z.enum(accessActions),
  /** What was seen (viewed), or what the grant allows from then on. */
  scope: z.enum(grantScopes),
  showNames: z.boolean(),
  /** `viewed` is done by the coach; `shared`, `changed` and `stopped` by the student. */
  coach: z.object({ id: idSchema, name: z.string(), email: z.string() }),
  explorer: z.object({ id: idSchema, name: z.string(), email: z.string() }),
  /** The first look (or the change). */
  at: isoDateTime,
  /** The last look of the entry: looks by one coach within ACCESS_WINDOW_MINUTES of the last are one entry. */
  lastAt: isoDateTime,
  views: z.number().int(),
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;
export const accessLogQuery = z.object(pageQuery).strict();
export const accessLogResponse = page(accessEntrySchema);
export type AccessLog = z.infer<typeof accessLogResponse>;
/** `/admin/audit.csv` */
export const auditExportQuery = z.object({ since: z.union([isoDateTime, isoDate]).optional().describe('Only entries at or after this day (UTC) or instant.') }).strict();
export type AuditExportQuery = z.infer<typeof auditExportQuery>;
