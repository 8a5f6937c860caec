import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { agendaSteps, duePrompts } from '../../../shared/vocabulary/conversation.js';
import type { AgendaStep } from '../../../shared/schemas/conversation.js';
import { keyQuestions } from '../../../shared/vocabulary/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { ErrorState } from '../../ui/States.js';
import { LeadCapture } from '../leads/LeadCapture.js';
import { AgendaSteps } from './AgendaSteps.js';
import { ChosenQuestions } from './ChosenQuestions.js';
import { ConversationTimer } from './ConversationTimer.js';
import { useEndConversation, useInterviewNotes, useLiveState } from './interviews.api.js';
import { NoteTaker } from './NoteTaker.js';
import { ReferralPanel } from './ReferralPanel.js';
import { ShortcutsCard } from './ShortcutsCard.js';
import { useElapsed } from './useElapsed.js';
import { useNoteDraft } from './useNoteDraft.js';
import { useShortcuts } from './useShortcuts.js';

const steps = agendaSteps.map((s) => s.key);

/**
 * Interview mode: a focused screen for the conversation itself. The agenda, a timer
 * with gentle prompts, the chosen questions to tick off, notes saved as they are
 * typed (kept in the browser too, so a reload or a crash loses nothing), and a
 * quick way to add the people they suggest.
 */
export function LiveConversation({ interview: i }: { interview: Interview }) {
  const id = i.id;
  const navigate = useNavigate();
  const notes = useInterviewNotes(id);
  const { draft, saveState, finishing, change, finish, current } = useNoteDraft(id);
  const live = useLiveState(id);
  const end = useEndConversation(i, finish, () => navigate(`/interviews/${i.id}#debrief`));
  const [announcement, setAnnouncement] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const referralRef = useRef<HTMLInputElement>(null);
  const leadRef = useRef<HTMLInputElement>(null);
  const elapsed = useElapsed(i.live.startedAt, i.live.endedAt);

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
  const moveStep = (delta: number) => {
    const index = Math.min(steps.length - 1, Math.max(0, steps.indexOf(i.live.step) + delta));
    const step = steps[index] as AgendaStep;
    live.change({ step });
    setAnnouncement(`Agenda: ${agendaSteps[index]?.label ?? step}.`);
  };
  const toggleTimer = () => {
    if (!i.live.startedAt || i.live.endedAt) live.change({ startedAt: new Date().toISOString(), endedAt: null });
    else live.change({ endedAt: new Date().toISOString() });
  };
  useShortcuts({
    nextStep: () => moveStep(1),
    previousStep: () => moveStep(-1),
    focusNote: () => noteRef.current?.focus(),
    focusReferral: () => referralRef.current?.focus(),
    focusLead: () => leadRef.current?.focus(),
    toggleTimer,
    keyQuestion: (index) => {
      const key = keyQuestions[index]?.key ?? null;
      change({ keyQuestion: current().keyQuestion === key ? null : key });
    },
  });

  const planned = i.plannedMinutes;
  const prompts = i.live.startedAt ? duePrompts(planned, elapsed) : [];
  const prompt = prompts[prompts.length - 1];
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
        <ConversationTimer
          interview={i}
          elapsed={elapsed}
          onToggle={toggleTimer}
          ending={end.isPending}
          onEnd={() => end.mutate()}
        />
      </header>
      {live.live.isError ? <ErrorState error={live.live.error} /> : null}
      {end.isError ? <ErrorState error={end.error} /> : null}
      <div className="im-prompt" role="status" aria-live="polite">
        {prompt ? <p className={`prompt ${prompt.kind}`}>{prompt.message}</p> : null}
        {!i.live.startedAt ? <p className="muted">Press Start (Alt+S) when the conversation begins; gentle reminders appear as time passes.</p> : null}
      </div>
      <div className="im-grid">
        <AgendaSteps current={i.live.step} onChoose={(step) => live.change({ step })} />
        <NoteTaker
          interviewId={id}
          step={i.live.step}
          draft={draft}
          saveState={saveState}
          finishing={finishing}
          saved={saved}
          noteRef={noteRef}
          onChange={change}
          onFinish={() => void finishNote()}
        />
        <aside className="im-side">
          <ChosenQuestions
            interview={i}
            onAsked={(askedQuestionIds) => live.change({ askedQuestionIds })}
            onNote={(q) => {
              change({ questionId: q.id, questionCategory: q.category });
              noteRef.current?.focus();
            }}
          />
          <ReferralPanel
            interviewId={id}
            referrerName={i.contact.name}
            inputRef={referralRef}
            onAdded={(message) => {
              setAnnouncement(message);
              refocusNote((active) => Boolean(active.closest('.im-referral')));
            }}
          />
          <LeadCapture
            interviewId={id}
            personName={i.contact.name}
            inputRef={leadRef}
            onAdded={(message) => {
              setAnnouncement(message);
              refocusNote((active) => Boolean(active.closest('.im-lead')));
            }}
          />
          <ShortcutsCard />
        </aside>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
