import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { ConfirmDialog, Modal } from '../../ui/Modal.js';
import { ErrorState } from '../../ui/States.js';
import { PlanInterviewButton } from '../interviews/PlanInterviewButton.js';
import { DraftRequestButton } from '../outreach/DraftRequest.js';
import { ContactForm } from './ContactForm.js';
import { useDeleteContact } from './people.api.js';
import { TheirTimeNow } from './TheirTime.js';

/** The person page's header: who they are, and the buttons to draft a request, plan an interview, edit, and delete (with a while to undo). */
export function PersonHeader({ contact: c }: { contact: Contact }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  const remove = useDeleteContact({ id: c.id, name: c.name, onDeleted: () => navigate('/people') });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{c.name}</h1>
          <p>
            {[c.title, c.organization?.name].filter(Boolean).join(' at ')}
            {c.organization ? (
              <>
                {' '}
                · <Link to={`/organizations/${c.organization.id}`}>organisation page</Link>
              </>
            ) : null}
          </p>
          <TheirTimeNow timeZone={c.timeZone} />
        </div>
        <div className="actions">
          <DraftRequestButton contactId={c.id} />
          <PlanInterviewButton contactId={c.id} contactName={c.name} />
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)} disabled={remove.isPending}>
            Delete
          </button>
        </div>
      </div>
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      <Modal title={`Edit ${c.name}`} isOpen={editing} onClose={() => setEditing(false)}>
        <ContactForm contact={c} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
      </Modal>
      <ConfirmDialog
        title={`Delete ${c.name}?`}
        message="This removes the person with their interviews, interactions and referrals. Right after, you can undo it for a short while."
        confirmLabel="Delete person"
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          remove.mutate();
        }}
      />
    </>
  );
}
