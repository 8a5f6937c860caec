import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { InterviewNote, ThankYouDraft } from '../../../shared/schemas/conversation.js';
import { keyQuestions, type KeyQuestion } from '../../../shared/schemas/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { api, ApiError } from '../../api/client.js';
import { TextArea } from '../../ui/Field.js';
import { ErrorState } from '../../ui/States.js';
import { SaveActions } from '../../ui/SaveActions.js';

const LEANINGS = [-2, -1, 0, 1, 2] as const;
const leaningLabel: Record<number, string> = { [-2]: 'Clearly no', [-1]: 'Probably not', 0: 'Unsure', 1: 'Probably', 2: 'Clearly yes' };

/**
 * The debrief, best written within a day: what was learned (the takeaways), how it
 * fits, what is still unknown, who else to see, and a leaning on each key question
 * with the notes that support it.
 */
export function DebriefCard({ interview }: { interview: Interview }) {
  const client = useQueryClient();
  const notes = useQuery({ queryKey: ['interview', interview.id, 'notes'], queryFn: () => api.get<{ items: InterviewNote[] }>(`/api/v1/interviews/${interview.id}/notes`) });
  const d = interview.debrief;
  const [leanings, setLeanings] = useState<Record<KeyQuestion, number | null>>(d?.leanings ?? { success: null, fit: null, desire: null, prospects: null });
  const [evidence, setEvidence] = useState<Partial<Record<KeyQuestion, string[]>>>(d?.evidence ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.put<Interview>(`/api/v1/interviews/${interview.id}/debrief`, body),
    onSuccess: async () => {
      setErrors({});
      setSaved(true);
      await client.invalidateQueries();
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    save.mutate({ learned: String(data.get('learned') ?? ''), fit: text('fit'), unknowns: text('unknowns'), whoElse: text('whoElse'), leanings, evidence });
  };
  const items = (notes.data?.items ?? []).filter((n) => n.body.trim());
  return (
    <form id="debrief" className="card" onSubmit={submit} noValidate aria-labelledby="debrief-heading">
      <h2 id="debrief-heading">Debrief</h2>
      <p className="muted">Best written within a day, while it is fresh.{d ? ` Last saved ${new Date(d.completedAt).toLocaleString()}.` : ''}</p>
      <TextArea label="What I learned" name="learned" defaultValue={interview.takeaways ?? ''} rows={3} error={errors.learned} />
      <TextArea label="How it fits my skills, values and interests" name="fit" defaultValue={d?.fit ?? ''} rows={2} />
      <TextArea label="What else I need to know" name="unknowns" defaultValue={d?.unknowns ?? ''} rows={2} hint="One point per line; each becomes a suggested question on the decision board." />
      <TextArea label="Who else to talk to" name="whoElse" defaultValue={d?.whoElse ?? ''} rows={2} />
      {keyQuestions.map((q) => (
        <fieldset key={q.key} className="field">
          <legend>{q.question}</legend>
          <div className="leaning-scale" role="radiogroup" aria-label={`Leaning: ${q.question}`}>
            {LEANINGS.map((value) => (
              <label key={value} className="badge">
                <input type="radio" name={`leaning-${q.key}`} checked={leanings[q.key] === value} onChange={() => setLeanings({ ...leanings, [q.key]: value })} /> {leaningLabel[value]}
              </label>
            ))}
            <label className="badge">
              <input type="radio" name={`leaning-${q.key}`} checked={leanings[q.key] === null} onChange={() => setLeanings({ ...leanings, [q.key]: null })} /> Not yet
            </label>
          </div>
          {items.length ? (
            <details>
              <summary>Notes that support it ({evidence[q.key]?.length ?? 0})</summary>
              <ul>
                {items.map((n) => (
                  <li key={n.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={evidence[q.key]?.includes(n.id) ?? false}
                        onChange={(e) => {
                          const current = evidence[q.key] ?? [];
                          setEvidence({ ...evidence, [q.key]: e.target.checked ? [...current, n.id] : current.filter((x) => x !== n.id) });
                        }}
                      />{' '}
                      {n.body}
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {errors[`evidence.${q.key}`] ? <p className="error">{errors[`evidence.${q.key}`]}</p> : null}
        </fieldset>
      ))}
      {save.isError && Object.keys(errors).length === 0 ? <ErrorState error={save.error} /> : null}
      <SaveActions label="Save debrief" pending={save.isPending} saved={saved} savedText="Debrief saved." />
    </form>
  );
}

/** A thank-you drafted in the suggested format, quoting one thing learned; sending it is recorded in one step. */
export function ThankYouCard({ interview }: { interview: Interview }) {
  const client = useQueryClient();
  const draft = useQuery({ queryKey: ['interview', interview.id, 'thank-you', interview.updatedAt], queryFn: () => api.get<ThankYouDraft>(`/api/v1/interviews/${interview.id}/thank-you/draft`) });
  const [format, setFormat] = useState<'email' | 'handwritten' | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (chosen: 'email' | 'handwritten') => api.post<Interview>(`/api/v1/interviews/${interview.id}/thank-you`, { format: chosen, message: body ?? draft.data?.body ?? null }),
    onSuccess: () => client.invalidateQueries(),
  });
  if (draft.isError) return <ErrorState error={draft.error} />;
  if (!draft.data) return null;
  const chosen = format ?? draft.data.format;
  return (
    <section className="card" aria-labelledby="thanks-heading">
      <h2 id="thanks-heading">Thank-you</h2>
      <p>
        Suggested: <strong>{draft.data.format === 'handwritten' ? 'a handwritten note' : 'an email'}</strong>. {draft.data.reason}
      </p>
      {draft.data.takeaway ? <p className="muted">It quotes: “{draft.data.takeaway}”</p> : <p className="muted">Write your takeaways (or a few notes) and the draft will quote one.</p>}
      <div className="field">
        <label htmlFor="thanks-format">Send as</label>
        <select id="thanks-format" value={chosen} onChange={(e) => setFormat(e.target.value as 'email' | 'handwritten')}>
          <option value="email">Email</option>
          <option value="handwritten">Handwritten note</option>
        </select>
      </div>
      {draft.data.subject ? <p>Subject: {draft.data.subject}</p> : null}
      <TextArea label="Message" name="thanks-body" value={body ?? draft.data.body} onChange={(e) => setBody(e.target.value)} rows={8} />
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(body ?? draft.data.body)}>
          Copy
        </button>
        <button type="button" className="primary" disabled={record.isPending} onClick={() => record.mutate(chosen)}>
          I sent it — record the thank-you
        </button>
      </div>
      {record.isError ? <ErrorState error={record.error} /> : null}
    </section>
  );
}
