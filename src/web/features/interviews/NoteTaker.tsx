import type { RefObject } from 'react';
import { agendaSteps } from '../../../shared/vocabulary/conversation.js';
import type { AgendaStep, InterviewNote } from '../../../shared/schemas/conversation.js';
import { keyQuestions } from '../../../shared/vocabulary/explorations.js';
import type { KeyQuestion } from '../../../shared/schemas/explorations.js';
import { questionCategories } from '../../../shared/vocabulary/questions.js';
import { categoryLabels } from '../questions/QuestionsPage.js';
import { NoteList } from './NoteList.js';
import { StanceSelect } from './StanceSelect.js';
import type { Draft, DraftSaveState } from './useNoteDraft.js';

const saveStateText = (state: DraftSaveState, saved: boolean): string =>
  ({
    saved: saved ? 'Saved as you type.' : 'Notes are saved as you type.',
    saving: 'Saving…',
    unsaved: 'Typing… kept in this browser.',
    failed: 'Not saved to Inroads yet; kept in this browser. Still trying.',
  })[state];

/**
 * The note being typed (Enter saves it and starts the next), its tags, and the notes taken so
 * far. The draft itself lives in useNoteDraft; this only shows it and passes the changes on.
 */
export function NoteTaker({
  interviewId,
  step,
  draft,
  saveState,
  finishing,
  saved,
  noteRef,
  onChange,
  onFinish,
}: {
  interviewId: string;
  step: AgendaStep;
  draft: Draft;
  saveState: DraftSaveState;
  finishing: boolean;
  /** The notes already taken, newest first, without the one being typed. */
  saved: InterviewNote[];
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onChange: (patch: Partial<Draft>) => void;
  onFinish: () => void;
}) {
  return (
    <section className="im-notes card" aria-labelledby="im-notes-heading">
      <h2 id="im-notes-heading">Notes</h2>
      <div className="field">
        <label htmlFor="im-note">Note ({agendaSteps.find((s) => s.key === step)?.label})</label>
        <textarea
          id="im-note"
          ref={noteRef}
          rows={4}
          value={draft.body}
          readOnly={finishing}
          aria-busy={finishing}
          aria-keyshortcuts="Alt+M"
          aria-describedby="im-save-state"
          onChange={(e) => onChange({ body: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
              e.preventDefault();
              onFinish();
            }
          }}
        />
        <p id="im-save-state" className="hint">
          {saveStateText(saveState, Boolean(draft.noteId))}
        </p>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="im-key">Key question</label>
          <select id="im-key" value={draft.keyQuestion ?? ''} onChange={(e) => onChange({ keyQuestion: (e.target.value || null) as KeyQuestion | null })}>
            <option value="">None</option>
            {keyQuestions.map((q, n) => (
              <option key={q.key} value={q.key}>
                {n + 1}. {q.question}
              </option>
            ))}
          </select>
        </div>
        <StanceSelect id="im-stance" value={draft.stance} disabled={!draft.keyQuestion} onChange={(stance) => onChange({ stance })} />
        <div className="field">
          <label htmlFor="im-category">Topic</label>
          <select id="im-category" value={draft.questionCategory ?? ''} onChange={(e) => onChange({ questionCategory: (e.target.value || null) as Draft['questionCategory'] })}>
            <option value="">None</option>
            {questionCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c] ?? c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" onClick={onFinish} disabled={!draft.body.trim()}>
        Save note
      </button>
      <h3 className="im-subhead">Taken so far</h3>
      <NoteList interviewId={interviewId} notes={saved} />
    </section>
  );
}
