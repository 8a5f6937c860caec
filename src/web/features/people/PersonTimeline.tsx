import { Link } from 'react-router';
import type { TimelineEntry } from '../../../shared/schemas/timeline.js';
import { formatDateTime } from '../../ui/format.js';
import { interactionKindLabels, statusLabels } from '../../ui/labels.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useContactTimeline } from './people.api.js';

function describe(entry: TimelineEntry): string {
  if (entry.type === 'interaction') return `${interactionKindLabels[entry.interaction.kind] ?? entry.interaction.kind}${entry.interaction.summary ? `: ${entry.interaction.summary}` : ''}`;
  if (entry.type === 'interview') return `Interview — ${statusLabels[entry.interview.status]}${entry.interview.objective ? `: ${entry.interview.objective}` : ''}`;
  return entry.direction === 'received' ? `Referred by ${entry.referral.from.name}` : `Suggested talking to ${entry.referral.to.name}`;
}

/** Everything that happened with the person, newest first: interactions, interviews and referrals. */
export function PersonTimeline({ contactId }: { contactId: string }) {
  const timeline = useContactTimeline(contactId);
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {timeline.isPending ? <Loading what="the timeline" /> : null}
      {timeline.isError ? <ErrorState error={timeline.error} retry={() => void timeline.refetch()} /> : null}
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
  );
}
