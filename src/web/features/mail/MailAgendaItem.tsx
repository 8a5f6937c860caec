import { useState } from 'react';
import type { AgendaItem } from '../../../shared/schemas/agenda.js';
import { Modal } from '../../ui/Modal.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useInterview, useTransition } from '../interviews/interviews.api.js';
import { ScheduleDialog } from '../interviews/ScheduleDialog.js';
import { ContactForm } from '../people/ContactForm.js';
import { useContact } from '../people/people.api.js';
import { useMarkRequested } from './mail.api.js';
import './mail.css';

/** The part of a mailbox item worth reading on Today: the reply's first lines, or the address that bounced. */
export function MailItemDetails({ item }: { item: AgendaItem }) {
  if (item.kind === 'schedule' && item.quote) {
    return (
      <blockquote className="mail-quote" aria-label="From their reply">
        {item.quote}
      </blockquote>
    );
  }
  // The reason usually names the address already; say it here only when it does not.
  if (item.kind === 'fix-address' && item.email && !item.reason.includes(item.email)) {
    return (
      <p className="mail-bounced">
        Mail to <code>{item.email}</code> came back undelivered.
      </p>
    );
  }
  return null;
}

/** Asks for the time agreed, then moves the conversation to scheduled (as the interview page does). */
function ScheduleFromReply({ interviewId, onClose }: { interviewId: string; onClose: () => void }) {
  const interview = useInterview(interviewId);
  const transition = useTransition();
  if (interview.isPending) return null;
  if (interview.isError) {
    return (
      <Modal title="Schedule the conversation" isOpen onClose={onClose}>
        <ErrorState error={interview.error} />
      </Modal>
    );
  }
  return (
    <>
      <ScheduleDialog
        name={interview.data.contact.name}
        contactId={interview.data.contact.id}
        onClose={onClose}
        onSchedule={(scheduledAt) => transition.mutate({ id: interviewId, to: 'scheduled', scheduledAt }, { onSuccess: onClose })}
      />
      {transition.isError ? <ErrorState error={transition.error} /> : null}
    </>
  );
}

function EditPerson({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const contact = useContact(contactId);
  return (
    <Modal title={contact.data ? `Edit ${contact.data.name}` : 'Edit this person'} isOpen onClose={onClose}>
      {contact.isPending ? <Loading what="this person" /> : null}
      {contact.isError ? <ErrorState error={contact.error} /> : null}
      {contact.data ? <ContactForm contact={contact.data} onCancel={onClose} onSaved={onClose} /> : null}
    </Modal>
  );
}

/** The one action each mailbox item asks for: schedule the conversation, fix the address, or record a request. */
export function MailItemActions({ item }: { item: AgendaItem }) {
  const [open, setOpen] = useState(false);
  const markRequested = useMarkRequested();
  if (item.kind === 'schedule' && item.interviewId) {
    return (
      <>
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          Schedule it
        </button>
        {open ? <ScheduleFromReply interviewId={item.interviewId} onClose={() => setOpen(false)} /> : null}
      </>
    );
  }
  if (item.kind === 'fix-address' && item.contactId) {
    return (
      <>
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          Fix the address
        </button>
        {open ? <EditPerson contactId={item.contactId} onClose={() => setOpen(false)} /> : null}
      </>
    );
  }
  if (item.kind === 'mark-requested' && item.mailMessageId) {
    const id = item.mailMessageId;
    return (
      <>
        <button type="button" className="primary" onClick={() => markRequested.mutate(id)} disabled={markRequested.isPending}>
          Mark as requested
        </button>
        {markRequested.isError ? <ErrorState error={markRequested.error} /> : null}
      </>
    );
  }
  return null;
}
