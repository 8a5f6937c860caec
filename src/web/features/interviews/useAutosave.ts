import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * Saves what the user types shortly after they pause, one save at a time. A change still
 * waiting when the component goes away (the user follows a link) is saved then; closing
 * or reloading the tab with a change not yet saved asks first.
 */
export function useAutosave<T>(save: (body: T) => Promise<unknown>, delay = 700) {
  const [state, setState] = useState<AutosaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const saveRef = useRef(save);
  const waiting = useRef<T | null>(null);
  const running = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = async () => {
      const body = waiting.current;
      if (body === null) return;
      waiting.current = null;
      running.current = true;
      if (mounted.current) setState('saving');
      try {
        await saveRef.current(body);
        if (mounted.current) {
          setError(null);
          setState(waiting.current === null ? 'saved' : 'pending');
        }
      } catch (e) {
        // Kept for the next attempt (the next change, leaving the page), and leaving the tab still asks.
        if (waiting.current === null) waiting.current = body;
        if (mounted.current) {
          setError(e);
          setState('failed');
        }
      } finally {
        running.current = false;
      }
    };
    chain.current = chain.current.then(run);
    return chain.current;
  }, []);

  const schedule = useCallback(
    (body: T) => {
      waiting.current = body;
      setState('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  useEffect(() => {
    mounted.current = true;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (waiting.current === null && !running.current) return;
      void flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      mounted.current = false;
      // Leaving the page inside the app: what is still waiting is saved now rather than lost.
      void flush();
    };
  }, [flush]);

  return { state, error, schedule, flush };
}
