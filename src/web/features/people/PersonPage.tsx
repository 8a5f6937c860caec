import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AgendaItem } from '../../../shared/schemas/agenda.js';
import { interactionKinds } from '../../../shared/schemas/interactions.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { TimelineEntry } from '../../../shared/schemas/timeline.js';
import { api, ApiError, type Page } from '../../api/client.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { SelectField, TextArea } from '../../ui/Field.js';
import { interactionKindLabels, kindLabels, relationshipLabels, responsivenessLabels, seniorityLabels, statusLabels } from '../../ui/labels.js';
import { ConfirmDialog, Modal } from '../../ui/Modal.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formChanged, useUnsavedChanges } from '../../ui/unsaved.js';
import { PlanInterviewButton } from '../interviews/PlanInterviewButton.js';
import { useUndoableDelete } from '../../ui/undo.js';
import { ContactForm } from './ContactForm.js';
import { ExplorationsField } from '../explorations/ExplorationsField.js';
import { useContact } from './usePeople.js';
import { DraftRequestButton } from '../outreach/DraftRequest.js';

function describe(entry: TimelineEntry): string {
  if (entry.type === 'interaction') return `${interactionKindLabels[entry.interaction.kind] ?? entry.interaction.kind}${entry.interaction.summary ? `: ${entry.interaction.summary}` : ''}`;
  if (entry.type === 'interview') return `Interview — ${statusLabels[entry.interview.status]}${entry.interview.objective ? `: ${entry.interview.objective}` : ''}`;
  return entry.direction === 'received' ? `Referred by ${entry.referral.from.name}` : `Suggested talking to ${entry.referral.to.name}`;
}

function LogInteraction({ contactId }: { contactId: string }) {
  const client = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const logForm = useRef<HTMLFormElement>(null);
  const leave = useUnsavedChanges(() => formChanged(logForm.current));
  const log = useMutation({
    mutationFn: (body: { kind: string; summary: string }) => api.post('/api/v1/interactions', { contactId, ...body }),
    onSuccess: () => client.invalidateQueries(),
    onError: (e) => setError(e instanceof ApiError ? e.message : 'Could not save.'),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    log.mutate({ kind: String(data.get('kind')), summary: String(data.get('summary') ?? '') }, { onSuccess: () => form.reset() });
  };
  return (
    <form ref={logForm} onSubmit={submit} aria-label="Log an interaction">
      <h2>Log an interaction</h2>
      <p className="muted">Logging any contact restarts this person’s check-in clock.</p>
      <SelectField label="What happened" name="kind" defaultValue="note" options={interactionKinds.map((k) => ({ value: k, label: interactionKindLabels[k] ?? k }))} />
      <TextArea label="Summary" name="summary" rows={2} error={error} />
      <button type="submit" className="primary" disabled={log.isPending}>
        Log it
      </button>
      {log.isSuccess ? (
        <span role="status" className="muted">
          {' '}
          Logged.
        </span>
      ) : null}
      {leave.dialog}
    </form>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const timeline = useQuery({ queryKey: ['timeline', id], queryFn: () => api.get<{ items: TimelineEntry[] }>(`/api/v1/contacts/${id}/timeline`) });
  const interviews = useQuery({ queryKey: ['interviews', { contactId: id }], queryFn: () => api.get<Page<Interview>>('/api/v1/interviews', { contactId: id, limit: 50 }) });
  const agenda = useQuery({ queryKey: ['agenda'], queryFn: () => api.get<{ items: AgendaItem[] }>('/api/v1/agenda') });
  const referredBy = useContact(contact.data?.referredById ?? undefined);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  const remove = useUndoableDelete({
    url: `/api/v1/contacts/${id}`,
    label: contact.data?.name ?? 'The person',
    restoredPath: `/people/${id}`,
    homePath: '/people',
    onDeleted: () => navigate('/people'),
  });

  if (contact.isPending) return <Loading what="this person" />;
  if (contact.isError) return <ErrorState error={contact.error} retry={() => void contact.refetch()} />;
  const c = contact.data;
  const next = (agenda.data?.items ?? []).filter((i) => i.contactId === id || i.suggestedContactId === id);
  return (
    <section>
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
        </div>
        <div className="actions">
          <DraftRequestButton contactId={c.id} />
          <PlanInterviewButton contactId={id} contactName={c.name} />
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete
          </button>
        </div>
      </div>
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="next-heading">
            <h2 id="next-heading">Next action</h2>
            {next.length === 0 ? <p className="muted">Nothing due for {c.name} this week.</p> : null}
            <ul className="plain-list">
              {next.map((item) => (
                <li key={item.key}>
                  <span className="badge accent">{kindLabels[item.kind]}</span> {item.title} — <span className="muted">{formatDateTime(item.due)}</span>
                  <p>{item.action}</p>
                </li>
              ))}
            </ul>
          </section>
          <ExplorationsField ids={c.explorationIds} endpoint={`/api/v1/contacts/${c.id}`} what={c.name} organizationId={c.organizationId} />
          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            {timeline.isPending ? <Loading what="the timeline" /> : null}
            {timeline.data?.items.length === 0 ? <p className="muted">Nothing logged yet.</p> : null}
            <ol className="timeline">
              {timeline.data?.items.map((entry, i) => (
                <li key={i}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  {entry.type === 'interview' ? <Link to={`/interviews/${entry.interview.id}`}>{describe(entry)}</Link> : describe(entry)}
                </li>
              ))}
            </ol>
          </section>
          <section className="card">
            <LogInteraction contactId={id} />
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">About</h2>
            <dl className="facts">
              <dt>Relationship</dt>
              <dd>{relationshipLabels[c.relationship]}</dd>
              <dt>Seniority</dt>
              <dd>{c.seniority ? seniorityLabels[c.seniority] : 'Not set'}</dd>
              <dt>Responds</dt>
              <dd>{responsivenessLabels[c.responsiveness]}</dd>
              {c.isHR ? (
                <>
                  <dt>Note</dt>
                  <dd>Works in HR or recruiting — likely to point you to job postings rather than advice.</dd>
                </>
              ) : null}
              {c.emails.length ? (
                <>
                  <dt>Email</dt>
                  <dd>
                    {c.emails.map((e) => (
                      <a key={e.value} href={`mailto:${e.value}`}>
                        {e.value}
                      </a>
                    ))}
                  </dd>
                </>
              ) : null}
              {c.linkedinUrl ? (
                <>
                  <dt>LinkedIn</dt>
                  <dd>
                    <a href={c.linkedinUrl} rel="noreferrer noopener" target="_blank">
                      Profile
                    </a>
                  </dd>
                </>
              ) : null}
              {c.howWeMet ? (
                <>
                  <dt>How you met</dt>
                  <dd>{c.howWeMet}</dd>
                </>
              ) : null}
              {c.connectedOn ? (
                <>
                  <dt>Connected</dt>
                  <dd>{formatDate(c.connectedOn)}</dd>
                </>
              ) : null}
              {c.tags.length ? (
                <>
                  <dt>Tags</dt>
                  <dd>
                    {c.tags.map((t) => (
                      <span key={t} className="badge">
                        {t}
                      </span>
                    ))}
                  </dd>
                </>
              ) : null}
            </dl>
            {c.notes ? <p>{c.notes}</p> : null}
          </section>
          <section className="card" aria-labelledby="interviews-heading">
            <h2 id="interviews-heading">Interviews</h2>
            {interviews.data?.items.length === 0 ? <p className="muted">None yet.</p> : null}
            <ul className="plain-list">
              {interviews.data?.items.map((i) => (
                <li key={i.id}>
                  <Link to={`/interviews/${i.id}`}>{statusLabels[i.status]}</Link> {i.scheduledAt ? <span className="muted">· {formatDateTime(i.scheduledAt)}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="referrals-heading">
            <h2 id="referrals-heading">Referrals</h2>
            {referredBy.data ? (
              <p>
                Referred by <Link to={`/people/${referredBy.data.id}`}>{referredBy.data.name}</Link>
              </p>
            ) : (
              <p className="muted">Not referred by anyone you have recorded.</p>
            )}
            {(() => {
              const made = (timeline.data?.items ?? []).filter((e) => e.type === 'referral' && e.direction === 'made');
              return made.length ? (
                <>
                  <h3>Suggested you talk to</h3>
                  <ul className="plain-list">
                    {made.map((e) =>
                      e.type === 'referral' ? (
                        <li key={e.referral.id}>
                          <Link to={`/people/${e.referral.to.id}`}>{e.referral.to.name}</Link> <span className="badge">{e.referral.status}</span>
                        </li>
                      ) : null,
                    )}
                  </ul>
                </>
              ) : null;
            })()}
          </section>
        </div>
      </div>
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
    </section>
  );
}
