import { useState, type FormEvent } from 'react';
import { seniorities } from '../../../shared/vocabulary/contacts.js';
import type { Seniority } from '../../../shared/schemas/contacts.js';
import { questionCategories } from '../../../shared/vocabulary/questions.js';
import type { Question } from '../../../shared/schemas/questions.js';
import { ApiError } from '../../api/client.js';
import { optionsFrom, SelectField } from '../../ui/Field.js';
import { seniorityLabels } from '../../ui/labels.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { useUnsavedChanges } from '../../ui/unsaved.js';
import { QuestionFindings } from './QuestionFindings.js';
import { useAddQuestion, useQuestions, useUpdateQuestion } from './questions.api.js';

export const categoryLabels: Record<string, string> = {
  trends: 'Trends',
  insights: 'Insights',
  advice: 'Advice',
  resources: 'Resources',
  assignments: 'Assignments',
  'day-in-the-life': 'A day in the life',
  'career-path': 'Career path',
  culture: 'Culture',
  fit: 'Fit',
};

function AddQuestion() {
  const [text, setText] = useState('');
  const [category, setCategory] = useState<Question['category']>('advice');
  const [audiences, setAudiences] = useState<Seniority[]>(['peer', 'one-step-above']);
  const [error, setError] = useState<string | undefined>();
  const leave = useUnsavedChanges(text.trim() !== '');
  const add = useAddQuestion();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { text, category, audiences },
      {
        onSuccess: () => {
          setText('');
          setError(undefined);
        },
        onError: (e) => setError(e instanceof ApiError ? e.message : 'Could not save the question.'),
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-question-heading">
      <h2 id="add-question-heading">Add your own question</h2>
      <div className="field">
        <label htmlFor="new-question">Question</label>
        <textarea id="new-question" rows={2} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={error ? 'new-question-error' : undefined} />
        {error ? (
          <div className="error" id="new-question-error">
            {error}
          </div>
        ) : null}
      </div>
      <QuestionFindings text={text} audience={audiences[0] ?? 'peer'} editorId="new-question" />
      <div className="row">
        <SelectField label="Category" value={category} onChange={(e) => setCategory(e.target.value as Question['category'])} options={optionsFrom(categoryLabels)} />
        <fieldset className="field">
          <legend>
            <strong>Good to ask</strong>
          </legend>
          <div className="actions">
            {seniorities.map((level) => (
              <label key={level} className="checklist-item">
                <input
                  type="checkbox"
                  checked={audiences.includes(level)}
                  onChange={(e) => setAudiences((current) => (e.target.checked ? [...current, level] : current.filter((a) => a !== level)))}
                />{' '}
                {seniorityLabels[level]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="primary" disabled={!text.trim() || audiences.length === 0 || add.isPending}>
        Add question
      </button>
      {leave.dialog}
    </form>
  );
}

function QuestionRow({ question, onStar }: { question: Question; onStar: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(question.text);
  const leave = useUnsavedChanges(editing && text.trim() !== question.text.trim());
  const save = useUpdateQuestion();
  return (
    <li className="question-row">
      <button type="button" className="link" aria-pressed={question.favourite} aria-label={`Favourite: ${question.text}`} onClick={onStar}>
        {question.favourite ? '★' : '☆'}
      </button>
      {editing ? (
        <form
          className="question-edit"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ id: question.id, text }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${question.id}`}>
            Question text
          </label>
          <input id={`edit-${question.id}`} value={text} onChange={(e) => setText(e.target.value)} />
          <QuestionFindings text={text} audience={question.audiences[0] ?? 'peer'} editorId={`edit-${question.id}`} />
          <div className="actions">
            <button type="submit" className="primary" disabled={!text.trim() || save.isPending}>
              Save
            </button>
            <button
              type="button"
              onClick={() =>
                leave.confirm(() => {
                  setEditing(false);
                  setText(question.text);
                })
              }
            >
              Cancel
            </button>
          </div>
          {save.isError ? <ErrorState error={save.error} /> : null}
          {leave.dialog}
        </form>
      ) : (
        <span>
          {question.text} <span className="muted">· {question.audiences.map((a) => seniorityLabels[a]).join(', ')}</span>{' '}
          <button type="button" className="link" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden">: {question.text}</span>
          </button>
        </span>
      )}
    </li>
  );
}

/** The question bank: the built-in starter set and your own, by category, with favourites. */
export function QuestionsPage() {
  const [category, setCategory] = useState('');
  const [audience, setAudience] = useState('');
  const [favourites, setFavourites] = useState(false);
  const bank = useQuestions({ category, audience, favourites });
  const star = useUpdateQuestion();
  const grouped = questionCategories
    .map((c) => ({ category: c, items: (bank.data?.items ?? []).filter((q) => q.category === c) }))
    .filter((g) => g.items.length > 0);
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Questions</h1>
          <p>Open questions that get people talking. Star the ones you like; choose them for each conversation on the interview page.</p>
        </div>
      </div>
      <form className="toolbar" aria-label="Filter questions" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Category" value={category} onChange={(e) => setCategory(e.target.value)} options={optionsFrom(categoryLabels, 'All')} />
        <SelectField label="Good for" value={audience} onChange={(e) => setAudience(e.target.value)} options={optionsFrom(seniorityLabels, 'Anyone')} />
        <label className="checklist-item">
          <input type="checkbox" checked={favourites} onChange={(e) => setFavourites(e.target.checked)} /> Favourites only
        </label>
      </form>
      {bank.isPending ? <Loading what="questions" /> : null}
      {bank.isError ? <ErrorState error={bank.error} /> : null}
      {star.isError ? <ErrorState error={star.error} /> : null}
      {bank.data?.items.length === 0 ? (
        <div className="card">
          <Empty title="No questions match">
            <p>Try another category, or add your own below.</p>
          </Empty>
        </div>
      ) : null}
      {grouped.map((group) => (
        <section key={group.category} className="card" aria-labelledby={`cat-${group.category}`}>
          <h2 id={`cat-${group.category}`}>{categoryLabels[group.category]}</h2>
          <ul className="plain-list">
            {group.items.map((q) => (
              <QuestionRow key={q.id} question={q} onStar={() => star.mutate({ id: q.id, favourite: !q.favourite })} />
            ))}
          </ul>
        </section>
      ))}
      <AddQuestion />
    </section>
  );
}
