import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.js';

interface Suggestion {
  contactId: string;
  name: string;
  organization: { id: string; name: string } | null;
  score: number;
  reasons: string[];
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
  const list = useQuery({
    queryKey: ['suggestions', explorationId, organizationId, limit],
    queryFn: () => api.get<{ items: Suggestion[] }>('/api/v1/suggestions', { explorationId, organizationId, limit }),
  });
  return (
    <section className="card" aria-labelledby="next-people-heading">
      <h2 id="next-people-heading">Whom to ask next</h2>
      {list.data?.items.length === 0 ? (empty ?? <p className="muted">Everyone here has been asked. Ask the people you meet whom else to talk to.</p>) : null}
      <ol>
        {list.data?.items.map((s) => (
          <li key={s.contactId}>
            <Link to={`/people/${s.contactId}`}>{s.name}</Link>
            {s.organization ? <span className="muted"> · {s.organization.name}</span> : null}
            <ul className="muted">
              {s.reasons.slice(0, 3).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
