import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Lead } from '../../../shared/schemas/leads.js';
import { formatDateTime } from '../../ui/format.js';
import { Modal } from '../../ui/Modal.js';
import { ErrorState } from '../../ui/States.js';
import { leadKindLabels, leadStatusLabels } from './labels.js';
import { LeadForm } from './LeadForm.js';
import { useLeads, type LeadListFilters } from './leads.api.js';
import './leads.css';

/** One lead: what was heard, where it stands, its next step, and where it came from. */
export function LeadItem({ lead, onEdit, showOrigin = true }: { lead: Lead; onEdit: (lead: Lead) => void; showOrigin?: boolean }) {
  return (
    <li className="lead">
      <div className="lead-head">
        <strong>{lead.title}</strong> <span className="badge">{leadStatusLabels[lead.status]}</span>{' '}
        <span className="muted">{leadKindLabels[lead.kind]}</span>
      </div>
      {showOrigin && (lead.contact || lead.organization) ? (
        <div className="muted">
          Heard from {lead.contact ? <Link to={`/people/${lead.contact.id}`}>{lead.contact.name}</Link> : 'someone'}
          {lead.organization ? (
            <>
              {' at '}
              <Link to={`/organizations/${lead.organization.id}`}>{lead.organization.name}</Link>
            </>
          ) : null}
          {lead.interviewId ? (
            <>
              {' · '}
              <Link to={`/interviews/${lead.interviewId}`}>the conversation</Link>
            </>
          ) : null}
        </div>
      ) : null}
      {lead.nextStep ? (
        <div>
          Next: {lead.nextStep}
          {lead.nextStepAt ? <span className="muted"> · {formatDateTime(lead.nextStepAt)}</span> : null}
        </div>
      ) : null}
      {lead.contactId ? <div className="muted">{lead.mayNamePerson ? 'You may mention them.' : 'Keep their name out of it.'}</div> : null}
      <button type="button" className="link" onClick={() => onEdit(lead)} aria-label={`Edit the lead “${lead.title}”`}>
        Edit
      </button>
    </li>
  );
}

/**
 * A card of leads: an organisation's, an exploration's or a conversation's. With
 * `newLead`, it also offers to add one there.
 */
export function LeadList({
  filters,
  title = 'Leads',
  empty,
  newLead,
  showOrigin = true,
}: {
  filters: LeadListFilters;
  title?: string;
  empty: string;
  newLead?: { interviewId?: string; organizationId?: string };
  showOrigin?: boolean;
}) {
  const heading = useId();
  const leads = useLeads(filters);
  const [editing, setEditing] = useState<Lead | null>(null);
  const [adding, setAdding] = useState(false);
  const items = leads.data?.items ?? [];
  return (
    <section className="card leads-card" aria-labelledby={heading}>
      <div className="card-header">
        <h2 id={heading}>{title}</h2>
        {newLead ? (
          <button type="button" onClick={() => setAdding(true)}>
            Add a lead
          </button>
        ) : null}
      </div>
      {leads.isError ? <ErrorState error={leads.error} retry={() => void leads.refetch()} /> : null}
      {leads.isSuccess && items.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="plain-list leads">
        {items.map((lead) => (
          <LeadItem key={lead.id} lead={lead} onEdit={setEditing} showOrigin={showOrigin} />
        ))}
      </ul>
      <Modal title="Edit the lead" isOpen={editing !== null} onClose={() => setEditing(null)}>
        {editing ? <LeadForm lead={editing} onCancel={() => setEditing(null)} onSaved={() => setEditing(null)} /> : null}
      </Modal>
      {newLead ? (
        <Modal title="Add a lead" isOpen={adding} onClose={() => setAdding(false)}>
          <LeadForm {...newLead} onCancel={() => setAdding(false)} onSaved={() => setAdding(false)} />
        </Modal>
      ) : null}
    </section>
  );
}
