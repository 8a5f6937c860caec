import { useEffect, useRef } from 'react';

/** Interview mode's keyboard shortcuts, as the page lists them. */
export const shortcuts: Array<[string, string]> = [
  ['Enter', 'save the note and start a new one (Shift+Enter for a new line)'],
  ['Alt+M', 'go to the note'],
  ['Alt+N / Alt+P', 'next / previous agenda step'],
  ['Alt+1 … Alt+4', 'tag the note with a key question'],
  ['Alt+R', 'add a person they suggest'],
  ['Alt+L', 'note a lead they mention'],
  ['Alt+S', 'start or stop the timer'],
];

export interface ShortcutActions {
  nextStep: () => void;
  previousStep: () => void;
  focusNote: () => void;
  focusReferral: () => void;
  focusLead: () => void;
  toggleTimer: () => void;
  /** Alt+1 … Alt+4: the key question's place, from 0. */
  keyQuestion: (index: number) => void;
}

/**
 * The Alt shortcuts of interview mode. They work from the moment the page opens, wherever the
 * focus is (even nowhere yet); the latest `actions` are always the ones called.
 */
export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const act = latest.current;
      const digit = /^Digit([1-4])$/.exec(event.code)?.[1];
      if (event.code === 'KeyN') act.nextStep();
      else if (event.code === 'KeyP') act.previousStep();
      else if (event.code === 'KeyM') act.focusNote();
      else if (event.code === 'KeyR') act.focusReferral();
      else if (event.code === 'KeyL') act.focusLead();
      else if (event.code === 'KeyS') act.toggleTimer();
      else if (digit) act.keyQuestion(Number(digit) - 1);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
