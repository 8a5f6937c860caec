import { Link, useSearchParams } from 'react-router';
import type { CaseloadRow } from '../../../shared/schemas/cohorts.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField } from '../../ui/Field.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formatDate } from '../../ui/format.js';
import { useCaseload } from './caseload.api.js';

function Standing({ row }: { row: CaseloadRow }) {
  const { summary } = row;
  if (!summary) return <span className="badge">Not shared yet</span>;
  if (summary.stuck) return <span className="badge danger">Stuck: {summary.stuckReason}</span>;
  if (summary.overdue > 0) return <span className="badge warn">{summary.overdue} overdue</span>;
  return <span className="badge accent">On track</span>;
}

/**
 * An adviser's caseload: the students assigned to them or in a cohort they advise. Those who
 * share show their progress; the others only that they have not shared yet. The cohort filter
 * lives in the address (`?cohort=…`), so it survives a reload and can be bookmarked.
 */
export function Caseload() {
  const [params, setParams] = useSearchParams();
  const cohort = params.get('cohort') ?? '';
  const load = useCaseload(cohort);
  if (load.isPending) return <Loading what="your caseload" />;
  if (load.isError) return <ErrorState error={load.error} retry={() => void load.refetch()} />;
  if (load.data.items.length === 0 && !cohort) return null;
  const choose = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('cohort', value);
    else next.delete('cohort');
    setParams(next, { replace: true });
  };
  return (
    <section className="card" aria-labelledby="caseload-heading">
      <h2 id="caseload-heading">Your caseload</h2>
      <p className="muted">Students assigned to you, or in a cohort you advise. You see the progress of those who share it with you.</p>
      {load.data.cohorts.length > 0 ? (
        <div className="row caseload-filter">
          <SelectField
            label="Cohort"
            value={load.data.cohortId ?? ''}
            onChange={(e) => choose(e.target.value)}
            options={[{ value: '', label: 'All your students' }, ...load.data.cohorts.map((c) => ({ value: c.id, label: c.name }))]}
          />
        </div>
      ) : null}
      <div className="table-wrap">
        <DataTable
          caption="Your caseload"
          stack
          columns={['Student', 'Cohort', 'How it is going', 'Conversations this month', 'Overdue thank-yous', 'Last step']}
          rows={load.data.items.map((row) => ({
            key: row.student.id,
            cells: [
              row.summary ? (
                <Link key="l" to={`/coaching/${row.student.id}`}>
                  {row.student.name}
                </Link>
              ) : (
                row.student.name
              ),
              row.cohort?.name ?? '',
              <Standing key="s" row={row} />,
              row.summary ? row.summary.heldThisMonth : '',
              row.summary ? row.summary.overdueThankYous : '',
              row.summary ? (row.summary.lastActivityAt ? formatDate(row.summary.lastActivityAt) : 'none yet') : '',
            ],
          }))}
        />
      </div>
    </section>
  );
}
