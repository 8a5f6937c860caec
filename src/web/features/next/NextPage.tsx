import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { useSuggestions } from '../coach/coach.api.js';
import { SuggestionRow } from '../coach/SuggestionsCard.js';
import { useDraftRequestDialog } from '../outreach/DraftRequest.js';
import { useExplorationOptions, useOrganizationOptions } from '../people/usePeople.js';

const LIMIT = 50;

/**
 * Whom to ask next, across everything: the ranked list with its reasons (the
 * same engine as `inroads next`), narrowed by exploration and organisation, each
 * person one click from a drafted request.
 */
export function NextPage() {
  const uid = useId();
  const [params, setParams] = useSearchParams();
  const explorationId = params.get('exploration') ?? undefined;
  const organizationId = params.get('organization') ?? undefined;
  const explorations = useExplorationOptions();
  const organizations = useOrganizationOptions();
  const list = useSuggestions({ explorationId, organizationId, limit: LIMIT });
  const draft = useDraftRequestDialog();
  const setFilter = (key: 'exploration' | 'organization', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = Boolean(explorationId || organizationId);
  const items = list.data?.items ?? [];
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Whom to ask next</h1>
          <p>The people you have not asked yet, best first, and why. Draft a request right from the list.</p>
        </div>
      </div>
      <div className="card">
        <div className="toolbar" role="group" aria-label="Narrow the list">
          <div className="field">
            <label htmlFor={`${uid}-exploration`}>Exploration</label>
            <select id={`${uid}-exploration`} value={explorationId ?? ''} onChange={(e) => setFilter('exploration', e.target.value)}>
              <option value="">All explorations</option>
              {(explorations.data?.items ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-organization`}>Organisation</label>
            <select id={`${uid}-organization`} value={organizationId ?? ''} onChange={(e) => setFilter('organization', e.target.value)}>
              <option value="">All organisations</option>
              {(organizations.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {list.isPending ? <Loading what="whom to ask next" /> : null}
        {list.isError ? <ErrorState error={list.error} retry={() => void list.refetch()} /> : null}
        {list.data && items.length === 0 ? (
          <Empty title={filtered ? 'Nobody left to ask here' : 'Nobody to suggest yet'}>
            <p>
              {filtered ? 'Everyone who fits these filters has been asked already. ' : 'Suggestions come from the people you add who have not been asked yet. '}
              <Link to="/people">Add people</Link>
              {organizationId ? (
                <>
                  {' '}
                  at <Link to={`/organizations/${organizationId}`}>this organisation</Link>
                </>
              ) : null}
              , or ask those you have already talked to whom else you should meet.
            </p>
          </Empty>
        ) : null}
        {items.length ? (
          <>
            <p className="muted" role="status">
              {items.length === 1 ? '1 person' : `${items.length} people`}
              {items.length === LIMIT ? ' (the best 50)' : ''}, best first.
            </p>
            <ol className="suggestions">
              {items.map((s) => (
                <SuggestionRow key={s.contactId} suggestion={s} reasons={6} onDraft={() => draft.open({ contactId: s.contactId, ...(explorationId ? { explorationId } : {}) })} />
              ))}
            </ol>
          </>
        ) : null}
        {draft.dialog}
      </div>
    </section>
  );
}
