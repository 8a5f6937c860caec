import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { transitionLabels } from '../../ui/labels.js';
import { Modal } from '../../ui/Modal.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { formatDateTime } from '../../ui/format.js';
import { ExplorationForm } from './ExplorationForm.js';
import { useActiveExploration, useDeletedExplorations, useExplorationList, useRestoreExploration } from './explorations.api.js';
import { explorationStatusLabels } from './labels.js';
import './explorations.css';

interface JustDeleted {
  deleted?: { id: string; title: string };
}

export function ExplorationsPage() {
  const list = useExplorationList();
  const active = useActiveExploration();
  const deleted = useDeletedExplorations();
  const restore = useRestoreExploration();
  const location = useLocation();
  const navigate = useNavigate();
  const justDeleted = (location.state as JustDeleted | null)?.deleted;
  const [adding, setAdding] = useState(false);
  const undo = (id: string) =>
    restore.mutate(id, {
      onSuccess: (exploration) => navigate(`/explorations/${exploration.id}`),
    });
  const activeId = active.data?.exploration?.id;
  const binned = deleted.data?.items ?? [];
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Explorations</h1>
          <p>Each path you are testing, and what your conversations say about it.</p>
        </div>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          New exploration
        </button>
      </div>
      {justDeleted && deleted.data?.items.some((d) => d.id === justDeleted.id) ? (
        <div className="card undo-bar" role="status">
          <span>
            Deleted <strong>{justDeleted.title}</strong>.
          </span>
          <button type="button" className="primary" onClick={() => undo(justDeleted.id)} disabled={restore.isPending}>
            Undo
          </button>
        </div>
      ) : null}
      {restore.isError ? <ErrorState error={restore.error} /> : null}
      {list.isPending ? <Loading what="explorations" /> : null}
      {list.isError ? <ErrorState error={list.error} /> : null}
      {list.data?.items.length === 0 ? (
        <div className="card">
          <Empty title="No explorations yet">
            <p>Name a field, role or employer you want to find out about, and why.</p>
          </Empty>
        </div>
      ) : null}
      {list.data?.items.map((x) => (
        <article key={x.id} className="card">
          <h2>
            <Link to={`/explorations/${x.id}`}>{x.title}</Link>
          </h2>
          <p className="muted">
            {transitionLabels[x.transition]} · <span className="badge">{explorationStatusLabels[x.status]}</span>
            {x.id === activeId ? (
              <>
                {' '}
                <span className="badge accent">Active exploration</span>
              </>
            ) : null}
          </p>
          {x.why ? <p>{x.why}</p> : null}
        </article>
      ))}
      {binned.length > 0 ? (
        <section className="card" aria-labelledby="deleted-heading">
          <h2 id="deleted-heading">Deleted explorations</h2>
          <p className="muted">Restoring one files its people, organisations and conversations under it again.</p>
          <ul className="plain-list">
            {binned.map((d) => (
              <li key={d.id}>
                {d.title} <span className="muted">· deleted {formatDateTime(d.deletedAt)}</span>{' '}
                <button type="button" onClick={() => undo(d.id)} disabled={restore.isPending}>
                  Restore<span className="visually-hidden"> {d.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Modal title="New exploration" isOpen={adding} onClose={() => setAdding(false)}>
        <ExplorationForm onSaved={() => setAdding(false)} onCancel={() => setAdding(false)} submitLabel="Add exploration" />
      </Modal>
    </section>
  );
}
