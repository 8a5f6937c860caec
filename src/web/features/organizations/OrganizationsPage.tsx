import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Organization } from '../../../shared/schemas/organizations.js';
import { ApiError } from '../../api/client.js';
import { Modal } from '../../ui/Modal.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { motivationLabels, OrganizationForm, postingLabels } from './OrganizationForm.js';
import { useRankedOrganizations, useRankOrganization } from './organizations.api.js';

function RankCells({ org }: { org: Organization }) {
  const save = useRankOrganization(org.id);
  return (
    <>
      <td>
        <select aria-label={`How keen you are on ${org.name}`} value={org.motivation} onChange={(e) => save.mutate({ motivation: Number(e.target.value) })}>
          {Object.entries(motivationLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={`Relevant job posting at ${org.name}`} value={org.posting} onChange={(e) => save.mutate({ posting: Number(e.target.value) })}>
          {Object.entries(postingLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input type="checkbox" aria-label={`Alumni or affinity link at ${org.name}`} checked={org.advocacy} onChange={(e) => save.mutate({ advocacy: e.target.checked })} />
        {save.isError ? (
          <div className="error" role="alert">
            {save.error instanceof ApiError ? save.error.message : 'Could not save that change.'}
          </div>
        ) : null}
      </td>
    </>
  );
}

/**
 * The rows in the order they had when the list was loaded (or last re-sorted), so
 * a row does not jump away while its rank is being changed.
 */
function useStableOrder(items: Organization[] | undefined) {
  const [order, setOrder] = useState<string[] | null>(null);
  const live = useMemo(() => (items ?? []).map((o) => o.id), [items]);
  useEffect(() => {
    if (!items) return;
    setOrder((current) => {
      if (current === null) return live;
      const known = new Set(current);
      const present = new Set(live);
      const added = live.filter((id) => !known.has(id));
      const kept = current.filter((id) => present.has(id));
      // A new organisation is placed by a fresh sort; one that went just leaves a gap that closes.
      if (added.length > 0) return live;
      return kept.length === current.length ? current : kept;
    });
  }, [items, live]);
  const byId = useMemo(() => new Map((items ?? []).map((o) => [o.id, o])), [items]);
  const rows = (order ?? live).map((id) => byId.get(id)).filter((o): o is Organization => o !== undefined);
  const moved = order !== null && rows.some((o, i) => o.id !== live[i]);
  return { rows, moved, resort: () => setOrder(live) };
}

export function OrganizationsPage() {
  const list = useRankedOrganizations();
  const [adding, setAdding] = useState(false);
  const { rows, moved, resort } = useStableOrder(list.data?.items);
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Organisations</h1>
          <p>Your target list, ranked by how much you want to work there, then by open postings, then by alumni links.</p>
        </div>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add organisation
        </button>
      </div>
      {list.isPending ? <Loading what="organisations" /> : null}
      {list.isError ? <ErrorState error={list.error} retry={() => void list.refetch()} /> : null}
      {list.data?.items.length === 0 ? (
        <div className="card">
          <Empty title="No target organisations yet">
            <p>List the places you are curious about; rank them by motivation and Inroads will keep the best at the top.</p>
          </Empty>
        </div>
      ) : null}
      {list.data?.items.length ? (
        <div className="card">
          <div className="resort">
            <p role="status" className="muted">
              {moved ? 'The ranking has changed. Rows stay where they are until you re-sort.' : 'Change how keen you are, postings or alumni links and the ranking follows.'}
            </p>
            <button type="button" onClick={resort} disabled={!moved}>
              Re-sort by rank
            </button>
          </div>
          <div className="table-wrap" role="region" aria-label="Table, scrolls sideways on small screens" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Target organisations, best first</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Organisation</th>
                <th scope="col">How keen</th>
                <th scope="col">Job posting</th>
                <th scope="col">Alumni link</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((org) => (
                <tr key={org.id}>
                  <td>{org.rank ?? <span className="muted">Not ranked</span>}</td>
                  <td>
                    <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                    {org.industry ? <div className="muted">{org.industry}</div> : null}
                  </td>
                  <RankCells org={org} />
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </div>
      ) : null}
      <Modal title="Add an organisation" isOpen={adding} onClose={() => setAdding(false)}>
        <OrganizationForm onCancel={() => setAdding(false)} onSaved={() => setAdding(false)} />
      </Modal>
    </section>
  );
}
