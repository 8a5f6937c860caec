import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DecisionBoard as Board, Evidence } from '../../../shared/schemas/decisions.js';
import type { Question } from '../../../shared/schemas/questions.js';
import { formatDate } from '../../ui/format.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useAddToQuestionBank, useDecisionBoard } from './explorations.api.js';

const verdictLabels: Record<Board['questions'][number]['verdict'], string> = {
  unanswered: 'No evidence yet',
  mixed: 'Mixed',
  'leaning-yes': 'Leaning yes',
  'leaning-no': 'Leaning no',
};
const leaning = (n: number | null) => (n === null ? 'not set' : n > 0 ? `+${n}` : String(n));

function EvidenceList({ items, empty }: { items: Evidence[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  // Most recent first, so a printout (which keeps three a side) shows the latest.
  const latest = [...items].reverse();
  return (
    <>
    <ul>
      {latest.map((e) => (
        <li key={e.noteId}>
          {e.text} <span className="muted">— {e.contactName}, {formatDate(e.date)}</span>
        </li>
      ))}
    </ul>
    {items.length > 3 ? <p className="print-only muted">…and {items.length - 3} more on screen.</p> : null}
    </>
  );
}

/** Files a suggested question in the bank, so it can be chosen for the next interviews. */
function AddToBank({ text, category }: { text: string; category: Question['category'] }) {
  const [added, setAdded] = useState(false);
  const add = useAddToQuestionBank();
  if (added) return <span className="badge accent">In your questions</span>;
  return (
    <>
      <button type="button" className="link no-print" onClick={() => add.mutate({ text, category }, { onSuccess: () => setAdded(true) })} disabled={add.isPending}>
        Add to my questions<span className="visually-hidden">: {text}</span>
      </button>
      {add.isError ? <ErrorState error={add.error} /> : null}
    </>
  );
}

/** What several conversations say about the path, on one printable page. */
export function DecisionBoard() {
  const { id = '' } = useParams();
  const board = useDecisionBoard(id);
  if (board.isPending) return <Loading what="the decision board" />;
  if (board.isError) return <ErrorState error={board.error} />;
  const b = board.data;
  return (
    <section className="decision-board">
      <div className="page-header">
        <div>
          <h1>Decision board: {b.exploration.title}</h1>
          <p className="muted">
            {b.interviews.length} conversation{b.interviews.length === 1 ? '' : 's'} held. <Link to={`/explorations/${b.exploration.id}`} className="no-print">Back to the exploration</Link>
          </p>
        </div>
        <div className="actions no-print">
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </div>
      {b.interviews.length === 0 ? (
        <div className="card" role="note">
          <p>
            No conversations held yet in this exploration. Once you hold one with someone filed under it, the notes you tag with a key question
            show up here as evidence for or against, with your leanings from each debrief.
          </p>
        </div>
      ) : null}
      <div className="dq-grid">
      {b.questions.map((q) => (
        <section key={q.key} className="card" aria-labelledby={`dq-${q.key}`}>
          <h2 id={`dq-${q.key}`}>
            {q.question} <span className="badge accent">{verdictLabels[q.verdict]}</span>
          </h2>
          <p className="muted">
            Your leaning on the exploration: {leaning(q.current)} · average over debriefs: {q.average === null ? 'none yet' : leaning(q.average)}
          </p>
          <div className="evidence">
            <div>
              <h3>For</h3>
              <EvidenceList items={q.for} empty="Nothing in favour noted yet." />
            </div>
            <div>
              <h3>Against</h3>
              <EvidenceList items={q.against} empty="Nothing against noted yet." />
            </div>
          </div>
          {q.other.length ? (
            <>
              <h3>Also noted</h3>
              <EvidenceList items={q.other} empty="" />
            </>
          ) : null}
          {q.history.length ? (
            <table className="data">
              <caption className="visually-hidden">Leaning over time: {q.question}</caption>
              <thead>
                <tr>
                  <th scope="col">After talking to</th>
                  <th scope="col">Date</th>
                  <th scope="col">Leaning (−2 to +2)</th>
                </tr>
              </thead>
              <tbody>
                {q.history.map((h) => (
                  <tr key={h.interviewId}>
                    <td>{h.contactName}</td>
                    <td>{formatDate(h.date)}</td>
                    <td>{leaning(h.leaning)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
      </div>
      <section className="card" aria-labelledby="dq-next">
        <h2 id="dq-next">What to ask next</h2>
        <p className="muted no-print">Add a question to your bank, then choose it for your next conversations.</p>
        {b.suggestedQuestions.length === 0 ? <p className="muted">Nothing open: the evidence answers each question.</p> : null}
        <ul>
          {b.suggestedQuestions.map((s) => (
            <li key={s.text}>
              {s.text} <span className="muted">— {s.reason}</span> <AddToBank text={s.text} category={s.category} />
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="dq-talks">
        <h2 id="dq-talks">Conversations</h2>
        {b.interviews.length === 0 ? <p className="muted">None held yet. Each one you hold in this exploration is listed here with its takeaways.</p> : null}
        <ul>
          {b.interviews.map((i) => (
            <li key={i.id}>
              <Link to={`/interviews/${i.id}`}>{i.contactName}</Link>
              {i.organizationName ? `, ${i.organizationName}` : ''} · {formatDate(i.date)}
              {i.takeaways ? ` — ${i.takeaways}` : ''}
              {i.debriefed ? '' : ' (no debrief yet)'}
            </li>
          ))}
        </ul>
      </section>
      {b.exploration.conclusion ? (
        <section className="card" aria-labelledby="dq-conclusion">
          <h2 id="dq-conclusion">Conclusion so far</h2>
          <p>{b.exploration.conclusion}</p>
        </section>
      ) : null}
    </section>
  );
}
