import { useId } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useActiveExploration, useExplorationList, useSetActiveExploration } from './explorations.api.js';
import './explorations.css';

/**
 * The exploration the user is working on, always in view: new people, organisations and
 * interviews join it unless the user says otherwise.
 */
export function ActiveExplorationSelect() {
  const id = useId();
  const list = useExplorationList();
  const active = useActiveExploration();
  const choose = useSetActiveExploration();
  if (!list.data || !active.data) return null;
  const current = active.data.exploration;
  const choices = list.data.items.filter((x) => x.status !== 'decided' || x.id === current?.id);
  if (list.data.items.length === 0) {
    return (
      <p className="active-exploration muted">
        <Link to="/explorations">Start an exploration</Link>
      </p>
    );
  }
  return (
    <div className="active-exploration">
      <label htmlFor={id}>Exploring</label>
      <select id={id} value={current?.id ?? ''} onChange={(e) => choose.mutate(e.target.value || null)} aria-describedby={`${id}-hint`}>
        <option value="">Nothing in particular</option>
        {choices.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title}
            {x.status === 'paused' ? ' (paused)' : ''}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="visually-hidden">
        New people, organisations and interviews join this exploration unless you choose otherwise.
      </span>
      {current ? (
        <Link className="active-exploration-link" to={`/explorations/${current.id}`}>
          Open<span className="visually-hidden"> the active exploration</span>
        </Link>
      ) : null}
      {choose.isError ? (
        <span className="error" role="alert">
          {choose.error instanceof ApiError ? choose.error.message : 'Could not change the exploration.'}
        </span>
      ) : null}
    </div>
  );
}
