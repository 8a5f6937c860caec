import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { keyQuestions, type Exploration } from '../../../shared/schemas/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { Organization } from '../../../shared/schemas/organizations.js';
import { api, type Page } from '../../api/client.js';
import { statusLabels, transitionLabels } from '../../ui/labels.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { SuggestionsCard } from '../coach/SuggestionsCard.js';

const leaningLabels: Record<string, string> = { '-2': 'Clearly no', '-1': 'Leaning no', '0': 'Undecided', '1': 'Leaning yes', '2': 'Clearly yes' };

export function ExplorationPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const exploration = useQuery({ queryKey: ['exploration', id], queryFn: () => api.get<Exploration>(`/api/v1/explorations/${id}`) });
  const orgs = useQuery({ queryKey: ['organizations', { explorationId: id }], queryFn: () => api.get<Page<Organization>>('/api/v1/organizations', { explorationId: id, limit: 200 }) });
  const people = useQuery({ queryKey: ['contacts', { explorationId: id }], queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { explorationId: id, limit: 200 }) });
  const interviews = useQuery({ queryKey: ['interviews', { explorationId: id }], queryFn: () => api.get<Page<Interview>>('/api/v1/interviews', { explorationId: id, limit: 200 }) });
  const save = useMutation({
    mutationFn: (body: { leanings?: Partial<Exploration['leanings']>; conclusion?: string | null; status?: Exploration['status'] }) =>
      api.patch(`/api/v1/explorations/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['exploration', id] }),
  });
  if (exploration.isPending) return <Loading what="this exploration" />;
  if (exploration.isError) return <ErrorState error={exploration.error} />;
  const x = exploration.data;
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{x.title}</h1>
          <p>{transitionLabels[x.transition]}</p>
        </div>
        <div className="actions">
          <Link className="button primary" to={`/explorations/${x.id}/decision`}>
            Decision board
          </Link>
        </div>
      </div>
      {x.why ? <p>{x.why}</p> : null}
      <section className="card" aria-labelledby="questions-heading">
        <h2 id="questions-heading">The four questions</h2>
        <p className="muted">Where do your conversations so far leave you?</p>
        <div className="leanings">
          {keyQuestions.map((q) => (
            <div key={q.key} className="field">
              <label htmlFor={`leaning-${q.key}`}>{q.question}</label>
              <select
                id={`leaning-${q.key}`}
                value={x.leanings[q.key] === null ? '' : String(x.leanings[q.key])}
                onChange={(e) => save.mutate({ leanings: { [q.key]: e.target.value === '' ? null : Number(e.target.value) } })}
              >
                <option value="">Not yet</option>
                {Object.entries(leaningLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor="conclusion">Your conclusion so far</label>
          <textarea
            id="conclusion"
            key={x.updatedAt}
            defaultValue={x.conclusion ?? ''}
            rows={3}
            onBlur={(e) => {
              const value = e.target.value.trim();
              if (value !== (x.conclusion ?? '')) save.mutate({ conclusion: value || null });
            }}
            aria-describedby="conclusion-hint"
          />
          <div className="hint" id="conclusion-hint">
            Saved when you leave the box.
          </div>
        </div>
        <div className="field">
          <label htmlFor="x-status">Status</label>
          <select id="x-status" value={x.status} onChange={(e) => save.mutate({ status: e.target.value as Exploration['status'] })}>
            <option value="active">Active</option>
            <option value="paused">Paused</option>
            <option value="decided">Decided</option>
          </select>
        </div>
      </section>
      <SuggestionsCard explorationId={id} />
      <div className="grid-2">
        <section className="card" aria-labelledby="x-interviews">
          <h2 id="x-interviews">Interviews</h2>
          {interviews.data?.items.length === 0 ? <p className="muted">None linked yet.</p> : null}
          <ul className="plain-list">
            {interviews.data?.items.map((i) => (
              <li key={i.id}>
                <Link to={`/interviews/${i.id}`}>{i.contact.name}</Link> <span className="badge">{statusLabels[i.status]}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="x-orgs">
          <h2 id="x-orgs">Organisations</h2>
          {orgs.data?.items.length === 0 ? <p className="muted">None linked yet.</p> : null}
          <ul className="plain-list">
            {orgs.data?.items.map((o) => (
              <li key={o.id}>
                <Link to={`/organizations/${o.id}`}>{o.name}</Link>
              </li>
            ))}
          </ul>
          <h2>People</h2>
          <ul className="plain-list">
            {people.data?.items.map((c) => (
              <li key={c.id}>
                <Link to={`/people/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
