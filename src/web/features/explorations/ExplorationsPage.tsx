import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Exploration } from '../../../shared/schemas/explorations.js';
import { api, type Page } from '../../api/client.js';
import { transitionLabels } from '../../ui/labels.js';
import { Modal } from '../../ui/Modal.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { ExplorationForm } from './ExplorationForm.js';

export function ExplorationsPage() {
  const list = useQuery({ queryKey: ['explorations'], queryFn: () => api.get<Page<Exploration>>('/api/v1/explorations', { limit: 200 }) });
  const [adding, setAdding] = useState(false);
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
            {transitionLabels[x.transition]} · <span className="badge">{x.status}</span>
          </p>
          {x.why ? <p>{x.why}</p> : null}
        </article>
      ))}
      <Modal title="New exploration" isOpen={adding} onClose={() => setAdding(false)}>
        <ExplorationForm onSaved={() => setAdding(false)} submitLabel="Add exploration" />
      </Modal>
    </section>
  );
}
