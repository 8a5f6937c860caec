import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { agendaSteps } from '../../../shared/vocabulary/conversation.js';
import type { InterviewNote } from '../../../shared/schemas/conversation.js';
import { keyQuestions } from '../../../shared/vocabulary/explorations.js';
import type { KeyQuestion } from '../../../shared/schemas/explorations.js';
import { ApiError } from '../../api/client.js';
import { ErrorState } from '../../ui/States.js';
import { useUnsavedChanges } from '../../ui/unsaved.js';
import { categoryLabels } from '../questions/QuestionsPage.js';
import { noteCalls, refreshNotes, useUpdateNote } from './interviews.api.js';
import { StanceSelect, type Stance } from './StanceSelect.js';

/** How long a deleted note can be brought back. */
export const UNDO_MS = 20_000;

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Deletes that wait a while before they happen, so they can be undone. Whatever is still
 * waiting when the list goes away (the user leaves the page) is deleted then.
 */
function useUndoableDelete(commit: (id: string) => Promise<unknown>) {
  const [waiting, setWaiting] = useState<string[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);
  const run = useCallback((id: string) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    void commitRef.current(id).finally(() => setWaiting((ids) => ids.filter((x) => x !== id)));
  }, []);
  const remove = (id: string) => {
    setWaiting((ids) => [...ids, id]);
    timers.current.set(
      id,
      setTimeout(() => run(id), UNDO_MS),
    );
  };
  const undo = (id: string) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setWaiting((ids) => ids.filter((x) => x !== id));
  };
  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const id of all.keys()) run(id);
    };
  }, [run]);
  return { waiting, remove, undo };
}

function tags(n: InterviewNote): string {
  return [
    agendaSteps.find((s) => s.key === n.agendaStep)?.label ?? null,
    n.keyQuestion ? `${keyQuestions.find((q) => q.key === n.keyQuestion)?.question ?? ''}${n.stance ? ` (${n.stance})` : ''}` : null,
    n.questionCategory ? (categoryLabels[n.questionCategory] ?? n.questionCategory) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function NoteEditor({ interviewId, note, onDone }: { interviewId: string; note: InterviewNote; onDone: (message: string) => void }) {
  const [body, setBody] = useState(note.body);
  const [keyQuestion, setKeyQuestion] = useState<KeyQuestion | null>(note.keyQuestion);
  const [stance, setStance] = useState<Stance | null>(note.stance);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  const leave = useUnsavedChanges(body.trim() !== note.body.trim() || keyQuestion !== note.keyQuestion || stance !== note.stance);
  const save = useUpdateNote(interviewId, note.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) save.mutate({ body, keyQuestion, stance: keyQuestion ? stance : null }, { onSuccess: () => onDone('Note changed.') });
  };
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <form className="note-editor" onSubmit={submit} aria-label={`Edit note: ${excerpt(note.body)}`}>
      <div className="field">
        <label htmlFor={`note-${note.id}-body`}>Note</label>
        <textarea
          id={`note-${note.id}-body`}
          ref={textarea}
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              leave.confirm(() => onDone('Edit cancelled.'));
            }
          }}
          aria-invalid={fieldErrors.body ? true : undefined}
        />
        {!body.trim() ? <p className="hint">A note needs some text; to remove it, use Delete.</p> : null}
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`note-${note.id}-key`}>Key question</label>
          <select id={`note-${note.id}-key`} value={keyQuestion ?? ''} onChange={(e) => setKeyQuestion((e.target.value || null) as KeyQuestion | null)}>
            <option value="">None</option>
            {keyQuestions.map((q) => (
              <option key={q.key} value={q.key}>
                {q.question}
              </option>
            ))}
          </select>
        </div>
        <StanceSelect id={`note-${note.id}-stance`} value={stance} disabled={!keyQuestion} onChange={setStance} />
      </div>
      {save.isError ? <ErrorState error={save.error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending || !body.trim()}>
          Save changes
        </button>
        <button type="button" onClick={() => leave.confirm(() => onDone('Edit cancelled.'))}>
          Cancel
        </button>
      </div>
      {leave.dialog}
    </form>
  );
}

/**
 * Notes taken during the conversation: each can be changed in place, or deleted with a
 * while to change one's mind (Undo).
 */
export function NoteList({ interviewId, notes, className = 'im-note-list', empty = 'Nothing yet.' }: { interviewId: string; notes: InterviewNote[]; className?: string; empty?: string }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState<unknown>(null);
  const deletes = useUndoableDelete(async (noteId: string) => {
    try {
      await noteCalls.remove(interviewId, noteId);
    } catch (error) {
      // Already gone is what was asked for; anything else is shown.
      if (!(error instanceof ApiError && error.status === 404)) setFailed(error);
    }
    await refreshNotes(client, interviewId);
  });
  const visible = notes.filter((n) => !deletes.waiting.includes(n.id));
  const lastDeleted = deletes.waiting[deletes.waiting.length - 1];
  const deletedNote = notes.find((n) => n.id === lastDeleted);
  return (
    <>
      <div className="undo-bar" hidden={!deletedNote}>
        <span role="status">{deletedNote ? `Note deleted: “${excerpt(deletedNote.body)}”.` : ''}</span>{' '}
        {deletedNote ? (
          <button
            type="button"
            onClick={() => {
              deletes.undo(deletedNote.id);
              setMessage('Note brought back.');
            }}
          >
            Undo
          </button>
        ) : null}
      </div>
      {failed ? <ErrorState error={failed} /> : null}
      {visible.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className={className}>
        {visible.map((n) =>
          editing === n.id ? (
            <li key={n.id}>
              <NoteEditor
                interviewId={interviewId}
                note={n}
                onDone={(text) => {
                  setEditing(null);
                  setMessage(text);
                }}
              />
            </li>
          ) : (
            <li key={n.id}>
              <p>{n.body}</p>
              <p className="muted">
                {tags(n) || 'No tags'}{' '}
                <button type="button" className="link" onClick={() => setEditing(n.id)}>
                  Edit<span className="visually-hidden"> note: {excerpt(n.body)}</span>
                </button>{' '}
                <button type="button" className="link" onClick={() => deletes.remove(n.id)}>
                  Delete<span className="visually-hidden"> note: {excerpt(n.body)}</span>
                </button>
              </p>
            </li>
          ),
        )}
      </ul>
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </>
  );
}
