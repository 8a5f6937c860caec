import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';
import { ErrorState } from '../../ui/States.js';
import { useContactInterviews } from '../interviews/interviews.api.js';

/** The person's interviews, each linking to its page. */
export function PersonInterviews({ contactId }: { contactId: string }) {
  const interviews = useContactInterviews(contactId);
  return (
    <section className="card" aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">Interviews</h2>
      {interviews.isError ? <ErrorState error={interviews.error} retry={() => void interviews.refetch()} /> : null}
      {interviews.data?.items.length === 0 ? <p className="muted">None yet.</p> : null}
      <ul className="plain-list">
        {interviews.data?.items.map((i) => (
          <li key={i.id}>
            <Link to={`/interviews/${i.id}`}>{statusLabels[i.status]}</Link> {i.scheduledAt ? <span className="muted">· {formatDateTime(i.scheduledAt)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
