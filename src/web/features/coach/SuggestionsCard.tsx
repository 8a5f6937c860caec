import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Suggestion } from '../../../shared/schemas/coach.js';
import { useDraftRequestDialog } from '../outreach/DraftRequest.js';
import { useSuggestions } from './coach.api.js';

/** One ranked person: who, where, why, and a button to draft the request. */
export function SuggestionRow({ suggestion: s, onDraft, reasons = 3 }: { suggestion: Suggestion; onDraft: () => void; reasons?: number }) {
  return (
    <li className="suggestion">
      <div className="suggestion-head">
        <span>
          <Link to={`/people/${s.contactId}`}>{s.name}</Link>
          {s.organization ? (
            <span className="muted">
              {' '}
              · <Link to={`/organizations/${s.organization.id}`}>{s.organization.name}</Link>
            </span>
          ) : null}
        </span>
        <button type="button" onClick={onDraft} aria-label={`Draft request to ${s.name}`}>
          Draft request
        </button>
      </div>
      <ul className="muted">
        {s.reasons.slice(0, reasons).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </li>
  );
}

/** Whom to approach next, with the reasons, for an exploration, an organisation or overall. */
export function SuggestionsCard({
  explorationId,
  organizationId,
  limit = 5,
  empty,
}: {
  explorationId?: string;
  organizationId?: string;
  limit?: number;
  /** What to say (and offer) when there is nobody to rank. */
  empty?: ReactNode;
}) {
  const list = useSuggestions({ explorationId, organizationId, limit });
  const draft = useDraftRequestDialog();
  return (
    <section className="card" aria-labelledby="next-people-heading">
      <h2 id="next-people-heading">Whom to ask next</h2>
      {list.data?.items.length === 0 ? (empty ?? <p className="muted">Everyone here has been asked. Ask the people you meet whom else to talk to.</p>) : null}
      <ol className="suggestions">
        {list.data?.items.map((s) => (
          <SuggestionRow key={s.contactId} suggestion={s} onDraft={() => draft.open({ contactId: s.contactId, ...(explorationId ? { explorationId } : {}) })} />
        ))}
      </ol>
      {draft.dialog}
    </section>
  );
}
