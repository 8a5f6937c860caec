import { Link, useParams } from 'react-router';
import type { ProgressSummary } from '../../../shared/schemas/sharing.js';
import { interviewStatuses } from '../../../shared/schemas/interviews.js';
import { DataTable } from '../../ui/DataTable.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';
import { Caseload } from './Caseload.js';
import { useCoachDashboard, useExplorerNotes, useExplorerProgress } from './coaching.api.js';

function Health({ summary }: { summary: ProgressSummary }) {
  if (summary.stuck) return <span className="badge danger">Stuck: {summary.stuckReason}</span>;
  if (summary.overdue > 0) return <span className="badge warn">{summary.overdue} overdue</span>;
  return <span className="badge accent">On track</span>;
}

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

function Notes({ id }: { id: string }) {
  const notes = useExplorerNotes(id);
  if (notes.isPending) return <Loading what="notes" />;
  if (notes.isError) return <ErrorState error={notes.error} />;
  if (notes.data.items.length === 0) return <p className="muted">No conversations with notes yet.</p>;
  return (
    <>
      {notes.data.items.map((item) => (
        <article key={item.interview.id} className="card">
          <h3>
            {item.interview.contact.name}
            {item.interview.organization ? `, ${item.interview.organization.name}` : ''}
          </h3>
          <p className="muted">{item.interview.heldAt ? `Held ${formatDateTime(item.interview.heldAt)}` : statusLabels[item.interview.status]}</p>
          {item.takeaways ? (
            <>
              <h4>What they learned</h4>
              <p className="preview-body">{item.takeaways}</p>
            </>
          ) : null}
          {item.notes ? (
            <>
              <h4>Notes</h4>
              <p className="preview-body">{item.notes}</p>
            </>
          ) : null}
          {item.liveNotes.length > 0 ? (
            <ul className="plain-list">
              {item.liveNotes.map((n) => (
                <li key={n.id}>{n.body}</li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
    </>
  );
}

/** One explorer's progress, and their notes where they share them. */
export function ExplorerPage() {
  const { id = '' } = useParams();
  const progress = useExplorerProgress(id);
  if (progress.isPending) return <Loading what="their progress" />;
  if (progress.isError) return <ErrorState error={progress.error} retry={() => void progress.refetch()} />;
  const { explorer, summary, agenda, interviews, scope } = progress.data;
  return (
    <section>
      <div className="page-header">
        <div>
          <p>
            <Link to="/coaching">Coaching</Link>
          </p>
          <h1>{explorer.name}</h1>
          <p>
            {explorer.email} · <Health summary={summary} />
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="counts-heading">
        <h2 id="counts-heading">Interviews by state</h2>
        <DataTable
          caption="Interviews by state"
          columns={['State', 'Interviews']}
          rows={interviewStatuses.filter((s) => summary.byStatus[s]).map((s) => ({ key: s, cells: [statusLabels[s], summary.byStatus[s]] }))}
        />
        <p className="muted">
          {summary.heldThisMonth} held this month · {summary.upcoming} booked ahead · last step {summary.lastActivityAt ? formatDate(summary.lastActivityAt) : 'none yet'}
        </p>
      </section>
      <section className="card" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">What is due</h2>
        {agenda.length === 0 ? (
          <p className="muted">Nothing due in the coming week.</p>
        ) : (
          <ul className="plain-list">
            {agenda.map((a) => (
              <li key={a.key}>
                {a.overdue ? <span className="badge danger">Overdue</span> : <span className="badge">{formatDate(a.due)}</span>} {a.title}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="interviews-heading">
        <h2 id="interviews-heading">Conversations</h2>
        <div className="table-wrap">
          <DataTable
            caption="Conversations"
            stack
            columns={['With', 'Organisation', 'State', 'Since']}
            rows={interviews.map((i) => ({ key: i.id, cells: [i.contact.name, i.organization?.name ?? '', statusLabels[i.status], formatDate(i.statusChangedAt)] }))}
          />
        </div>
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        {scope === 'notes' ? <Notes id={id} /> : <p className="muted">{explorer.name} shares progress only, not their notes.</p>}
      </section>
    </section>
  );
}
