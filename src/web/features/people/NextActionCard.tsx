import type { Contact } from '../../../shared/schemas/contacts.js';
import { formatDateTime } from '../../ui/format.js';
import { kindLabels } from '../../ui/labels.js';
import { ErrorState } from '../../ui/States.js';
import { useContactAgenda } from './people.api.js';

/** What is due with this person this week (and anything overdue): their share of Today's agenda. */
export function NextActionCard({ contact }: { contact: Contact }) {
  const agenda = useContactAgenda(contact.id);
  const items = agenda.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="next-heading">
      <h2 id="next-heading">Next action</h2>
      {agenda.isError ? <ErrorState error={agenda.error} retry={() => void agenda.refetch()} /> : null}
      {agenda.isSuccess && items.length === 0 ? <p className="muted">Nothing due for {contact.name} this week.</p> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.key}>
            <span className="badge accent">{kindLabels[item.kind]}</span> {item.title} — <span className="muted">{formatDateTime(item.due)}</span>
            <p>{item.action}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
