import { useState } from 'react';
import { prepChecklist, prepProgress } from '../../../shared/prep.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { ErrorState } from '../../ui/States.js';
import { useSavePrep } from './interviews.api.js';

/** The preparation checklist, saved as it is ticked; it feeds the "prepare" item on Today. */
export function PrepChecklist({ interview }: { interview: Interview }) {
  // Ticks show at once; the save follows.
  const [checklist, setChecklist] = useState<Record<string, boolean>>(interview.prep.checklist);
  const save = useSavePrep(interview);
  const progress = prepProgress(checklist);
  const toggle = (key: string, value: boolean) => {
    const next = { ...checklist, [key]: value };
    setChecklist(next);
    save.mutate(next);
  };
  return (
    <section className="card" aria-labelledby="prep-heading">
      <h2 id="prep-heading">Preparation</h2>
      <p>
        <progress max={progress.total} value={progress.done} aria-label="Preparation progress" /> {progress.done} of {progress.total} ready
        {progress.complete ? ' — well prepared.' : ''}
      </p>
      <ul className="plain-list">
        {prepChecklist.map((item) => (
          <li key={item.key}>
            <label className="muted checklist-item">
              <input
                type="checkbox"
                checked={checklist[item.key] === true}
                onChange={(e) => toggle(item.key, e.target.checked)}
              />{' '}
              {item.label}
            </label>
          </li>
        ))}
      </ul>
      {save.isError ? <ErrorState error={save.error} /> : null}
    </section>
  );
}
