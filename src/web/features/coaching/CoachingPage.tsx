import { Link, useParams } from 'react-router';
import { DataTable } from '../../ui/DataTable.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { formatDate } from '../../ui/format.js';
import { Caseload } from './Caseload.js';
import { useCoachDashboard, useExplorerNotes, useExplorerProgress } from './coaching.api.js';
import { ExplorerView, Health, NotesList } from './ExplorerView.js';


/** Every explorer who shares with this coach, those who need help first. */
export function CoachingPage() {
  const dashboard = useCoachDashboard();
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Coaching</h1>
          <p>The explorers who share their progress with you. Those who look stuck come first.</p>
        </div>
      </div>
      <Caseload />
      {dashboard.isPending ? <Loading what="your explorers" /> : null}
      {dashboard.isError ? <ErrorState error={dashboard.error} retry={() => void dashboard.refetch()} /> : null}
      {dashboard.data && dashboard.data.items.length === 0 ? (
        <Empty title="Nobody shares with you yet">
          <p>Explorers choose to share from their Account page, by entering your email address.</p>
        </Empty>
      ) : null}
      {dashboard.data && dashboard.data.items.length > 0 ? (
        <div className="table-wrap card">
          <h2>Everyone who shares with you</h2>
          <DataTable
            caption="Explorers who share with you"
            stack
            columns={['Explorer', 'How it is going', 'Conversations this month', 'Overdue thank-yous', 'Open duties', 'Last step']}
            rows={dashboard.data.items.map((row) => ({
              key: row.explorer.id,
              cells: [
                <Link key="l" to={`/coaching/${row.explorer.id}`}>
                  {row.explorer.name}
                </Link>,
                <Health key="h" summary={row.summary} />,
                row.summary.heldThisMonth,
                row.summary.overdueThankYous,
                row.summary.openDuties,
                row.summary.lastActivityAt ? formatDate(row.summary.lastActivityAt) : 'none yet',
              ],
            }))}
          />
        </div>
      ) : null}
    </section>
  );
}

function CoachNotes({ id }: { id: string }) {
  const notes = useExplorerNotes(id);
  if (notes.isPending) return <Loading what="notes" />;
  if (notes.isError) return <ErrorState error={notes.error} />;
  return <NotesList notes={notes.data} level={3} />;
}

/** One explorer's progress, and their notes where they share them. */
export function ExplorerPage() {
  const { id = '' } = useParams();
  const progress = useExplorerProgress(id);
  if (progress.isPending) return <Loading what="their progress" />;
  if (progress.isError) return <ErrorState error={progress.error} retry={() => void progress.refetch()} />;
  return (
    <section>
      <p>
        <Link to="/coaching">Coaching</Link>
      </p>
      <ExplorerView progress={progress.data} notes={<CoachNotes id={id} />} />
    </section>
  );
}
