import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { agendaSteps, duePrompts, stances, type AgendaStep } from '../../../shared/schemas/conversation.js';
import { keyQuestions, type KeyQuestion } from '../../../shared/schemas/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { questionCategories, type Question } from '../../../shared/schemas/questions.js';
import { api, type Page } from '../../api/client.js';
import { formatDateTime } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { categoryLabels } from '../questions/QuestionsPage.js';
import { InterviewGone } from './InterviewGone.js';
import { interviewKeys, isMissing, isOver, useInterview, useInterviewNotes } from './interviews.api.js';
import { NoteList } from './NoteList.js';
import { ReferralPanel } from './ReferralPanel.js';
import { useNoteDraft, type Draft } from './useNoteDraft.js';

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

/** Interview mode for the interview in the address, while the conversation is still to come or going on. */
export function InterviewMode() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const i = interview.data;
  if (interview.isPending) return <Loading what="this interview" />;
  if (interview.isError || !i) return isMissing(interview.error) ? <InterviewGone /> : <ErrorState error={interview.error} retry={() => void interview.refetch()} />;
  if (isOver(i.status)) return <ConversationOver interview={i} />;
  return <LiveConversation interview={i} />;
}

/** Interview mode after the thank-you (or when the interview closed another way): there is no conversation left to hold. */
function ConversationOver({ interview: i }: { interview: Interview }) {
  const thanked = i.status === 'thanked' || i.status === 'keeping-in-touch';
  return (
    <section className="card gone" aria-labelledby="over-heading">
      <h1 id="over-heading">{thanked ? `The conversation with ${i.contact.name} is over` : `This interview with ${i.contact.name} is closed`}</h1>
      <p>
        It is “{statusLabels[i.status]}”{i.thankedAt ? `: you thanked them on ${formatDateTime(i.thankedAt)}` : ''}. Interview mode is for the conversation itself; the notes,
        the debrief and what comes next are on the interview page.
      </p>
      <p>
        <Link className="button primary" to={`/interviews/${i.id}`}>
          Open the interview
        </Link>
      </p>
    </section>
  );
}

/**
 * Interview mode: a focused screen for the conversation itself. The agenda, a timer
 * with gentle prompts, the chosen questions to tick off, notes saved as they are
 * typed (kept in the browser too, so a reload or a crash loses nothing), and a
 * quick way to add the people they suggest.
 */
function LiveConversation({ interview: i }: { interview: Interview }) {
  const id = i.id;
  const client = useQueryClient();
  const navigate = useNavigate();
  const notes = useInterviewNotes(id);
  const bank = useQuery({ queryKey: ['questions', 'all'], queryFn: () => api.get<Page<Question>>('/api/v1/questions', { limit: 500, sort: 'category' }) });
  const { draft, saveState, finishing, change, finish, current } = useNoteDraft(id);
  const [announcement, setAnnouncement] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const referralRef = useRef<HTMLInputElement>(null);
  const elapsed = useElapsed(i.live.startedAt, i.live.endedAt);

  // Ticks and agenda moves show at once; the server's answer (or a failure) settles them.
  const live = useMutation({
    mutationKey: ['interview-live', id],
    mutationFn: (body: Partial<Interview['live']>) => api.put<Interview>(`/api/v1/interviews/${id}/live`, body),
    // A refetch in flight is dropped, so it cannot bring back the state from before this change.
    onMutate: () => client.cancelQueries({ queryKey: interviewKeys.one(id), exact: true }, { revert: false }),
    // Quick moves (a step, then a tick) overlap: an earlier answer must not undo a later change still on its way.
    // The server merges each partial change, so the last answer to arrive has them all.
    onSuccess: (updated) => {
      if (client.isMutating({ mutationKey: ['interview-live', id] }) <= 1) client.setQueryData(interviewKeys.one(id), updated);
    },
  });
  /** Shows a change at once (a tick stays ticked as it is clicked), saves it, and puts it back if the save fails. */
  const changeLive = (body: Partial<Interview['live']>) => {
    const before = client.getQueryData<Interview>(interviewKeys.one(id));
    if (before) client.setQueryData<Interview>(interviewKeys.one(id), { ...before, live: { ...before.live, ...body } });
    live.mutate(body, { onError: () => before && client.setQueryData(interviewKeys.one(id), before) });
  };

  // When a save finishes, the caret goes back to the note, unless the user has moved elsewhere meanwhile.
  const refocusNote = (stillIn: (active: Element) => boolean) => {
    const active = document.activeElement;
    if (!active || active === document.body || stillIn(active)) noteRef.current?.focus();
  };

  const finishNote = async () => {
    if (!(await finish())) return;
    setAnnouncement('Note saved.');
    refocusNote((active) => active === noteRef.current);
  };

  const steps = agendaSteps.map((s) => s.key);
  const moveStep = (delta: number) => {
    const index = Math.min(steps.length - 1, Math.max(0, steps.indexOf(i.live.step) + delta));
    const step = steps[index] as AgendaStep;
    changeLive({ step });
    setAnnouncement(`Agenda: ${agendaSteps[index]?.label ?? step}.`);
  };
  const toggleTimer = () => {
    if (!i.live.startedAt || i.live.endedAt) changeLive({ startedAt: new Date().toISOString(), endedAt: null });
    else changeLive({ endedAt: new Date().toISOString() });
  };

  const onKeyDown = (event: globalThis.KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^Digit([1-4])$/.exec(event.code)?.[1];
    if (event.code === 'KeyN') moveStep(1);
    else if (event.code === 'KeyP') moveStep(-1);
    else if (event.code === 'KeyM') noteRef.current?.focus();
    else if (event.code === 'KeyR') referralRef.current?.focus();
    else if (event.code === 'KeyS') toggleTimer();
    else if (digit) {
      const key = keyQuestions[Number(digit) - 1]?.key ?? null;
      change({ keyQuestion: current().keyQuestion === key ? null : key });
    } else return;
    event.preventDefault();
  };

  // The shortcuts work from the moment the page opens, wherever the focus is (even nowhere yet).
  const keyHandler = useRef(onKeyDown);
  useEffect(() => {
    keyHandler.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => keyHandler.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const planned = i.plannedMinutes;
  const prompts = i.live.startedAt ? duePrompts(planned, elapsed) : [];
  const prompt = prompts[prompts.length - 1];
  const chosen = i.prep.questionIds.map((qid) => bank.data?.items.find((q) => q.id === qid)).filter((q): q is Question => Boolean(q));
  const asked = new Set(i.live.askedQuestionIds);
  const saved = (notes.data?.items ?? []).filter((n) => n.id !== draft.noteId && n.body.trim()).reverse();

  return (
    <div className="interview-mode">
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
                await finish();
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
          <NoteList interviewId={id} notes={saved} />
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
          <ReferralPanel
            interviewId={id}
            referrerName={i.contact.name}
            inputRef={referralRef}
            onAdded={(message) => {
              setAnnouncement(message);
              refocusNote((active) => Boolean(active.closest('.im-referral')));
            }}
          />
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
