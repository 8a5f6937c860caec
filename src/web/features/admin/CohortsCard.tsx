import { useState, type FormEvent } from 'react';
import type { Cohort, CohortsOverview, PersonRef } from '../../../shared/schemas/cohorts.js';
import { ApiError } from '../../api/client.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/Field.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useAssignAdviser, useCohorts, useCreateCohort, usePlaceStudent, useRemoveAdviser } from './cohorts.api.js';

/** A cohort's advisers, each removable, and a select to add a coach. */
function Advisers({ cohort, coaches }: { cohort: Cohort; coaches: PersonRef[] }) {
  const assign = useAssignAdviser();
  const remove = useRemoveAdviser();
  const [choice, setChoice] = useState('');
  const free = coaches.filter((c) => !cohort.advisers.some((a) => a.id === c.id));
  return (
    <div>
      {cohort.advisers.length === 0 ? <span className="muted">No adviser yet. </span> : null}
      {cohort.advisers.map((a) => (
        <span key={a.id} className="adviser-chip">
          {a.name}
          <button type="button" onClick={() => remove.mutate({ cohortId: cohort.id, adviserId: a.id })} aria-label={`Remove ${a.name} as adviser of ${cohort.name}`}>
            Remove
          </button>
        </span>
      ))}
      {free.length > 0 ? (
        <div className="actions">
          <select aria-label={`Adviser to add to ${cohort.name}`} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose a coach…</option>
            {free.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!choice || assign.isPending}
            onClick={() => assign.mutate({ cohortId: cohort.id, adviserId: choice }, { onSuccess: () => setChoice('') })}
            aria-label={`Add adviser to ${cohort.name}`}
          >
            Add adviser
          </button>
        </div>
      ) : null}
      {assign.isError ? <ErrorState error={assign.error} /> : null}
      {remove.isError ? <ErrorState error={remove.error} /> : null}
    </div>
  );
}

/** Every student with their cohort and adviser, each changed with a select. */
function Students({ data }: { data: CohortsOverview }) {
  const place = usePlaceStudent();
  if (data.students.length === 0) return <p className="muted">No students yet.</p>;
  return (
    <>
      <div className="table-wrap">
        <DataTable
          caption="Students, their cohort and adviser"
          stack
          columns={['Student', 'Cohort', 'Adviser']}
          rows={data.students.map((s) => ({
            key: s.id,
            cells: [
              <span key="n">
                {s.name} <span className="muted">{s.email}</span>
              </span>,
              <select key="c" aria-label={`Cohort of ${s.name}`} value={s.cohortId ?? ''} onChange={(e) => place.mutate({ id: s.id, cohortId: e.target.value || null, adviserId: s.adviserId })}>
                <option value="">No cohort</option>
                {data.cohorts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>,
              <select key="a" aria-label={`Adviser of ${s.name}`} value={s.adviserId ?? ''} onChange={(e) => place.mutate({ id: s.id, cohortId: s.cohortId, adviserId: e.target.value || null })}>
                <option value="">No adviser of their own</option>
                {data.advisers.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>,
            ],
          }))}
        />
      </div>
      <span role="status" className="muted">
        {place.isSuccess ? 'Saved.' : ''}
      </span>
      {place.isError ? <ErrorState error={place.error} /> : null}
    </>
  );
}

/** Cohorts with their students and advisers; where each student belongs and who advises them. */
export function CohortsCard() {
  const overview = useCohorts();
  const create = useCreateCohort();
  const [name, setName] = useState('');
  // The students' list repeats the People list's names, so it opens on request.
  const [placing, setPlacing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, { onSuccess: () => setName('') });
  };
  const nameError = create.error instanceof ApiError ? (create.error.fieldErrors().name ?? create.error.message) : undefined;
  return (
    <section className="card" aria-labelledby="cohorts-heading">
      <h2 id="cohorts-heading">Cohorts and advisers</h2>
      <p>An adviser sees every student of the cohorts they advise, and the students assigned to them, on their Coaching page. Progress shows only once a student shares it.</p>
      {overview.isPending ? <Loading what="cohorts" /> : null}
      {overview.isError ? <ErrorState error={overview.error} retry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <>
          {overview.data.cohorts.length === 0 ? (
            <p className="muted">No cohorts yet: invite one from a CSV file, or add one here.</p>
          ) : (
            <div className="table-wrap">
              <DataTable
                caption="Cohorts"
                stack
                columns={['Cohort', 'Students', 'Advisers']}
                rows={overview.data.cohorts.map((c) => ({
                  key: c.id,
                  cells: [c.name, c.students.length === 0 ? 'none yet' : c.students.map((s) => s.name).join(', '), <Advisers key="a" cohort={c} coaches={overview.data.advisers} />],
                }))}
              />
            </div>
          )}
          <form onSubmit={submit}>
            <div className="row">
              <TextField label="New cohort" required value={name} onChange={(e) => setName(e.target.value)} error={nameError} />
            </div>
            <SaveActions label="Add cohort" pending={create.isPending} saved={false} />
          </form>
          <div className="actions placing-toggle">
            <button type="button" aria-expanded={placing} aria-controls="cohort-students" onClick={() => setPlacing(!placing)}>
              {placing ? 'Hide students' : 'Change a student’s cohort or adviser'}
            </button>
          </div>
          <div id="cohort-students">{placing ? <Students data={overview.data} /> : null}</div>
        </>
      ) : null}
    </section>
  );
}
