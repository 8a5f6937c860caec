import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { agendaSteps, duePrompts, stances, type AgendaStep, type InterviewNote } from '../../../shared/schemas/conversation.js';
import { keyQuestions, type KeyQuestion } from '../../../shared/schemas/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { questionCategories, type Question } from '../../../shared/schemas/questions.js';
import { api, ApiError, type Page } from '../../api/client.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { categoryLabels } from '../questions/QuestionsPage.js';

interface Draft {
  noteId: string | null;
  body: string;
  keyQuestion: KeyQuestion | null;
  stance: 'for' | 'against' | null;
  questionCategory: string | null;
  questionId: string | null;
}

const emptyDraft = (): Draft => ({ noteId: null, body: '', keyQuestion: null, stance: null, questionCategory: null, questionId: null });
const draftKey = (id: string) => `inroads:interview-draft:${id}`;
const SAVE_AFTER_MS = 400;
const RETRY_AFTER_MS = 5000;

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Seconds since `startedAt`, ticking once a second. */
function useElapsed(startedAt: string | null, endedAt: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt || endedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt, endedAt]);
  if (!startedAt) return 0;
  return ((endedAt ? Date.parse(endedAt) : now) - Date.parse(startedAt)) / 1000;
}

const shortcuts: Array<[string, string]> = [
  ['Enter', 'save the note and start a new one (Shift+Enter for a new line)'],
  ['Alt+M', 'go to the note'],
  ['Alt+N / Alt+P', 'next / previous agenda step'],
  ['Alt+1 … Alt+4', 'tag the note with a key question'],
  ['Alt+R', 'add a person they suggest'],
  ['Alt+S', 'start or stop the timer'],
];

/**
 * Interview mode: a focused screen for the conversation itself. The agenda, a timer
 * with gentle prompts, the chosen questions to tick off, notes saved as they are
 * typed (kept in the browser too, so a reload or a crash loses nothing), and a
 * quick way to add the people they suggest.
 */
export function InterviewMode() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const interview = useQuery({ queryKey: ['interview', id], queryFn: () => api.get<Interview>(`/api/v1/interviews/${id}`) });
  const notes = useQuery({ queryKey: ['interview', id, 'notes'], queryFn: () => api.get<{ items: InterviewNote[] }>(`/api/v1/interviews/${id}/notes`) });
  const bank = useQuery({ queryKey: ['questions', 'all'], queryFn: () => api.get<Page<Question>>('/api/v1/questions', { limit: 500, sort: 'category' }) });
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const saved = localStorage.getItem(draftKey(id));
      return saved ? { ...emptyDraft(), ...(JSON.parse(saved) as Partial<Draft>) } : emptyDraft();
    } catch {
      return emptyDraft();
    }
  });
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'unsaved' | 'failed'>('saved');
  const [referralName, setReferralName] = useState('');
  const [referralOrg, setReferralOrg] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const referralRef = useRef<HTMLInputElement>(null);
  const draftRef = useRef(draft);
  const pending = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const i = interview.data;
  const elapsed = useElapsed(i?.live.startedAt ?? null, i?.live.endedAt ?? null);

  // Ticks and agenda moves show at once; the server's answer (or a failure) settles them.
  const live = useMutation({
    mutationKey: ['interview-live', id],
    mutationFn: (body: Partial<Interview['live']>) => api.put<Interview>(`/api/v1/interviews/${id}/live`, body),
    // A refetch in flight is dropped, so it cannot bring back the state from before this change.
    onMutate: () => client.cancelQueries({ queryKey: ['interview', id], exact: true }, { revert: false }),
    // Quick moves (a step, then a tick) overlap: an earlier answer must not undo a later change still on its way.
    // The server merges each partial change, so the last answer to arrive has them all.
    onSuccess: (updated) => {
      if (client.isMutating({ mutationKey: ['interview-live', id] }) <= 1) client.setQueryData(['interview', id], updated);
    },
  });
  /** Shows a change at once (a tick stays ticked as it is clicked), saves it, and puts it back if the save fails. */
  const changeLive = (body: Partial<Interview['live']>) => {
    const before = client.getQueryData<Interview>(['interview', id]);
    if (before) client.setQueryData<Interview>(['interview', id], { ...before, live: { ...before.live, ...body } });
    live.mutate(body, { onError: () => before && client.setQueryData(['interview', id], before) });
  };

  // Keeps the note in the browser on every keystroke, and on the server shortly after.
  const remember = (next: Draft) => {
    draftRef.current = next;
    localStorage.setItem(draftKey(id), JSON.stringify(next));
  };
  const saveNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = async () => {
      const current = draftRef.current;
      if (!current.noteId && !current.body.trim()) return;
      setSaveState('saving');
      const fields = {
        body: current.body,
        keyQuestion: current.keyQuestion,
        stance: current.keyQuestion ? current.stance : null,
        questionCategory: current.questionCategory,
        questionId: current.questionId,
      };
      try {
        let noteId = current.noteId;
        if (noteId) {
          try {
            await api.patch(`/api/v1/interviews/${id}/notes/${noteId}`, fields);
          } catch (error) {
            // The note was deleted meanwhile (in another tab, say): keep the text as a new note.
            if (!(error instanceof ApiError && error.status === 404)) throw error;
            noteId = null;
          }
        }
        if (!noteId) {
          const step = client.getQueryData<Interview>(['interview', id])?.live.step ?? 'questions';
          const created = await api.post<InterviewNote>(`/api/v1/interviews/${id}/notes`, { ...fields, agendaStep: step });
          // The user may have typed on while the note was being created.
          remember({ ...draftRef.current, noteId: created.id });
          setDraft((d) => ({ ...d, noteId: created.id }));
          if (draftRef.current.body !== current.body) {
            await api.patch(`/api/v1/interviews/${id}/notes/${created.id}`, { ...fields, body: draftRef.current.body });
          }
        }
        setSaveState('saved');
      } catch {
        setSaveState('failed');
        // Try again shortly; meanwhile the text is safe in this browser.
        if (!timer.current) timer.current = setTimeout(() => void saveNow(), RETRY_AFTER_MS);
      }
    };
    pending.current = pending.current.then(run);
    await pending.current;
  }, [client, id]);

  const change = (patch: Partial<Draft>) => {
    const next = { ...draftRef.current, ...patch };
    setDraft(next);
    remember(next);
    setSaveState('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_AFTER_MS);
  };

  // A draft left in the browser (a reload, a crash) goes back to the server first.
  useEffect(() => {
    if (draftRef.current.body.trim()) void saveNow();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [saveNow]);

  // When a save finishes, the caret goes back to the note, unless the user has moved elsewhere meanwhile.
  const refocusNote = (stillIn: (active: Element) => boolean) => {
    const active = document.activeElement;
    if (!active || active === document.body || stillIn(active)) noteRef.current?.focus();
  };

  const [finishing, setFinishing] = useState(false);
  const finishNote = async () => {
    if (!draftRef.current.body.trim()) return;
    // The note is read-only for the moment it takes to save, so nothing typed meanwhile lands in the wrong note.
    setFinishing(true);
    try {
      await saveNow();
    } finally {
      setFinishing(false);
    }
    const next = { ...emptyDraft(), keyQuestion: null, questionCategory: null };
    setDraft(next);
    remember(next);
    localStorage.removeItem(draftKey(id));
    setAnnouncement('Note saved.');
    await client.invalidateQueries({ queryKey: ['interview', id, 'notes'] });
    refocusNote((active) => active === noteRef.current);
  };

  const removeNote = useMutation({
    mutationFn: (noteId: string) => api.delete(`/api/v1/interviews/${id}/notes/${noteId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['interview', id, 'notes'] }),
  });

  const referral = useMutation({
    mutationFn: (body: { name: string; organization?: string }) =>
      api.post<{ contact: { id: string; name: string }; existing: boolean }>(`/api/v1/interviews/${id}/referrals`, body),
    onSuccess: async (result) => {
      setReferralName('');
      setReferralOrg('');
      setAnnouncement(`${result.existing ? 'Linked' : 'Added'} ${result.contact.name}${result.existing ? ' (already in Inroads)' : ''}, suggested by ${i?.contact.name ?? 'them'}.`);
      await client.invalidateQueries({ queryKey: ['interview', id, 'referrals'] });
      refocusNote((active) => Boolean(active.closest('.im-referral')));
    },
  });
  const referrals = useQuery({
    queryKey: ['interview', id, 'referrals'],
    queryFn: () => api.get<Page<{ id: string; to: { id: string; name: string } }>>('/api/v1/referrals', { interviewId: id, limit: 100 }),
  });

  const steps = agendaSteps.map((s) => s.key);
  const moveStep = (delta: number) => {
    if (!i) return;
    const index = Math.min(steps.length - 1, Math.max(0, steps.indexOf(i.live.step) + delta));
    const step = steps[index] as AgendaStep;
    changeLive({ step });
    setAnnouncement(`Agenda: ${agendaSteps[index]?.label ?? step}.`);
  };
  const toggleTimer = () => {
    if (!i) return;
    if (!i.live.startedAt || i.live.endedAt) changeLive({ startedAt: new Date().toISOString(), endedAt: null });
    else changeLive({ endedAt: new Date().toISOString() });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^Digit([1-4])$/.exec(event.code)?.[1];
    if (event.code === 'KeyN') moveStep(1);
    else if (event.code === 'KeyP') moveStep(-1);
    else if (event.code === 'KeyM') noteRef.current?.focus();
    else if (event.code === 'KeyR') referralRef.current?.focus();
    else if (event.code === 'KeyS') toggleTimer();
    else if (digit) {
      const key = keyQuestions[Number(digit) - 1]?.key ?? null;
      change({ keyQuestion: draftRef.current.keyQuestion === key ? null : key });
    } else return;
    event.preventDefault();
  };

  if (interview.isPending) return <Loading what="this interview" />;
  if (interview.isError || !i) return <ErrorState error={interview.error} />;

  const planned = i.plannedMinutes;
  const prompts = i.live.startedAt ? duePrompts(planned, elapsed) : [];
  const prompt = prompts[prompts.length - 1];
  const chosen = i.prep.questionIds.map((qid) => bank.data?.items.find((q) => q.id === qid)).filter((q): q is Question => Boolean(q));
  const asked = new Set(i.live.askedQuestionIds);
  const saved = (notes.data?.items ?? []).filter((n) => n.id !== draft.noteId && n.body.trim()).reverse();

  const submitReferral = (event: FormEvent) => {
    event.preventDefault();
    if (referralName.trim()) referral.mutate({ name: referralName.trim(), ...(referralOrg.trim() ? { organization: referralOrg.trim() } : {}) });
  };

  return (
    <div className="interview-mode" onKeyDown={onKeyDown}>
      <header className="im-header">
        <div>
          <h1>
            Talking with {i.contact.name}
            {i.organization ? <span className="muted"> · {i.organization.name}</span> : null}
          </h1>
          <p className="muted">
            Planned: {planned} minutes. <Link to={`/interviews/${i.id}`}>Leave interview mode</Link>
          </p>
        </div>
        <div className="im-timer">
          <span role="timer" aria-label={`Time elapsed of ${planned} minutes`} className={elapsed >= planned * 60 ? 'over' : ''}>
            {clock(elapsed)} <span className="muted">/ {planned}:00</span>
          </span>
          <button type="button" className="primary" onClick={toggleTimer} aria-keyshortcuts="Alt+S">
            {!i.live.startedAt ? 'Start' : i.live.endedAt ? 'Resume' : 'Stop'}
          </button>
          {i.live.startedAt ? (
            <button
              type="button"
              onClick={async () => {
                await finishNote();
                if (!i.live.endedAt) await live.mutateAsync({ endedAt: new Date().toISOString() });
                // The conversation happened: a scheduled interview is now held, from when it started.
                if (i.status === 'scheduled') {
                  await api.post(`/api/v1/interviews/${i.id}/transitions`, { to: 'held', at: i.live.startedAt ?? new Date().toISOString() });
                }
                await client.invalidateQueries();
                navigate(`/interviews/${i.id}#debrief`);
              }}
            >
              End and debrief
            </button>
          ) : null}
        </div>
      </header>
      {live.isError ? <ErrorState error={live.error} /> : null}
      <div className="im-prompt" role="status" aria-live="polite">
        {prompt ? <p className={`prompt ${prompt.kind}`}>{prompt.message}</p> : null}
        {!i.live.startedAt ? <p className="muted">Press Start (Alt+S) when the conversation begins; gentle reminders appear as time passes.</p> : null}
      </div>
      <div className="im-grid">
        <nav aria-label="Agenda" className="im-agenda card">
          <h2>Agenda</h2>
          <ol>
            {agendaSteps.map((s) => (
              <li key={s.key}>
                <button type="button" className={s.key === i.live.step ? 'step current' : 'step'} aria-current={s.key === i.live.step ? 'step' : undefined} onClick={() => changeLive({ step: s.key })}>
                  <strong>{s.label}</strong>
                  <span className="muted">{s.hint}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <section className="im-notes card" aria-labelledby="im-notes-heading">
          <h2 id="im-notes-heading">Notes</h2>
          <div className="field">
            <label htmlFor="im-note">Note ({agendaSteps.find((s) => s.key === i.live.step)?.label})</label>
            <textarea
              id="im-note"
              ref={noteRef}
              rows={4}
              value={draft.body}
              readOnly={finishing}
              aria-busy={finishing}
              aria-keyshortcuts="Alt+M"
              aria-describedby="im-save-state"
              onChange={(e) => change({ body: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
                  e.preventDefault();
                  void finishNote();
                }
              }}
            />
            <p id="im-save-state" className="hint">
              {{ saved: draft.noteId ? 'Saved as you type.' : 'Notes are saved as you type.', saving: 'Saving…', unsaved: 'Typing… kept in this browser.', failed: 'Not saved to Inroads yet; kept in this browser. Still trying.' }[saveState]}
            </p>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="im-key">Key question</label>
              <select id="im-key" value={draft.keyQuestion ?? ''} onChange={(e) => change({ keyQuestion: (e.target.value || null) as KeyQuestion | null })}>
                <option value="">None</option>
                {keyQuestions.map((q, n) => (
                  <option key={q.key} value={q.key}>
                    {n + 1}. {q.question}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="im-stance">It speaks</label>
              <select id="im-stance" value={draft.stance ?? ''} disabled={!draft.keyQuestion} onChange={(e) => change({ stance: (e.target.value || null) as Draft['stance'] })}>
                <option value="">Neither way</option>
                {stances.map((s) => (
                  <option key={s} value={s}>
                    {s === 'for' ? 'For' : 'Against'}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="im-category">Topic</label>
              <select id="im-category" value={draft.questionCategory ?? ''} onChange={(e) => change({ questionCategory: e.target.value || null })}>
                <option value="">None</option>
                {questionCategories.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabels[c] ?? c}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="button" onClick={() => void finishNote()} disabled={!draft.body.trim()}>
            Save note
          </button>
          <h3 className="im-subhead">Taken so far</h3>
          {saved.length === 0 ? <p className="muted">Nothing yet.</p> : null}
          <ul className="im-note-list">
            {saved.map((n) => (
              <li key={n.id}>
                <p>{n.body}</p>
                <p className="muted">
                  {agendaSteps.find((s) => s.key === n.agendaStep)?.label ?? 'No step'}
                  {n.keyQuestion ? ` · ${keyQuestions.find((q) => q.key === n.keyQuestion)?.question ?? ''}${n.stance ? ` (${n.stance})` : ''}` : ''}
                  {n.questionCategory ? ` · ${categoryLabels[n.questionCategory] ?? n.questionCategory}` : ''}{' '}
                  <button type="button" className="link" onClick={() => removeNote.mutate(n.id)}>
                    Delete<span className="visually-hidden"> note: {n.body.slice(0, 40)}</span>
                  </button>
                </p>
              </li>
            ))}
          </ul>
        </section>
        <aside className="im-side">
          <section className="card" aria-labelledby="im-questions-heading">
            <h2 id="im-questions-heading">Questions</h2>
            {chosen.length === 0 ? <p className="muted">No questions chosen for this conversation.</p> : null}
            <ul className="im-questions">
              {chosen.map((q) => (
                <li key={q.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={asked.has(q.id)}
                      onChange={(e) => changeLive({ askedQuestionIds: e.target.checked ? [...asked, q.id] : [...asked].filter((x) => x !== q.id) })}
                    />{' '}
                    {q.text}
                  </label>
                  <button type="button" className="link" onClick={() => { change({ questionId: q.id, questionCategory: q.category }); noteRef.current?.focus(); }}>
                    Note on this<span className="visually-hidden">: {q.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="im-referral-heading">
            <h2 id="im-referral-heading">Who else to talk to</h2>
            <form onSubmit={submitReferral} className="im-referral">
              <div className="field">
                <label htmlFor="im-referral-name">Name</label>
                <input id="im-referral-name" ref={referralRef} value={referralName} onChange={(e) => setReferralName(e.target.value)} aria-keyshortcuts="Alt+R" autoComplete="off" />
              </div>
              <div className="field">
                <label htmlFor="im-referral-org">Organisation (optional)</label>
                <input id="im-referral-org" value={referralOrg} onChange={(e) => setReferralOrg(e.target.value)} autoComplete="off" />
              </div>
              <button type="submit" disabled={!referralName.trim() || referral.isPending}>
                Add person
              </button>
            </form>
            {referral.isError ? <ErrorState error={referral.error} /> : null}
            <ul>
              {(referrals.data?.items ?? []).map((r) => (
                <li key={r.id}>
                  <Link to={`/people/${r.to.id}`}>{r.to.name}</Link>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="im-keys-heading">
            <h2 id="im-keys-heading">Keyboard shortcuts</h2>
            <dl className="im-keys">
              {shortcuts.map(([keys, what]) => (
                <div key={keys}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        </aside>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
