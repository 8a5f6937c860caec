import { useState } from 'react';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { Question } from '../../../shared/schemas/questions.js';
import { ErrorState } from '../../ui/States.js';
import { useChooseInterviewQuestions, useQuestionBank } from './questions.api.js';

/** The questions chosen for one conversation, picked from the bank (favourites first). */
export function InterviewQuestions({ interview }: { interview: Interview }) {
  const bank = useQuestionBank();
  const [pick, setPick] = useState('');
  const save = useChooseInterviewQuestions(interview);
  const chosen = interview.prep.questionIds.map((id) => bank.data?.items.find((q) => q.id === id)).filter((q): q is Question => Boolean(q));
  const available = (bank.data?.items ?? []).filter((q) => !interview.prep.questionIds.includes(q.id)).sort((a, b) => Number(b.favourite) - Number(a.favourite));
  return (
    <section className="card" aria-labelledby="iq-heading">
      <h2 id="iq-heading">Questions for this conversation</h2>
      {chosen.length === 0 ? <p className="muted">None chosen yet. Three open questions are a good start.</p> : null}
      <ol>
        {chosen.map((q) => (
          <li key={q.id}>
            {q.text}{' '}
            <button type="button" className="link" onClick={() => save.mutate(interview.prep.questionIds.filter((id) => id !== q.id))}>
              Remove<span className="visually-hidden">: {q.text}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <div className="field">
          <label htmlFor="pick-question">Add a question from your bank</label>
          <select id="pick-question" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Choose…</option>
            {available.map((q) => (
              <option key={q.id} value={q.id}>
                {q.favourite ? '★ ' : ''}
                {q.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button
            type="button"
            disabled={!pick}
            onClick={() => {
              save.mutate([...interview.prep.questionIds, pick]);
              setPick('');
            }}
          >
            Add question
          </button>
        </div>
      </div>
      {save.isError ? <ErrorState error={save.error} /> : null}
    </section>
  );
}
