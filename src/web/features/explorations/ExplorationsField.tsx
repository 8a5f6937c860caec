import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { ErrorState } from '../../ui/States.js';
import { useExplorationList, useOrganizationOf, useSaveExplorationIds } from './explorations.api.js';
import './explorations.css';

/**
 * The explorations a person, organisation or interview belongs to, as chips that can be removed,
 * with a way to add another. Saves at once with `save` (the record's own update of `explorationIds`; or a
 * PATCH on `endpoint`, for pages not yet moved to their api file). For a person, the explorations they
 * are part of through their organisation are listed too.
 */
export function ExplorationsField({
  ids,
  save: request,
  endpoint,
  what,
  organizationId,
}: {
  ids: string[];
  save?: (explorationIds: string[]) => Promise<unknown>;
  endpoint?: string;
  what: string;
  organizationId?: string | null;
}) {
  const headingId = useId();
  const selectId = useId();
  const list = useExplorationList();
  const [choice, setChoice] = useState('');
  const organization = useOrganizationOf(organizationId);
  const throughOrganization = (organization.data?.explorationIds ?? []).filter((x) => !ids.includes(x));
  const save = useSaveExplorationIds((explorationIds) => (request ? request(explorationIds) : api.patch(endpoint ?? '', { explorationIds })));
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
      {ids.length === 0 && throughOrganization.length === 0 ? <p className="muted">{what} is not part of any exploration yet.</p> : null}
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
      {throughOrganization.length > 0 && organization.data ? (
        <p className="muted">
          Also through {organization.data.name}:{' '}
          {throughOrganization.map((x, n) => (
            <span key={x}>
              {n > 0 ? ', ' : ''}
              <Link to={`/explorations/${x}`}>{title(x)}</Link>
            </span>
          ))}
          .
        </p>
      ) : null}
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
