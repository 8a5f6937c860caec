import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { formatDateTime } from '../../ui/format.js';
import { relationshipLabels, statusLabels } from '../../ui/labels.js';
import { ConfirmDialog, Modal } from '../../ui/Modal.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useUndoableDelete } from '../../ui/undo.js';
import { SuggestionsCard } from '../coach/SuggestionsCard.js';
import { ContactForm } from '../people/ContactForm.js';
import { motivationLabels, OrganizationForm, postingLabels } from './OrganizationForm.js';
import { ExplorationsField } from '../explorations/ExplorationsField.js';
import { LeadList } from '../leads/LeadList.js';
import { deleteOrganization, updateOrganization, useOrganization, useOrganizationInterviews, useOrganizationPeople } from './organizations.api.js';

export function OrganizationPage() {
  const { id = '' } = useParams();
  const org = useOrganization(id);
  const people = useOrganizationPeople(id);
  const interviews = useOrganizationInterviews(id);
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [addingPerson, setAddingPerson] = useState(false);
  const [added, setAdded] = useState<Contact | null>(null);
  const navigate = useNavigate();
  const remove = useUndoableDelete({
    request: () => deleteOrganization(id),
    label: org.data?.name ?? 'The organisation',
    restoredPath: `/organizations/${id}`,
    homePath: '/organizations',
    onDeleted: () => navigate('/organizations'),
  });
  if (org.isPending) return <Loading what="this organisation" />;
  if (org.isError) return <ErrorState error={org.error} />;
  const o = org.data;
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{o.name}</h1>
          <p>
            {o.rank === null ? 'Not on your target list yet: say how keen you are to rank it' : `Rank ${o.rank}`}
            {o.industry ? ` · ${o.industry}` : ''}
            {o.location ? ` · ${o.location}` : ''}
            {o.website ? (
              <>
                {' · '}
                <a href={o.website} target="_blank" rel="noreferrer noopener">
                  website
                </a>
              </>
            ) : null}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setAddingPerson(true)}>
            Add a person here
          </button>
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete
          </button>
        </div>
      </div>
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      <p role="status" className={added ? 'notice' : 'visually-hidden'}>
        {added ? (
          <>
            Added <Link to={`/people/${added.id}`}>{added.name}</Link> at {o.name}.
          </>
        ) : null}
      </p>
      <section className="card" aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">Why it is on your list</h2>
        <dl className="facts">
          <dt>How keen you are</dt>
          <dd>{motivationLabels[o.motivation]}</dd>
          <dt>Relevant job posting</dt>
          <dd>{postingLabels[o.posting]}</dd>
          <dt>Alumni or affinity link</dt>
          <dd>{o.advocacy ? 'Yes' : 'No'}</dd>
        </dl>
      </section>
      <SuggestionsCard organizationId={id} limit={3} />
      <ExplorationsField ids={o.explorationIds} save={(explorationIds) => updateOrganization(o.id, { explorationIds })} what="This organisation" />
      <div className="grid-2">
        <section className="card" aria-labelledby="people-heading">
          <h2 id="people-heading">People</h2>
          {people.data?.items.length === 0 ? (
            <p className="muted">
              No one here yet. Ask friends whom they know at {o.name}, then use <strong>Add a person here</strong>.
            </p>
          ) : null}
          <div className="table-wrap" role="region" aria-label="Table, scrolls sideways on small screens" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">People at {o.name}</caption>
            <tbody>
              {people.data?.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/people/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.title}</td>
                  <td>{relationshipLabels[c.relationship]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </section>
        <section className="card" aria-labelledby="iv-heading">
          <h2 id="iv-heading">Interviews</h2>
          {interviews.data?.items.length === 0 ? <p className="muted">None yet.</p> : null}
          <ul className="plain-list">
            {interviews.data?.items.map((i) => (
              <li key={i.id}>
                <Link to={`/interviews/${i.id}`}>{i.contact.name}</Link> <span className="badge">{statusLabels[i.status]}</span>{' '}
                {i.scheduledAt ? <span className="muted">{formatDateTime(i.scheduledAt)}</span> : null}
              </li>
            ))}
          </ul>
          {o.notes ? <p>{o.notes}</p> : null}
        </section>
      </div>
      <LeadList filters={{ organizationId: id }} empty={`Nothing heard about ${o.name} yet.`} newLead={{ organizationId: id }} />
      <ConfirmDialog
        title={`Delete ${o.name}?`}
        message="The organisation is removed from your target list. Its people stay, without an organisation. Right after, you can undo it for a short while."
        confirmLabel="Delete organisation"
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          remove.mutate();
        }}
      />
      <Modal title={`Edit ${o.name}`} isOpen={editing} onClose={() => setEditing(false)}>
        <OrganizationForm organization={o} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
      </Modal>
      <Modal title={`Add a person at ${o.name}`} isOpen={addingPerson} onClose={() => setAddingPerson(false)}>
        <ContactForm
          organizationId={o.id}
          onCancel={() => setAddingPerson(false)}
          onSaved={(contact) => {
            setAddingPerson(false);
            setAdded(contact);
          }}
        />
      </Modal>
    </section>
  );
}
