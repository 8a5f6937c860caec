import type { Interview } from '../../../shared/schemas/interviews.js';
import type { Question } from '../../../shared/schemas/questions.js';
import { useQuestionBank } from './interviews.api.js';

/** The questions chosen for the conversation, ticked off as they are asked; each can start a note on it. */
export function ChosenQuestions({
  interview: i,
  onAsked,
  onNote,
}: {
  interview: Interview;
  onAsked: (askedQuestionIds: string[]) => void;
  onNote: (question: Question) => void;
}) {
  const bank = useQuestionBank();
  const chosen = i.prep.questionIds.map((qid) => bank.data?.items.find((q) => q.id === qid)).filter((q): q is Question => Boolean(q));
  const asked = new Set(i.live.askedQuestionIds);
  return (
    <section className="card" aria-labelledby="im-questions-heading">
      <h2 id="im-questions-heading">Questions</h2>
      {chosen.length === 0 ? <p className="muted">No questions chosen for this conversation.</p> : null}
      <ul className="im-questions">
        {chosen.map((q) => (
          <li key={q.id}>
            <label>
              <input type="checkbox" checked={asked.has(q.id)} onChange={(e) => onAsked(e.target.checked ? [...asked, q.id] : [...asked].filter((x) => x !== q.id))} /> {q.text}
            </label>
            <button type="button" className="link" onClick={() => onNote(q)}>
              Note on this<span className="visually-hidden">: {q.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
