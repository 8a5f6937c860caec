import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';
import { useLocation, useNavigate } from 'react-router';

const skippedInputs = new Set(['hidden', 'submit', 'button', 'reset', 'file', 'image']);

/**
 * Whether any form in `root` (or `root` itself, a form) holds something other than what it started
 * with: text typed, a box ticked, another option chosen. Reads the browser's own record of each
 * field's starting value, so it works for forms whose fields are not held in React state.
 * Forms marked `data-unsaved="ignore"` (filters, search) do not count.
 */
export function formChanged(root: Element | null | undefined): boolean {
  if (!root) return false;
  const forms = root instanceof HTMLFormElement ? [root] : Array.from(root.querySelectorAll('form'));
  for (const form of forms) {
    if (form.dataset.unsaved === 'ignore') continue;
    for (const el of Array.from(form.elements)) {
      if (el instanceof HTMLInputElement) {
        if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.checked !== el.defaultChecked) return true;
        } else if (!skippedInputs.has(el.type) && el.value.trim() !== el.defaultValue.trim()) return true;
      } else if (el instanceof HTMLTextAreaElement) {
        if (el.value.trim() !== el.defaultValue.trim()) return true;
      } else if (el instanceof HTMLSelectElement) {
        const options = Array.from(el.options);
        if (el.multiple) {
          if (options.some((o) => o.selected !== o.defaultSelected)) return true;
        } else {
          const chosen = options.map((o) => o.defaultSelected).lastIndexOf(true);
          const start = chosen === -1 ? (options.length ? 0 : -1) : chosen;
          if (el.selectedIndex !== start) return true;
        }
      }
    }
  }
  return false;
}

/** After a save: what the form holds now is its new starting point. */
export function markFormSaved(form: HTMLFormElement | null | undefined): void {
  if (!form) return;
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') el.defaultChecked = el.checked;
      else if (!skippedInputs.has(el.type)) el.defaultValue = el.value;
    } else if (el instanceof HTMLTextAreaElement) el.defaultValue = el.value;
    else if (el instanceof HTMLSelectElement) for (const o of Array.from(el.options)) o.defaultSelected = o.selected;
  }
}

/**
 * "Discard what you typed?": an alert dialog over whatever asked. Keeping is the default (focused,
 * and what Escape or a click outside means); focus goes back where it was.
 */
export function DiscardDialog({ isOpen, onKeep, onDiscard }: { isOpen: boolean; onKeep: () => void; onDiscard: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    // The dialog puts focus on itself once open; the safe choice is where the keyboard starts.
    const frame = requestAnimationFrame(() => keep.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [isOpen]);
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onKeep())} isDismissable>
      <AriaModal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">Discard what you typed?</Heading>
          <p>What you typed here is not saved yet. Keep editing to save it, or discard it and go on.</p>
          <div className="actions">
            <button type="button" className="primary" onClick={onKeep} ref={keep}>
              Keep editing
            </button>
            <button type="button" className="danger" onClick={onDiscard}>
              Discard it
            </button>
          </div>
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}

interface HistoryState {
  idx?: number;
}
const historyIndex = (): number | undefined => {
  const state = window.history.state as HistoryState | null;
  return typeof state?.idx === 'number' ? state.idx : undefined;
};

interface Guard {
  isDirty: () => boolean;
  ask: (then: () => void) => void;
}
/** The forms guarded right now, and the place in the history of the page they are on. */
const guards = new Set<Guard>();
let shownIndex: number | undefined;

// Back and forward: the address has already changed when the browser says so, and the router (whose
// listener comes after this one, added as the app loads) has not heard yet. With a form holding
// unsaved text, this steps back to where the form is, asks, and only then goes on.
if (typeof window !== 'undefined') {
  let returning = false;
  let leaving = false;
  window.addEventListener(
    'popstate',
    (event) => {
      if (leaving) {
        leaving = false;
        return;
      }
      if (returning) {
        returning = false;
        event.stopImmediatePropagation();
        return;
      }
      const from = shownIndex;
      const to = historyIndex();
      if (from === undefined || to === undefined || from === to) return;
      const guard = [...guards].find((g) => g.isDirty());
      if (!guard) return;
      event.stopImmediatePropagation();
      returning = true;
      window.history.go(from - to);
      guard.ask(() => {
        leaving = true;
        window.history.go(to - from);
      });
    },
    true,
  );
}

/**
 * Guards a form that is not saved as it is typed. While `dirty` (a flag, or a function asked at the
 * moment of leaving) says there is unsaved text: closing or reloading the tab asks the browser's
 * question; following a link inside the app, or the back and forward buttons, ask "Discard what you
 * typed?" first. `confirm(then)` asks the same before a Cancel or Close of the form's own. Render
 * `dialog` somewhere in the form.
 */
export function useUnsavedChanges(dirty: boolean | (() => boolean)): { confirm: (then: () => void) => void; dialog: ReactNode } {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const isDirty = useCallback(() => (typeof dirtyRef.current === 'function' ? dirtyRef.current() : dirtyRef.current), []);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    shownIndex = historyIndex();
  }, [location.key]);

  const ask = useCallback((then: () => void) => setPending(() => then), []);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      event.preventDefault();
      // Older browsers show their question only when this is set.
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!isDirty()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      ask(() => void navigate(`${url.pathname}${url.search}${url.hash}`));
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('click', click, true);
    const guard: Guard = { isDirty, ask };
    guards.add(guard);
    return () => {
      guards.delete(guard);
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('click', click, true);
    };
  }, [ask, isDirty, navigate]);

  const confirm = useCallback((then: () => void) => (isDirty() ? ask(then) : then()), [ask, isDirty]);
  const dialog = (
    <DiscardDialog
      isOpen={pending !== null}
      onKeep={() => setPending(null)}
      onDiscard={() => {
        const then = pending;
        setPending(null);
        then?.();
      }}
    />
  );
  return { confirm, dialog };
}
