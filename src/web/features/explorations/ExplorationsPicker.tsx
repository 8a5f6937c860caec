import { useActiveExploration, useExplorationList } from './explorations.api.js';
import './explorations.css';

/** The explorations ticked in an Add form (checkboxes named `explorationIds`). */
export const explorationIdsFrom = (data: FormData): string[] => data.getAll('explorationIds').map(String);

/**
 * Which explorations something new joins: the active one is ticked unless `defaultIds` says otherwise.
 * Decided explorations are not offered. Renders nothing when there are no explorations yet.
 */
export function ExplorationsPicker({ defaultIds, legend = 'Explorations' }: { defaultIds?: string[]; legend?: string }) {
  const list = useExplorationList();
  const active = useActiveExploration();
  if (!list.data || !active.data) return null;
  const ticked = defaultIds ?? (active.data.exploration ? [active.data.exploration.id] : []);
  const choices = list.data.items.filter((x) => x.status !== 'decided' || ticked.includes(x.id));
  if (choices.length === 0) return null;
  return (
    <fieldset className="field exploration-picker">
      <legend>{legend}</legend>
      <div className="chips">
        {choices.map((x) => (
          <label key={x.id} className="chip-option">
            <input type="checkbox" name="explorationIds" value={x.id} defaultChecked={ticked.includes(x.id)} /> {x.title}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
