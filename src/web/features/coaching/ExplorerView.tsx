import type { ReactNode } from 'react';
import { interviewStatuses } from '../../../shared/vocabulary/interviews.js';
import type { ExplorerNotes, ExplorerProgress, ProgressSummary } from '../../../shared/schemas/sharing.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';

/** Headings start at `level` (1 on the coach's page, lower inside the student's preview). */
type Level = 1 | 2 | 3;
function Heading({ level, id, children }: { level: number; id?: string | undefined; children: ReactNode }) {
  const Tag = `h${Math.min(level, 6)}` as 'h1';
  return <Tag id={id}>{children}</Tag>;
}

export function Health({ summary }: { summary: ProgressSummary }) {
  if (summary.stuck) return <span className="badge danger">Stuck: {summary.stuckReason}</span>;
  if (summary.overdue > 0) return <span className="badge warn">{summary.overdue} overdue</span>;
  return <span className="badge accent">On track</span>;
}

/** What the explorer lets the coach see, in one sentence. */
function sharing(progress: ExplorerProgress): string {
  const what = progress.scope === 'notes' ? 'their progress and conversation notes' : 'their progress';
  const names = progress.showNames ? 'with the names of the people and organisations' : 'without names: people and organisations show as “Person 1”, “Organisation 1”';
  return `${progress.explorer.name} lets you see ${what}, ${names}.`;
}

/** One explorer's conversations with notes, as a coach sees them. */
export function NotesList({ notes, level }: { notes: ExplorerNotes; level: number }) {
  if (notes.items.length === 0) return <p className="muted">No conversations with notes yet.</p>;
  return (
    <>
      {notes.items.map((item) => (
        <article key={item.interview.id} className="card">
          <Heading level={level}>
            {item.interview.contact.name}
            {item.interview.organization ? `, ${item.interview.organization.name}` : ''}
          </Heading>
          <p className="muted">{item.interview.heldAt ? `Held ${formatDateTime(item.interview.heldAt)}` : statusLabels[item.interview.status]}</p>
          {item.takeaways ? (
            <>
              <Heading level={level + 1}>What they learned</Heading>
              <p className="preview-body">{item.takeaways}</p>
            </>
          ) : null}
          {item.notes ? (
            <>
              <Heading level={level + 1}>Notes</Heading>
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

/**
 * One explorer's progress exactly as a coach sees it: the coach's page and the
 * student's sharing preview both draw this, from the same API shape. `notes` is
 * what goes under "Notes" when they are shared (the coach's page loads them itself).
 */
export function ExplorerView({ progress, notes, level = 1, idPrefix = '' }: { progress: ExplorerProgress; notes: ReactNode; level?: Level; idPrefix?: string }) {
  const { explorer, summary, agenda, interviews, scope } = progress;
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <>
      <div className="page-header">
        <div>
          <Heading level={level}>{explorer.name}</Heading>
          <p>
            {explorer.email} · <Health summary={summary} />
          </p>
          <p className="muted">{sharing(progress)}</p>
        </div>
      </div>
      <section className="card" aria-labelledby={id('counts-heading')}>
        <Heading level={level + 1} id={id('counts-heading')}>
          Interviews by state
        </Heading>
        <DataTable
          caption="Interviews by state"
          columns={['State', 'Interviews']}
          rows={interviewStatuses.filter((s) => summary.byStatus[s]).map((s) => ({ key: s, cells: [statusLabels[s], summary.byStatus[s]] }))}
        />
        <p className="muted">
          {summary.heldThisMonth} held this month · {summary.upcoming} booked ahead · last step {summary.lastActivityAt ? formatDate(summary.lastActivityAt) : 'none yet'}
        </p>
      </section>
      <section className="card" aria-labelledby={id('agenda-heading')}>
        <Heading level={level + 1} id={id('agenda-heading')}>
          What is due
        </Heading>
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
      <section className="card" aria-labelledby={id('interviews-heading')}>
        <Heading level={level + 1} id={id('interviews-heading')}>
          Conversations
        </Heading>
        {interviews.length === 0 ? (
          <p className="muted">No conversations yet.</p>
        ) : (
          <div className="table-wrap">
            <DataTable
              caption="Conversations"
              stack
              columns={['With', 'Organisation', 'State', 'Since']}
              rows={interviews.map((i) => ({ key: i.id, cells: [i.contact.name, i.organization?.name ?? '', statusLabels[i.status], formatDate(i.statusChangedAt)] }))}
            />
          </div>
        )}
      </section>
      <section aria-labelledby={id('notes-heading')}>
        <Heading level={level + 1} id={id('notes-heading')}>
          Notes
        </Heading>
        {scope === 'notes' ? notes : <p className="muted">{explorer.name} shares progress only, not their notes.</p>}
      </section>
    </>
  );
}
