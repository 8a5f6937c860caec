import { z } from 'zod';
import { emailSchema, grantScopes, roles } from './accounts.js';
import { idSchema, isoDateTime } from './common.js';
import { progressSummarySchema } from './sharing.js';

/** A person as the cohort pages name them. */
export const personRefSchema = z.object({ id: idSchema, name: z.string(), email: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;
export const cohortRefSchema = z.object({ id: idSchema, name: z.string() });
export type CohortRef = z.infer<typeof cohortRefSchema>;

/** A whole cohort's invitations in one CSV file (email, name, role, cohort, adviser). At most 1 MB. */
export const MAX_INVITATION_CSV = 1_000_000;
export const invitationCsvInput = z.object({ csv: z.string().max(MAX_INVITATION_CSV, 'is larger than 1 MB; split the file') }).strict();
export type InvitationCsvInput = z.infer<typeof invitationCsvInput>;

/** One invitation a CSV upload made: its link is shown once (only its hash is kept). */
export const issuedInvitationSchema = z.object({
  line: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  cohort: z.string().nullable(),
  adviser: z.string().nullable(),
  expiresAt: isoDateTime,
  /** `/join?invitation=…` */
  path: z.string(),
  emailed: z.boolean(),
});
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>;
export const csvInvitationsResponse = z.object({ items: z.array(issuedInvitationSchema), cohortsCreated: z.array(z.string()) });
export type CsvInvitations = z.infer<typeof csvInvitationsResponse>;

/** Where an invitation stands, as honestly as the records allow. */
export const invitationStates = ['pending', 'emailed', 'accepted', 'expired', 'revoked'] as const;
export type InvitationState = (typeof invitationStates)[number];

export const invitationStatusSchema = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(roles),
  cohort: cohortRefSchema.nullable(),
  adviser: personRefSchema.nullable(),
  state: z.enum(invitationStates),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  emailedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  /** When the person joined (with this link or another for the same address). */
  acceptedAt: isoDateTime.nullable(),
  acceptedBy: personRefSchema.nullable(),
});
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;
export const invitationStatusesResponse = z.object({ items: z.array(invitationStatusSchema) });
export type InvitationStatuses = z.infer<typeof invitationStatusesResponse>;

export const revokeInvitationInput = z.object({ email: emailSchema }).strict();
export type RevokeInvitationInput = z.infer<typeof revokeInvitationInput>;
export const revokedInvitationsResponse = z.object({ email: z.string(), revoked: z.number().int() });
export type RevokedInvitations = z.infer<typeof revokedInvitationsResponse>;

/** A cohort with its students and the advisers assigned to it. */
export const cohortSchema = z.object({
  id: idSchema,
  name: z.string(),
  students: z.array(personRefSchema),
  advisers: z.array(personRefSchema),
});
export type Cohort = z.infer<typeof cohortSchema>;
/** A student with where they are placed. */
export const placedStudentSchema = personRefSchema.extend({ cohortId: idSchema.nullable(), adviserId: idSchema.nullable() });
export type PlacedStudent = z.infer<typeof placedStudentSchema>;
/** Everything the Administration page's cohort section shows: cohorts, every student's placement, who can advise. */
export const cohortsOverviewSchema = z.object({
  cohorts: z.array(cohortSchema),
  students: z.array(placedStudentSchema),
  advisers: z.array(personRefSchema),
});
export type CohortsOverview = z.infer<typeof cohortsOverviewSchema>;

export const cohortNameSchema = z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters');
export const createCohortInput = z.object({ name: cohortNameSchema }).strict();
export type CreateCohortInput = z.infer<typeof createCohortInput>;
export const cohortAdviserParams = z.object({ id: idSchema, adviserId: idSchema });
export const placementInput = z.object({ cohortId: idSchema.nullable(), adviserId: idSchema.nullable() }).strict();
export type PlacementInput = z.infer<typeof placementInput>;

/** A student's own adviser, and whether they already share with them. */
export const myAdviserSchema = z.object({ adviser: personRefSchema.nullable(), sharing: z.enum(grantScopes).nullable() });
export type MyAdviser = z.infer<typeof myAdviserSchema>;

/** An adviser's caseload: the students assigned to them, directly or through a cohort they advise. */
export const caseloadQuery = z.object({ cohort: idSchema.optional() }).strict();
export const caseloadRowSchema = z.object({
  student: personRefSchema,
  cohort: cohortRefSchema.nullable(),
  /** What they share with this adviser; null: not shared yet (and no summary). */
  scope: z.enum(grantScopes).nullable(),
  summary: progressSummarySchema.nullable(),
});
export type CaseloadRow = z.infer<typeof caseloadRowSchema>;
export const caseloadSchema = z.object({ cohorts: z.array(cohortRefSchema), cohortId: idSchema.nullable(), items: z.array(caseloadRowSchema) });
export type Caseload = z.infer<typeof caseloadSchema>;
