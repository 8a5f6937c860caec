import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { keyQuestions } from '../../../shared/vocabulary/explorations.js';
import type { Exploration } from '../../../shared/schemas/explorations.js';
import { statusLabels, transitionLabels } from '../../ui/labels.js';
import { ConfirmDialog, Modal } from '../../ui/Modal.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { SuggestionsCard } from '../coach/SuggestionsCard.js';
import { LeadList } from '../leads/LeadList.js';
import { ContactForm } from '../people/ContactForm.js';
import { ExplorationForm } from './ExplorationForm.js';
import {
  useActiveExploration,
  useDeleteExploration,
  useExploration,
  useExplorationInterviews,
  useExplorationOrganizations,
  useExplorationPeople,
  useSetActiveExploration,
  useUpdateExploration,
} from './explorations.api.js';
import { explorationStatusLabels, leaningOptions } from './labels.js';
import './explorations.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One exploration: its four questions, whom to ask next, and everything filed under it. */
export function ExplorationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const exploration = useExploration(id);
  const orgs = useExplorationOrganizations(id);
  const people = useExplorationPeople(id);
  const interviews = useExplorationInterviews(id);
  const active = useActiveExploration();
  const makeActive = useSetActiveExploration();
  const save = useUpdateExploration(id);
  const remove = useDeleteExploration();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [addingPerson, setAddingPerson] = useState(false);
  if (exploration.isPending) return <Loading what="this exploration" />;
  if (exploration.isError) return <ErrorState error={exploration.error} />;
  const x = exploration.data;
  const isActive = active.data?.exploration?.id === x.id;
  const nobody = people.data?.total === 0;
  const addPerson = (
    <button type="button" className={nobody ? 'primary' : undefined} onClick={() => setAddingPerson(true)}>
      Add a person
    </button>
  );
  const whenNobodyToRank = nobody ? (
    <div>
      <p>
        Nobody to rank yet. Add people at your target organisations — friends, former colleagues and alumni first — and they will be
        ranked here with the reasons.
      </p>
      <div className="actions">
        {addPerson}
        <Link className="button" to="/organizations">
          Add organisations
        </Link>
        <Link className="button" to="/import">
          Import contacts
        </Link>
      </div>
    </div>
  ) : (
    <div>
      <p className="muted">Everyone here has been asked already. Ask the people you meet whom else to talk to, or add more people.</p>
      <div className="actions">{addPerson}</div>
    </div>
  );
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{x.title}</h1>
          <p>
            {transitionLabels[x.transition]} · <span className="badge">{explorationStatusLabels[x.status]}</span>
            {isActive ? (
              <>
                {' '}
                <span className="badge accent">Active exploration</span>
              </>
            ) : null}
          </p>
        </div>
        <div className="actions">
          <Link className="button primary" to={`/explorations/${x.id}/decision`}>
            Decision board
          </Link>
          {isActive ? null : (
            <button type="button" onClick={() => makeActive.mutate(x.id)} disabled={makeActive.isPending}>
              Make this the active exploration
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            Rename or edit
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete
          </button>
        </div>
      </div>
      {makeActive.isError ? <ErrorState error={makeActive.error} /> : null}
      {remove.isError ? <ErrorState error={remove.error} /> : null}
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
                {leaningOptions.map((o) => (
                  <option key={o.value} value={String(o.value)}>
                    {o.label}
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
          <select id="x-status" value={x.status} onChange={(e) => save.mutate({ status: e.target.value as Exploration['status'] })} aria-describedby="x-status-hint">
            <option value="active">{explorationStatusLabels.active}</option>
            <option value="paused">{explorationStatusLabels.paused}</option>
            <option value="decided">{explorationStatusLabels.decided}</option>
          </select>
          <div className="hint" id="x-status-hint">
            Pause it to set it aside for a while; mark it decided once your conclusion is written.
          </div>
        </div>
        {save.isError ? <ErrorState error={save.error} /> : null}
      </section>
      <SuggestionsCard explorationId={id} empty={whenNobodyToRank} />
      <LeadList filters={{ explorationId: id }} empty="No leads yet from this exploration's organisations, people or conversations." />
      <section className="card" aria-labelledby="x-interviews">
        <h2 id="x-interviews">Conversations</h2>
        {interviews.data?.total ? <p className="muted">{plural(interviews.data.total, 'conversation', 'conversations')} in this exploration.</p> : null}
        {interviews.data?.items.length === 0 ? <p className="muted">None yet. Plan one from a person’s page.</p> : null}
        <ul className="plain-list">
          {interviews.data?.items.map((i) => (
            <li key={i.id}>
              <Link to={`/interviews/${i.id}`}>{i.contact.name}</Link>
              {i.organization ? <span className="muted"> · {i.organization.name}</span> : null} <span className="badge">{statusLabels[i.status]}</span>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="x-orgs">
          <h2 id="x-orgs">Organisations</h2>
          {orgs.data?.items.length === 0 ? (
            <p className="muted">
              None yet. <Link to="/organizations">Add the organisations</Link> you want to learn about.
            </p>
          ) : null}
          <ul className="plain-list">
            {orgs.data?.items.map((o) => (
              <li key={o.id}>
                <Link to={`/organizations/${o.id}`}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="x-people">
          <h2 id="x-people">People</h2>
          {people.data?.items.length === 0 ? <p className="muted">No one yet.</p> : null}
          <ul className="plain-list" aria-labelledby="x-people">
            {people.data?.items.map((c) => (
              <li key={c.id}>
                <Link to={`/people/${c.id}`}>{c.name}</Link>
                {c.organization ? <span className="muted"> · {c.organization.name}</span> : null}
              </li>
            ))}
          </ul>
          {addPerson}
        </section>
      </div>
      <Modal title="Rename or edit the exploration" isOpen={editing} onClose={() => setEditing(false)}>
        <ExplorationForm exploration={x} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </Modal>
      <Modal title={`Add a person to ${x.title}`} isOpen={addingPerson} onClose={() => setAddingPerson(false)}>
        <ContactForm explorationIds={[x.id]} organizationByName onSaved={() => setAddingPerson(false)} onCancel={() => setAddingPerson(false)} />
      </Modal>
      <ConfirmDialog
        title={`Delete ${x.title}?`}
        message="Its people, organisations and conversations stay; they are only no longer filed under it. You can restore it from the Explorations page."
        confirmLabel="Delete exploration"
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(x.id, {
            onSuccess: () => {
              setDeleting(false);
              navigate('/explorations', { state: { deleted: { id: x.id, title: x.title } } });
            },
          })
        }
      />
    </section>
  );
}
