import { AppError } from '../../shared/errors.js';
import { NO_COHORT, type CohortReport, type ReportQuery } from '../../shared/schemas/reports.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { THANK_YOU_HOURS } from '../week/week.rules.js';
import { groupCounts, reportCsv, reportFileName, reportWindow, suppress, trendWeeks, type StudentActivity } from './reports.rules.js';

/** Runs work in a user's workspace (holding it open meanwhile): how the report reaches each student's counts. */
export type OpenWorkspace = <T>(userId: string, work: (ctx: AppContext) => Promise<T>) => Promise<T>;

/** How many students' workspaces are read at once. */
const AT_ONCE = 4;

const noCohort = (what: string) => new AppError('reports.no_cohort', 404, `There is no cohort ${what} on this server.`, [{ field: 'cohort', message: 'is not a cohort on this server' }]);

/**
 * The cohort report for the career centre: for all students, each cohort and the
 * students in no cohort, how many students there are, how many took a step in
 * the period, the requests sent, conversations held and thank-yous sent on time,
 * and the last 8 weeks' requests and conversations. Each student's workspace is
 * read by aggregates (counts only, never a record), and what could single a
 * student out is held back on the whole table (see reports.rules' suppress)
 * before the group asked for is picked out.
 */
export async function cohortReport({ control, open, query }: { control: AppContext; open: OpenWorkspace; query: ReportQuery }): Promise<CohortReport> {
  const at = now(control);
  const window = reportWindow({ period: query.period, from: query.from, to: query.to, now: at });
  const { weeks, bounds } = trendWeeks(at);
  const cohorts = await control.repos.reports.cohorts();
  if (query.cohort && query.cohort !== NO_COHORT && !cohorts.some((c) => c.id === query.cohort)) throw noCohort('with that id');
  const students = await control.repos.reports.students();
  const activities: StudentActivity[] = [];
  let next = 0;
  const worker = async () => {
    while (next < students.length) {
      const i = next++;
      const student = students[i]!;
      activities[i] = await open(student.id, (ctx) => ctx.repos.reports.activity({ start: window.start, end: window.end, bounds, thankYouHours: THANK_YOU_HOURS }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, students.length) }, worker));
  // A period of exactly one of the trend's weeks is held back at least as that week is.
  const periodIsWeek = bounds.findIndex((b, i) => b === window.start && bounds[i + 1] === window.end);
  const counts = groupCounts({ cohorts, students: students.map((s, i) => ({ cohortId: s.cohortId, activity: activities[i]! })), weeks: weeks.length });
  const rows = suppress(counts, { periodIsWeek: periodIsWeek < 0 ? null : periodIsWeek });
  const picked = query.cohort ? rows.filter((r) => r.group.kind === 'all' || (query.cohort === NO_COHORT ? r.group.kind === 'none' : r.group.id === query.cohort)) : rows;
  return { period: { kind: window.kind, from: window.from, to: window.to }, generatedAt: at, weeks, cohorts, rows: picked };
}

/** The same report as a CSV file, with the name it is downloaded under. */
export async function cohortReportCsv(input: { control: AppContext; open: OpenWorkspace; query: ReportQuery }): Promise<{ fileName: string; csv: string; report: CohortReport }> {
  const report = await cohortReport(input);
  const group = input.query.cohort ? (report.rows.find((r) => r.group.kind !== 'all')?.group.name ?? 'all-students') : 'all-groups';
  return { fileName: reportFileName(group, report.period), csv: reportCsv(report), report };
}

/** The id `cohort=` takes for a cohort's name (as the command line gives it); `none` is the students in no cohort. */
export async function cohortIdByName({ control, name }: { control: AppContext; name: string }): Promise<string> {
  if (name.trim().toLowerCase() === NO_COHORT) return NO_COHORT;
  const wanted = name.trim().toLowerCase();
  const cohort = (await control.repos.reports.cohorts()).find((c) => c.name.toLowerCase() === wanted);
  if (!cohort) throw noCohort(`named "${name}"`);
  return cohort.id;
}
