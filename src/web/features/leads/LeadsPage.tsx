import { useState } from 'react';
import { leadStatuses } from '../../../shared/vocabulary/leads.js';
import type { LeadStatus } from '../../../shared/schemas/leads.js';
import { Modal } from '../../ui/Modal.js';
import { leadGuidance, leadStatusLabels } from './labels.js';
import { LeadForm } from './LeadForm.js';
import { LeadList } from './LeadList.js';
import './leads.css';

/** Every lead heard in a conversation, open ones first by default. */
export function LeadsPage() {
  const [shown, setShown] = useState<LeadStatus[]>(['heard', 'looking-into-it', 'pursuing']);
  const [adding, setAdding] = useState(false);
  const toggle = (status: LeadStatus, on: boolean) => setShown((current) => (on ? [...current, status] : current.filter((s) => s !== status)));
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Leads</h1>
          <p>What you heard about in conversations that could turn into something: roles, teams, projects, events, people.</p>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add a lead
          </button>
        </div>
      </div>
      <p className="notice">{leadGuidance}</p>
      <fieldset className="lead-filters">
        <legend>Show</legend>
        {leadStatuses.map((status) => (
          <label key={status}>
            <input type="checkbox" checked={shown.includes(status)} onChange={(e) => toggle(status, e.target.checked)} /> {leadStatusLabels[status]}
          </label>
        ))}
      </fieldset>
      <LeadList
        filters={shown.length === leadStatuses.length ? {} : { status: shown.length ? shown : ['heard'] }}
        title={shown.length === leadStatuses.length ? 'All leads' : 'Your leads'}
        empty="No leads here yet. In interview mode, Alt+L notes one down while you listen."
      />
      <Modal title="Add a lead" isOpen={adding} onClose={() => setAdding(false)}>
        <LeadForm onCancel={() => setAdding(false)} onSaved={() => setAdding(false)} />
      </Modal>
    </section>
  );
}
