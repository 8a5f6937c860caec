import { formatDateTime } from '../../ui/format.js';
import { ErrorState } from '../../ui/States.js';
import { EmlDrop, outcomeLabels } from './EmlDrop.js';
import { useMailMessages } from './mail.api.js';
import './mail.css';

/** A person's recent mail (what Inroads kept of it: headers and a snippet), and a place to drop more. */
export function PersonMail({ contactId, name }: { contactId: string; name: string }) {
  const messages = useMailMessages(contactId);
  const items = messages.data ?? [];
  return (
    <section className="card" aria-labelledby="person-mail-heading">
      <h2 id="person-mail-heading">Mail</h2>
      {messages.isError ? <ErrorState error={messages.error} retry={() => void messages.refetch()} /> : null}
      {messages.isSuccess && items.length === 0 ? <p className="muted">No mail with {name} yet.</p> : null}
      {items.length ? (
        <ul className="mail-list">
          {items.map((m) => (
            <li key={m.id}>
              <div className="mail-head">
                <span className="badge">{m.direction === 'in' ? `From ${name}` : `To ${name}`}</span>
                <strong>{m.subject || '(no subject)'}</strong>
                <span className="muted">{formatDateTime(m.date)}</span>
                {m.outcome !== 'reply' && m.outcome !== 'other' && m.outcome !== 'sent' ? <span className="badge">{outcomeLabels[m.outcome]}</span> : null}
              </div>
              {m.snippet ? <p className="mail-snippet">{m.snippet}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <EmlDrop contactId={contactId} name={name} />
    </section>
  );
}
