import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Organization } from '../../../shared/schemas/organizations.js';
import { api, ApiError, type Page } from '../../api/client.js';
import { TextField } from '../../ui/Field.js';
import { Modal } from '../../ui/Modal.js';
import { ExplorationsPicker, explorationIdsFrom } from '../explorations/ExplorationsPicker.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';

const motivation = ['0 · not really', '1 · some', '2 · keen', '3 · very keen'];
const posting = ['', '1 · none', '2 · some postings', '3 · my target role'];

function RankCells({ org }: { org: Organization }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (patch: Partial<Organization>) => api.patch(`/api/v1/organizations/${org.id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
  return (
    <>
      <td>
        <select aria-label={`Motivation for ${org.name}`} value={org.motivation} onChange={(e) => save.mutate({ motivation: Number(e.target.value) })}>
          {motivation.map((label, value) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={`Posting at ${org.name}`} value={org.posting} onChange={(e) => save.mutate({ posting: Number(e.target.value) })}>
          {[1, 2, 3].map((value) => (
            <option key={value} value={value}>
              {posting[value]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input type="checkbox" aria-label={`Alumni or affinity link at ${org.name}`} checked={org.advocacy} onChange={(e) => save.mutate({ advocacy: e.target.checked })} />
      </td>
    </>
  );
}

function AddOrganization({ onDone }: { onDone: () => void }) {
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post('/api/v1/organizations', body),
    onSuccess: async () => {
      await client.invalidateQueries();
      onDone();
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const website = String(data.get('website') ?? '').trim();
    const industry = String(data.get('industry') ?? '').trim();
    add.mutate({ name: String(data.get('name') ?? '').trim(), ...(website ? { website } : {}), ...(industry ? { industry } : {}), explorationIds: explorationIdsFrom(data) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField label="Name" name="name" required error={errors.name} />
      <TextField label="Website" name="website" type="url" placeholder="https://" error={errors.website} />
      <TextField label="Industry" name="industry" />
      <ExplorationsPicker />
      <div className="actions">
        <button type="submit" className="primary">
          Add organisation
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function OrganizationsPage() {
  const list = useQuery({ queryKey: ['organizations', 'ranked'], queryFn: () => api.get<Page<Organization>>('/api/v1/organizations', { sort: 'rank', limit: 500 }) });
  const [adding, setAdding] = useState(false);
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
          <div className="table-wrap" role="region" aria-label="Table, scrolls sideways on small screens" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Target organisations, best first</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Organisation</th>
                <th scope="col">Motivation</th>
                <th scope="col">Posting</th>
                <th scope="col">Alumni link</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((org) => (
                <tr key={org.id}>
                  <td>{org.rank}</td>
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
        <AddOrganization onDone={() => setAdding(false)} />
      </Modal>
    </section>
  );
}
