import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { ErrorState } from '../../ui/States.js';
import { useExplorationList } from './explorations.api.js';
import './explorations.css';

/**
 * The explorations a person, organisation or interview belongs to, as chips that can be removed,
 * with a way to add another. Saves at once by PATCHing `explorationIds` on `endpoint`.
 */
export function ExplorationsField({ ids, endpoint, what }: { ids: string[]; endpoint: string; what: string }) {
  const headingId = useId();
  const selectId = useId();
  const client = useQueryClient();
  const list = useExplorationList();
  const [choice, setChoice] = useState('');
  const save = useMutation({
    mutationFn: (explorationIds: string[]) => api.patch(endpoint, { explorationIds }),
    onSuccess: () => client.invalidateQueries(),
  });
  const all = list.data?.items ?? [];
  const title = (id: string) => all.find((x) => x.id === id)?.title ?? 'An exploration';
  const addable = all.filter((x) => !ids.includes(x.id));
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = choice || addable[0]?.id;
    if (chosen) save.mutate([...ids, chosen], { onSuccess: () => setChoice('') });
  };
  return (
    <section className="card explorations-field" aria-labelledby={headingId}>
      <h2 id={headingId}>Explorations</h2>
      {ids.length === 0 ? <p className="muted">{what} is not part of any exploration yet.</p> : null}
      <ul className="chips">
        {ids.map((id) => (
          <li key={id} className="chip">
            <Link to={`/explorations/${id}`}>{title(id)}</Link>
            <button type="button" className="chip-remove" disabled={save.isPending} onClick={() => save.mutate(ids.filter((x) => x !== id))}>
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">Remove from {title(id)}</span>
            </button>
          </li>
        ))}
      </ul>
      {addable.length > 0 ? (
        <form className="inline-form" onSubmit={add}>
          <label htmlFor={selectId}>Add to</label>
          <select id={selectId} value={choice || addable[0]?.id} onChange={(e) => setChoice(e.target.value)}>
            {addable.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
          <button type="submit" disabled={save.isPending}>
            Add
          </button>
        </form>
      ) : all.length === 0 ? (
        <p className="muted">
          <Link to="/explorations">Start an exploration</Link> to group your conversations.
        </p>
      ) : null}
      {save.isError ? <ErrorState error={save.error} /> : null}
    </section>
  );
}
