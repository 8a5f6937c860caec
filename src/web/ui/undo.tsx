import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { DeletedWithUndo } from '../../shared/schemas/trash.js';
import { api, ApiError } from '../api/client.js';
import { invalidate, recordKeys } from '../api/keys.js';
import { useRestoreFromTrash } from './undo.api.js';

/** How long the Undo button stays on screen (the server keeps the item much longer). */
export const UNDO_SECONDS = 30;

interface Offer {
  trashId: string;
  message: string;
  /** Where to go once the item is back (its own page). */
  restoredPath: string | undefined;
  /** The page the offer belongs to; it goes away on the next navigation after reaching it. */
  homePath: string | undefined;
  seenKey: string | undefined;
}

type State = { offer: Offer | null; note: string };

let state: State = { offer: null, note: '' };
const listeners = new Set<() => void>();
const setState = (next: State) => {
  state = next;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Shows "… deleted. Undo" at the bottom of the screen for a while. */
export function offerUndo(offer: { trashId: string; message: string; restoredPath?: string; homePath?: string }): void {
  setState({ offer: { restoredPath: undefined, homePath: undefined, ...offer, seenKey: undefined }, note: '' });
}

/**
 * A delete that can be undone: runs `request` (a feature api's delete; or a DELETE on `url`, for pages
 * not yet moved to their api file), runs `onDeleted` (usually a navigation away from the deleted item's
 * page) and then offers Undo, which restores the item and opens `restoredPath`.
 */
export function useUndoableDelete({
  request,
  url,
  label,
  restoredPath,
  homePath,
  onDeleted,
}: {
  request?: () => Promise<DeletedWithUndo>;
  url?: string;
  label: string;
  restoredPath?: string;
  homePath?: string;
  onDeleted?: () => void | Promise<void>;
}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => (request ? request() : api.delete<DeletedWithUndo>(url ?? '')),
    onSuccess: async (result) => {
      // Away from the deleted item's page first; its own queries would only answer 404 now.
      await onDeleted?.();
      client.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes(result.id) });
      await invalidate(client, recordKeys);
      offerUndo({ trashId: result.trashId, message: `${label} deleted.`, ...(restoredPath ? { restoredPath } : {}), ...(homePath ? { homePath } : {}) });
    },
  });
}

/**
 * The one place undo offers appear: a polite status region (always in the page,
 * so screen readers announce what lands in it) with an Undo button that the
 * keyboard reaches after the page's own content. The timer pauses while the
 * pointer or focus is on it.
 */
export function UndoRegion() {
  const { offer, note } = useSyncExternalStore(subscribe, () => state);
  const location = useLocation();
  const navigate = useNavigate();
  const [held, setHeld] = useState(false);
  const [error, setError] = useState('');
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!offer) return;
    if (!offer.seenKey) {
      if (!offer.homePath || offer.homePath === location.pathname) setState({ offer: { ...offer, seenKey: location.key }, note: '' });
    } else if (offer.seenKey !== location.key) {
      setState({ offer: null, note: '' });
    }
  }, [offer, location.key, location.pathname]);

  useEffect(() => {
    if (!offer) setHeld(false);
  }, [offer]);

  useEffect(() => {
    if (!offer || held) return;
    const timer = window.setTimeout(() => setState({ offer: null, note: '' }), UNDO_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [offer, held]);

  useEffect(() => {
    if (!note) return;
    const timer = window.setTimeout(() => setState({ offer: null, note: '' }), 6000);
    return () => window.clearTimeout(timer);
  }, [note]);

  const restore = useRestoreFromTrash((restored, trashId) => {
    const path = state.offer?.trashId === trashId ? state.offer.restoredPath : undefined;
    setState({ offer: null, note: `${restored.label} is back.` });
    setError('');
    if (path) void navigate(path);
  });

  const visible = Boolean(offer || note);
  return (
    <div
      ref={region}
      className={visible ? 'toast' : 'visually-hidden'}
      role="status"
      aria-live="polite"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!region.current?.contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      {offer ? (
        <>
          <span>{offer.message}</span>
          <button
            type="button"
            onClick={() => restore.mutate(offer.trashId, { onError: (e) => setError(e instanceof ApiError ? e.message : 'Could not undo.') })}
            disabled={restore.isPending}
          >
            Undo
          </button>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => setState({ offer: null, note: '' })}>
            ✕
          </button>
          {error ? <span className="toast-error">{error}</span> : null}
        </>
      ) : (
        <span>{note}</span>
      )}
    </div>
  );
}
