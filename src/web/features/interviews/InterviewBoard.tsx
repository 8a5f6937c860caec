import { useState, type DragEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { allowedTransitions, canTransition } from '../../../shared/lifecycle.js';
import type { Interview, InterviewStatus } from '../../../shared/schemas/interviews.js';
import { ApiError } from '../../api/client.js';
import { formatDateTime } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { ScheduleDialog } from './ScheduleDialog.js';
import { useInterviewBoard, useTransition } from './interviews.api.js';

/** The road most interviews travel, as full columns. */
const mainColumns: InterviewStatus[] = ['idea', 'requested', 'scheduled', 'held', 'thanked', 'keeping-in-touch'];
/** Where an interview ends without a conversation: compact columns beneath the main ones. */
const sideColumns: InterviewStatus[] = ['no-reply', 'declined', 'cancelled'];

export function explainRefusal(from: InterviewStatus, to: InterviewStatus): string {
  const allowed = allowedTransitions[from];
  if (allowed.length === 0) return `“${statusLabels[from]}” is a final state: this interview cannot move any more.`;
  return `An interview that is “${statusLabels[from]}” cannot go straight to “${statusLabels[to]}”. It can move to: ${allowed.map((s) => `“${statusLabels[s]}”`).join(', ')}.`;
}

function Card({ interview, onMove }: { interview: Interview; onMove: (to: InterviewStatus) => void }) {
  const moves = allowedTransitions[interview.status];
  return (
    <li
      className="interview-card"
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', interview.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Link to={`/interviews/${interview.id}`}>
        <strong>{interview.contact.name}</strong>
      </Link>
      <div className="meta">
        {interview.organization?.name ?? 'No organisation'}
        {interview.scheduledAt ? ` · ${formatDateTime(interview.scheduledAt)}` : ''}
      </div>
      {moves.length > 0 ? (
        <label className="meta">
          <span className="visually-hidden">Move interview with {interview.contact.name} to</span>
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) onMove(e.target.value as InterviewStatus);
            }}
          >
            <option value="">Move to…</option>
            {moves.map((to) => (
              <option key={to} value={to}>
                {statusLabels[to]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </li>
  );
}

export function InterviewBoard() {
  const list = useInterviewBoard();
  const transition = useTransition();
  const location = useLocation();
  // A notice handed over by the page the user came from (an interview just deleted, say).
  const [message, setMessage] = useState<string | null>(() => (location.state as { notice?: string } | null)?.notice ?? null);
  const [over, setOver] = useState<InterviewStatus | null>(null);
  const [scheduling, setScheduling] = useState<Interview | null>(null);

  const move = (interview: Interview, to: InterviewStatus) => {
    if (interview.status === to) return;
    if (!canTransition(interview.status, to)) return setMessage(explainRefusal(interview.status, to));
    if (to === 'scheduled' && !interview.scheduledAt) return setScheduling(interview);
    transition.mutate(
      { id: interview.id, to },
      {
        onSuccess: () => setMessage(`${interview.contact.name}: moved to “${statusLabels[to]}”.`),
        onError: failed,
      },
    );
  };
  const failed = (e: unknown) => setMessage(e instanceof ApiError ? e.message : 'That move did not work.');
  const drop = (event: DragEvent<HTMLElement>, to: InterviewStatus) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain');
    const interview = list.data?.items.find((i) => i.id === id);
    if (interview) move(interview, to);
  };

  const renderColumn = (status: InterviewStatus, items: Interview[]) => {
    const cards = items.filter((i) => i.status === status);
    return (
      <section
        key={status}
        className={`column${sideColumns.includes(status) ? ' side' : ''}${cards.length === 0 ? ' empty' : ''}${over === status ? ' drop-target' : ''}`}
        aria-labelledby={`col-${status}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(status);
        }}
        onDragLeave={() => setOver(null)}
        onDrop={(e) => drop(e, status)}
      >
        <h2 id={`col-${status}`}>
          {statusLabels[status]} <span className="badge">{cards.length}</span>
        </h2>
        <ul>
          {cards.map((interview) => (
            <Card key={interview.id} interview={interview} onMove={(to) => move(interview, to)} />
          ))}
        </ul>
      </section>
    );
  };

  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Interviews</h1>
          <p>Drag a card to move it, or use its “Move to…” menu. Only moves that make sense are allowed.</p>
        </div>
        <Link className="button primary" to="/people">
          Plan one from a person
        </Link>
      </div>
      <div role="status" aria-live="polite" className={message ? 'notice' : 'visually-hidden'}>
        {message}
      </div>
      {list.isPending ? <Loading what="interviews" /> : null}
      {list.isError ? <ErrorState error={list.error} retry={() => void list.refetch()} /> : null}
      {list.data?.items.length === 0 ? (
        <div className="card">
          <Empty title="No interviews yet">
            <p>Open a person and choose “Plan an interview” to put your first idea on the board.</p>
          </Empty>
        </div>
      ) : null}
      {list.data?.items.length ? (
        <div className="board-wrap">
          <div className="board">{mainColumns.map((status) => renderColumn(status, list.data.items))}</div>
          <div className="board board-side" role="group" aria-label="Ended without a conversation">
            {sideColumns.map((status) => renderColumn(status, list.data.items))}
          </div>
        </div>
      ) : null}
      {scheduling ? (
        <ScheduleDialog
          name={scheduling.contact.name}
          contactId={scheduling.contact.id}
          onClose={() => setScheduling(null)}
          onSchedule={(scheduledAt) => {
            transition.mutate({ id: scheduling.id, to: 'scheduled', scheduledAt }, { onSuccess: () => setMessage(`${scheduling.contact.name}: scheduled.`), onError: failed });
            setScheduling(null);
          }}
        />
      ) : null}
    </section>
  );
}
