import { join } from 'node:path';
import type { Command } from 'commander';
import { cohortIdByName, cohortReport, cohortReportCsv, type OpenWorkspace } from '../modules/reports/reports.usecases.js';
import { postgresUserWorkspaces, sqliteUserWorkspaces, type UserWorkspaces } from '../server/user-workspaces.js';
import { systemClock } from '../shared/clock.js';
import { reportPeriods, reportQuery, type ReportCell } from '../shared/schemas/reports.js';
import { configFrom, parseInput, withContext } from './context.js';
import { print, printJson, table } from './output.js';

const cell = (c: ReportCell) => String(c);

/** The cohort report of a shared server (`serve --multi-user`), read as the server reads it: each student's workspace in turn. */
export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('the cohort report of a shared server: students, active students, requests, conversations, thank-yous on time and the last 8 weeks; counts under 5 read <5')
    .option('--cohort <name>', 'one cohort, by name ("none": the students in no cohort); every group when left out')
    .option('--period <period>', `one of ${reportPeriods.join(', ')}`, 'last-4-weeks')
    .option('--from <day>', 'the first day of a range (YYYY-MM-DD, UTC), with --period range')
    .option('--to <day>', 'the last day of a range (included)')
    .option('--csv', 'print the report as CSV (as the Download CSV link gives it)')
    .option('--json', 'print the report as JSON (as GET /api/v1/admin/report)')
    .action(async (flags: { cohort?: string; period: string; from?: string; to?: string; csv?: boolean; json?: boolean }) => {
      const config = configFrom(program);
      const result = await withContext(program, async (control, handle) => {
        let workspaces: UserWorkspaces;
        let pool: { end(): Promise<void> } | null = null;
        if (handle.dialect === 'postgres') {
          const { Pool } = (await import('pg')).default;
          const shared = new Pool({ connectionString: config.databaseUrl, max: 4 });
          workspaces = postgresUserWorkspaces(shared, systemClock);
          pool = shared;
        } else {
          workspaces = sqliteUserWorkspaces(join(config.home, 'users'), systemClock);
        }
        try {
          const cohort = flags.cohort === undefined ? undefined : await cohortIdByName({ control, name: flags.cohort });
          const query = parseInput(reportQuery, { period: flags.period, from: flags.from, to: flags.to, cohort });
          const open: OpenWorkspace = (userId, work) => workspaces.use(userId, work);
          return flags.csv ? await cohortReportCsv({ control, open, query }) : { report: await cohortReport({ control, open, query }), csv: null };
        } finally {
          await workspaces.close();
          await pool?.end();
        }
      });
      if (result.csv !== null) {
        process.stdout.write(result.csv);
        return;
      }
      const { report } = result;
      if (flags.json) {
        printJson(report);
        return;
      }
      print(`Cohort report, ${report.period.from} to ${report.period.to} (UTC). Counts under 5 read <5; "hidden" protects a small count elsewhere.`);
      print(
        table(
          report.rows.map((r) => ({ group: r.group.name, students: cell(r.students), active: cell(r.active), requests: cell(r.requests), conversations: cell(r.conversations), 'thanked on time': cell(r.thankYousOnTime) })),
          ['group', 'students', 'active', 'requests', 'conversations', 'thanked on time'],
        ),
      );
      const trend = (report.rows.length > 1 && flags.cohort !== undefined ? report.rows[1] : report.rows[0])!;
      print(`\nThe last 8 weeks, ${trend.group.name}:`);
      print(table(report.weeks.map((w, i) => ({ week: w.week, starting: w.start, requests: cell(trend.trend[i]?.requests ?? 'hidden'), conversations: cell(trend.trend[i]?.conversations ?? 'hidden') })), ['week', 'starting', 'requests', 'conversations']));
    });
}
