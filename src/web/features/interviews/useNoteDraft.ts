import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyQuestion } from '../../../shared/schemas/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { Question } from '../../../shared/schemas/questions.js';
import { ApiError } from '../../api/client.js';
import { interviewKeys, noteCalls, refreshNotes } from './interviews.api.js';

export interface Draft {
  noteId: string | null;
  body: string;
  keyQuestion: KeyQuestion | null;
  stance: 'for' | 'against' | null;
  questionCategory: Question['category'] | null;
  questionId: string | null;
}

export type DraftSaveState = 'saved' | 'saving' | 'unsaved' | 'failed';

const emptyDraft = (): Draft => ({ noteId: null, body: '', keyQuestion: null, stance: null, questionCategory: null, questionId: null });
const draftKey = (id: string) => `inroads:interview-draft:${id}`;
const SAVE_AFTER_MS = 400;
const RETRY_AFTER_MS = 5000;

/**
 * The note being typed in interview mode: kept in the browser on every keystroke (so a
 * reload or a crash loses nothing) and on the server shortly after. `finish` saves it and
 * starts a new one.
 */
export function useNoteDraft(id: string) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const saved = localStorage.getItem(draftKey(id));
      return saved ? { ...emptyDraft(), ...(JSON.parse(saved) as Partial<Draft>) } : emptyDraft();
    } catch {
      return emptyDraft();
    }
  });
  const [saveState, setSaveState] = useState<DraftSaveState>('saved');
  const [finishing, setFinishing] = useState(false);
  const draftRef = useRef(draft);
  const pending = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

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
            await noteCalls.update(id, noteId, fields);
          } catch (error) {
            // The note was deleted meanwhile (in another tab, say): keep the text as a new note.
            if (!(error instanceof ApiError && error.status === 404)) throw error;
            noteId = null;
          }
        }
        if (!noteId) {
          const step = client.getQueryData<Interview>(interviewKeys.one(id))?.live.step ?? 'questions';
          const created = await noteCalls.create(id, { ...fields, agendaStep: step });
          // The user may have typed on while the note was being created.
          remember({ ...draftRef.current, noteId: created.id });
          setDraft((d) => ({ ...d, noteId: created.id }));
          if (draftRef.current.body !== current.body) {
            await noteCalls.update(id, created.id, { ...fields, body: draftRef.current.body });
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

  /** Saves the note and starts a new one; false when there was nothing to save. */
  const finish = async (): Promise<boolean> => {
    if (!draftRef.current.body.trim()) return false;
    // The note is read-only for the moment it takes to save, so nothing typed meanwhile lands in the wrong note.
    setFinishing(true);
    try {
      await saveNow();
    } finally {
      setFinishing(false);
    }
    const next = emptyDraft();
    setDraft(next);
    remember(next);
    localStorage.removeItem(draftKey(id));
    await refreshNotes(client, id);
    return true;
  };

  /** The latest draft, for handlers that run outside a render. */
  const current = () => draftRef.current;
  return { draft, saveState, finishing, change, finish, current };
}
