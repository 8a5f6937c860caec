import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DebriefInput, InterviewNote } from '../../../shared/schemas/conversation.js';
import { keyQuestions } from '../../../shared/vocabulary/explorations.js';
import type { KeyQuestion } from '../../../shared/schemas/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { Referral } from '../../../shared/schemas/referrals.js';
import { ApiError } from '../../api/client.js';
import { TextArea } from '../../ui/Field.js';
import { formatDateTime } from '../../ui/format.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useInterviewNotes, useInterviewReferrals, useRecordThankYou, useSaveDebrief, useThankYouDraft } from './interviews.api.js';
import { useAutosave } from './useAutosave.js';

const LEANINGS = [-2, -1, 0, 1, 2] as const;
const leaningLabel: Record<number, string> = { [-2]: 'Clearly no', [-1]: 'Probably not', 0: 'Unsure', 1: 'Probably', 2: 'Clearly yes' };

type Evidence = Partial<Record<KeyQuestion, string[]>>;

/** The notes tagged with a key question during the conversation, as the evidence for it. */
export function taggedEvidence(notes: InterviewNote[]): Evidence {
  const evidence: Evidence = {};
  for (const n of notes) if (n.keyQuestion && n.body.trim()) evidence[n.keyQuestion] = [...(evidence[n.keyQuestion] ?? []), n.id];
  return evidence;
}

/** The people suggested during the conversation, one a line, to start "Who else to talk to". */
export const referralLines = (referrals: Referral[]): string => referrals.map((r) => r.to.name).join('\n');

/**
 * The debrief, best written within a day: what was learned (the takeaways), how it
 * fits, what is still unknown, who else to see, and a leaning on each key question
 * with the notes that support it. What interview mode already knows is filled in: the
 * notes tagged with a key question are its evidence, and the people suggested are in
 * "Who else to talk to".
 */
export function DebriefCard({ interview }: { interview: Interview }) {
  const notes = useInterviewNotes(interview.id);
  const referrals = useInterviewReferrals(interview.id);
  if (notes.isPending || referrals.isPending) return <Loading what="the debrief" />;
  if (notes.isError) return <ErrorState error={notes.error} retry={() => void notes.refetch()} />;
  return <DebriefForm interview={interview} notes={notes.data.items} referrals={referrals.data?.items ?? []} />;
}

function DebriefForm({ interview, notes, referrals }: { interview: Interview; notes: InterviewNote[]; referrals: Referral[] }) {
  const saveDebrief = useSaveDebrief(interview.id);
  const form = useRef<HTMLFormElement>(null);
  const d = interview.debrief;
  const [leanings, setLeanings] = useState<Record<KeyQuestion, number | null>>(d?.leanings ?? { success: null, fit: null, desire: null, prospects: null });
  // Until the debrief is saved, the tagged notes are the suggested evidence.
  const [evidence, setEvidence] = useState<Evidence>(() => d?.evidence ?? taggedEvidence(notes));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const autosave = useAutosave(async (body: DebriefInput) => {
    try {
      await saveDebrief(body);
      setErrors({});
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : {});
      throw error;
    }
  });
  const [needsLearned, setNeedsLearned] = useState(false);
  const [learnedError, setLearnedError] = useState(false);
  /** Saves shortly (or now), once there is something learned to save. */
  const save = (next: { leanings?: typeof leanings; evidence?: Evidence } = {}, now = false) => {
    if (!form.current) return;
    const data = new FormData(form.current);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    const learned = String(data.get('learned') ?? '');
    if (!learned.trim()) {
      // Nothing is saved without what was learned; say so (beside the field only when the user asked to save).
      setNeedsLearned(true);
      setLearnedError(now);
      return;
    }
    setNeedsLearned(false);
    setLearnedError(false);
    // A note deleted since it was chosen is no longer evidence.
    const existing = new Set(notes.map((n) => n.id));
    const cited = Object.fromEntries(Object.entries(next.evidence ?? evidence).map(([key, ids]) => [key, ids.filter((noteId) => existing.has(noteId))]));
    autosave.schedule({ learned, fit: text('fit'), unknowns: text('unknowns'), whoElse: text('whoElse'), leanings: next.leanings ?? leanings, evidence: cited });
    if (now) void autosave.flush();
  };
  const changeLeanings = (next: typeof leanings) => {
    setLeanings(next);
    save({ leanings: next });
  };
  const changeEvidence = (next: Evidence) => {
    setEvidence(next);
    save({ evidence: next });
  };
  const items = notes.filter((n) => n.body.trim());
  const status =
    autosave.state === 'saved'
      ? 'Debrief saved.'
      : autosave.state === 'saving'
        ? 'Saving…'
        : autosave.state === 'pending'
          ? 'Changes not saved yet…'
          : autosave.state === 'failed'
            ? `Not saved. ${Object.keys(errors).length ? 'Check the fields marked above.' : autosave.error instanceof Error ? autosave.error.message : ''}`
            : needsLearned
              ? 'Not saved yet: write what you learned first, then the debrief saves as you type.'
              : '';
  return (
    <form
      id="debrief"
      ref={form}
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        save({}, true);
      }}
      onChange={(event) => {
        // Text fields; the leanings and the evidence save through their own handlers.
        if ((event.target as HTMLElement).tagName === 'TEXTAREA') save();
      }}
      noValidate
      aria-labelledby="debrief-heading"
    >
      <h2 id="debrief-heading">Debrief</h2>
      <p className="muted">
        Best written within a day, while it is fresh. It saves as you type once you have written what you learned.
        {d ? ` Last saved ${formatDateTime(d.completedAt)}.` : ''}
      </p>
      <TextArea label="What I learned" name="learned" defaultValue={interview.takeaways ?? ''} rows={3} error={errors.learned ?? (learnedError ? 'Write at least one thing you learned.' : undefined)} />
      <TextArea label="How it fits my skills, values and interests" name="fit" defaultValue={d?.fit ?? ''} rows={2} />
      <TextArea label="What else I need to know" name="unknowns" defaultValue={d?.unknowns ?? ''} rows={2} hint="One point per line; each becomes a suggested question on the decision board." />
      <TextArea
        label="Who else to talk to"
        name="whoElse"
        defaultValue={d?.whoElse ?? referralLines(referrals)}
        rows={2}
        hint={referrals.length ? 'Filled in with the people suggested in interview mode; add anyone else.' : undefined}
      />
      {referrals.length ? (
        <div className="debrief-referrals">
          <p className="muted">Suggested during the conversation (already in your people):</p>
          <ul className="plain-list">
            {referrals.map((r) => (
              <li key={r.id}>
                <Link to={`/people/${r.to.id}`}>{r.to.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {keyQuestions.map((q) => {
        const chosen = evidence[q.key] ?? [];
        // Notes tagged with this question first.
        const ordered = [...items.filter((n) => n.keyQuestion === q.key), ...items.filter((n) => n.keyQuestion !== q.key)];
        return (
          <fieldset key={q.key} className="field">
            <legend>{q.question}</legend>
            <div className="leaning-scale" role="radiogroup" aria-label={`Leaning: ${q.question}`}>
              {LEANINGS.map((value) => (
                <label key={value} className="badge">
                  <input type="radio" name={`leaning-${q.key}`} checked={leanings[q.key] === value} onChange={() => changeLeanings({ ...leanings, [q.key]: value })} /> {leaningLabel[value]}
                </label>
              ))}
              <label className="badge">
                <input type="radio" name={`leaning-${q.key}`} checked={leanings[q.key] === null} onChange={() => changeLeanings({ ...leanings, [q.key]: null })} /> Not yet
              </label>
            </div>
            {items.length ? (
              <details open={chosen.length > 0}>
                <summary>Notes that support it ({chosen.length})</summary>
                <ul>
                  {ordered.map((n) => (
                    <li key={n.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={chosen.includes(n.id)}
                          onChange={(e) => changeEvidence({ ...evidence, [q.key]: e.target.checked ? [...chosen, n.id] : chosen.filter((x) => x !== n.id) })}
                        />{' '}
                        {n.body}
                        {n.keyQuestion === q.key ? <span className="muted"> (tagged during the conversation)</span> : null}
                      </label>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {errors[`evidence.${q.key}`] ? <p className="error">{errors[`evidence.${q.key}`]}</p> : null}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit" className="primary" disabled={autosave.state === 'saving'}>
          Save debrief
        </button>
        <span role="status">{status}</span>
      </div>
    </form>
  );
}

/** A thank-you drafted in the suggested format, quoting one thing learned; sending it is recorded in one step. */
export function ThankYouCard({ interview }: { interview: Interview }) {
  const draft = useThankYouDraft(interview);
  const [format, setFormat] = useState<'email' | 'handwritten' | null>(null);
  // The message as edited is kept in this browser until it is recorded, so leaving the page loses nothing.
  const stored = `inroads:thank-you:${interview.id}`;
  const [body, setBodyState] = useState<string | null>(() => localStorage.getItem(stored));
  const setBody = (text: string) => {
    setBodyState(text);
    localStorage.setItem(stored, text);
  };
  const record = useRecordThankYou(interview.id, () => localStorage.removeItem(stored));
  const recordAs = (chosen: 'email' | 'handwritten') => record.mutate({ format: chosen, message: body ?? draft.data?.body ?? null });
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
      <TextArea
        label="Message"
        name="thanks-body"
        value={body ?? draft.data.body}
        onChange={(e) => setBody(e.target.value)}
        rows={8}
        hint={body === null ? undefined : 'Your changes are kept in this browser until you record the thank-you.'}
      />
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(body ?? draft.data.body)}>
          Copy
        </button>
        <button type="button" className="primary" disabled={record.isPending} onClick={() => recordAs(chosen)}>
          I sent it — record the thank-you
        </button>
      </div>
      {record.isError ? <ErrorState error={record.error} /> : null}
    </section>
  );
}
