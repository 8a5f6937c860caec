import { useState, type FormEvent, type RefObject } from 'react';
import { leadKinds } from '../../../shared/vocabulary/leads.js';
import type { LeadKind } from '../../../shared/schemas/leads.js';
import { ErrorState } from '../../ui/States.js';
import { useUnsavedChanges } from '../../ui/unsaved.js';
import { leadKindLabels } from './labels.js';
import { useCaptureLead, useLeads } from './leads.api.js';
import './leads.css';

/**
 * Interview mode's "I heard of something": a line, what kind it is and whether the
 * person may be named, noted without leaving the conversation. The next step comes
 * later, in the debrief or on the Leads page.
 */
export function LeadCapture({ interviewId, personName, inputRef, onAdded }: { interviewId: string; personName: string; inputRef: RefObject<HTMLInputElement | null>; onAdded: (message: string) => void }) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<LeadKind>('role');
  const [mayName, setMayName] = useState(false);
  const leads = useLeads({ interviewId });
  const capture = useCaptureLead();
  const leave = useUnsavedChanges(title.trim() !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    capture.mutate(
      { title: title.trim(), kind, status: 'heard', interviewId, mayNamePerson: mayName },
      {
        onSuccess: (lead) => {
          setTitle('');
          setMayName(false);
          onAdded(`Lead noted: ${lead.title}.`);
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="im-lead-heading">
      <h2 id="im-lead-heading">Heard of something?</h2>
      <p className="muted">Note it and keep listening; follow it up later the usual way, not now.</p>
      <form onSubmit={submit} className="im-lead">
        <div className="field">
          <label htmlFor="im-lead-title">What you heard</label>
          <input id="im-lead-title" ref={inputRef} value={title} onChange={(e) => setTitle(e.target.value)} aria-keyshortcuts="Alt+L" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="im-lead-kind">It is</label>
          <select id="im-lead-kind" value={kind} onChange={(e) => setKind(e.target.value as LeadKind)}>
            {leadKinds.map((k) => (
              <option key={k} value={k}>
                {leadKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={mayName} onChange={(e) => setMayName(e.target.checked)} /> {personName} said I may mention them
        </label>
        <button type="submit" disabled={!title.trim() || capture.isPending}>
          Note the lead
        </button>
        {leave.dialog}
      </form>
      {capture.isError ? <ErrorState error={capture.error} /> : null}
      <ul>
        {(leads.data?.items ?? []).map((l) => (
          <li key={l.id}>{l.title}</li>
        ))}
      </ul>
    </section>
  );
}
