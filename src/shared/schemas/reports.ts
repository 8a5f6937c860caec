import { z } from 'zod';
import { computedDate, computedDateTime, idSchema, isoDate } from './common.js';
import { reportPeriods, NO_COHORT } from '../vocabulary/reports.js';
export { reportPeriods, NO_COHORT };

export type ReportPeriod = (typeof reportPeriods)[number];

/**
 * What the report asks for. `from` and `to` (whole days, UTC, both included) only
 * with `period=range`; `cohort` is a cohort's id or `none` (the students in no
 * cohort); without it every group is listed.
 */
export const reportQuery = z
  .object({
    period: z.enum(reportPeriods).default('last-4-weeks'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cohort: z.union([idSchema, z.literal(NO_COHORT)]).optional(),
  })
  .strict();
export type ReportQuery = z.infer<typeof reportQuery>;

/**
 * One number of the report as it may be shown: the count itself when it is 5 or
 * more; `<5` when it is smaller (0 included); `hidden` when it is held back so that
 * a small number elsewhere cannot be worked out by subtraction, or because the
 * group has fewer than 5 students.
 */
export const reportCell = z.union([z.number().int().min(5), z.literal('<5'), z.literal('hidden')]);
export type ReportCell = z.infer<typeof reportCell>;

export const reportGroupKinds = ['all', 'cohort', 'none'] as const;
export type ReportGroupKind = (typeof reportGroupKinds)[number];

export const reportWeekSchema = z.object({
  /** The ISO week, e.g. 2026-W49. */
  week: z.string(),
  /** Its Monday. */
  start: computedDate,
});
export type ReportWeek = z.infer<typeof reportWeekSchema>;

export const reportRowSchema = z.object({
  group: z.object({ kind: z.enum(reportGroupKinds), id: idSchema.nullable(), name: z.string() }),
  students: reportCell,
  active: reportCell,
  requests: reportCell,
  conversations: reportCell,
  thankYousOnTime: reportCell,
  /** Requests sent and conversations held in each week of `weeks`, in the same order. */
  trend: z.array(z.object({ requests: reportCell, conversations: reportCell })),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const cohortReportSchema = z.object({
  period: z.object({ kind: z.enum(reportPeriods), from: computedDate, to: computedDate }),
  generatedAt: computedDateTime,
  /** The last 8 ISO weeks (UTC), the current one last. */
  weeks: z.array(reportWeekSchema),
  /** Every cohort, for choosing one. */
  cohorts: z.array(z.object({ id: idSchema, name: z.string() })),
  /** All students first, then the cohort asked for (or every cohort by name, then the students in no cohort). */
  rows: z.array(reportRowSchema),
});
export type CohortReport = z.infer<typeof cohortReportSchema>;

/** The smallest count the report shows as itself. */
export const SMALLEST_SHOWN = 5;
