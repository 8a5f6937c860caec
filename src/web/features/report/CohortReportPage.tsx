import { useState } from 'react';
import { Link } from 'react-router';
import { NO_COHORT, reportPeriods } from '../../../shared/vocabulary/reports.js';
import type { ReportPeriod } from '../../../shared/schemas/reports.js';
import { ApiError } from '../../api/client.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { CohortTrend } from './CohortTrend.js';
import { ReportValue } from './ReportValue.js';
import { readyToAsk, reportCsvHref, useCohortReport, type ReportChoice } from './report.api.js';

const periodLabels: Record<ReportPeriod, string> = {
  'last-4-weeks': 'The last 4 weeks',
  'last-12-weeks': 'The last 12 weeks',
  'academic-year': 'This academic year (from 1 September)',
  range: 'Days I choose',
};

const longDate = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The career centre's cohort report, for admins: how many students each cohort has,
 * how many took a step, and their requests, conversations and timely thank-yous,
 * with an 8-week trend. Counts only, and small ones held back (the server decides).
 */
export function CohortReportPage() {
  const [choice, setChoice] = useState<ReportChoice>({ period: 'last-4-weeks', cohort: '', from: '', to: '' });
  const report = useCohortReport(choice);
  const fieldErrors = report.error instanceof ApiError ? report.error.fieldErrors() : {};
  const data = report.data;
  const cohortOptions = [{ value: '', label: 'Every group' }, ...(data?.cohorts ?? []).map((c) => ({ value: c.id, label: c.name })), { value: NO_COHORT, label: 'Students in no cohort' }];
  const trendRow = data ? (choice.cohort ? data.rows.find((r) => r.group.kind !== 'all') : undefined) ?? data.rows[0] : undefined;
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Cohort report</h1>
          <p>How the students are getting on, in counts only: nobody’s contacts or notes, and no number small enough to point at one person.</p>
        </div>
        <Link to="/admin">Back to Administration</Link>
      </div>

      <section className="card" aria-labelledby="report-choose">
        <h2 id="report-choose">What to show</h2>
        <div className="row">
          <SelectField label="Cohort" value={choice.cohort} onChange={(e) => setChoice({ ...choice, cohort: e.target.value })} options={cohortOptions} />
          <SelectField label="Period" value={choice.period} onChange={(e) => setChoice({ ...choice, period: e.target.value as ReportPeriod })} options={reportPeriods.map((p) => ({ value: p, label: periodLabels[p] }))} />
        </div>
        {choice.period === 'range' ? (
          <div className="row">
            <TextField label="First day" type="date" value={choice.from} onChange={(e) => setChoice({ ...choice, from: e.target.value })} error={fieldErrors.from} />
            <TextField label="Last day" type="date" value={choice.to} onChange={(e) => setChoice({ ...choice, to: e.target.value })} error={fieldErrors.to} />
          </div>
        ) : null}
        {!readyToAsk(choice) ? <p className="muted">Choose the first and the last day.</p> : null}
      </section>

      {report.isPending && readyToAsk(choice) ? <Loading what="the report" /> : null}
      {report.isError && Object.keys(fieldErrors).length === 0 ? <ErrorState error={report.error} retry={() => void report.refetch()} /> : null}
      {data && readyToAsk(choice) ? (
        <>
          <section className="card" aria-labelledby="report-table">
            <h2 id="report-table">
              {longDate(data.period.from)} to {longDate(data.period.to)}
            </h2>
            <div className="table-wrap">
              <DataTable
                caption="Students and their steps, by group"
                stack
                columns={['Group', 'Students', 'Active', 'Requests sent', 'Conversations held', 'Thank-yous on time']}
                rows={data.rows.map((r) => ({
                  key: `${r.group.kind}-${r.group.id ?? ''}`,
                  cells: [
                    r.group.name,
                    <ReportValue key="s" cell={r.students} />,
                    <ReportValue key="a" cell={r.active} />,
                    <ReportValue key="r" cell={r.requests} />,
                    <ReportValue key="c" cell={r.conversations} />,
                    <ReportValue key="t" cell={r.thankYousOnTime} />,
                  ],
                }))}
              />
            </div>
            <p className="actions">
              <a className="button" href={reportCsvHref(choice)} download>
                Download CSV
              </a>
            </p>
          </section>
          {trendRow ? <CohortTrend row={trendRow} weeks={data.weeks} /> : null}
        </>
      ) : null}

      <section className="card" aria-labelledby="report-note">
        <h2 id="report-note">How to read it</h2>
        <ul>
          <li>
            <strong>Active</strong>: took at least one step in the period (sent a request, held a conversation, thanked someone, or logged anything
            on their timeline). <strong>Thank-yous on time</strong>: conversations in the period thanked within 24 hours, as the weekly review counts them.
          </li>
          <li>
            Any count from 0 to 4 shows as <strong>&lt;5</strong>, and a group of fewer than 5 students shows only that. A zero is held back too:
            “0 conversations” would say something about every student in the group. For the same reason, active students within 4 of all
            the students, or thank-yous on time within 4 of the conversations, are <strong>hidden</strong>: “all 8 were active” tells as much as “none was”.
          </li>
          <li>
            Where a small count could be worked out by taking the other groups from the total, or the other weeks from a group’s total, another
            count is <strong>hidden</strong> as well; now and then that is the total itself.
          </li>
          <li>
            Days and weeks are counted in UTC; weeks run Monday to Sunday. Comparing periods that overlap can still narrow a small count down: the
            report is for seeing trends, never for finding a person.
          </li>
        </ul>
      </section>
    </section>
  );
}
