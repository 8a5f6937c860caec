import { Link } from 'react-router';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { formatDateTime } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';

/** Interview mode after the thank-you (or when the interview closed another way): there is no conversation left to hold. */
export function ConversationOver({ interview: i }: { interview: Interview }) {
  const thanked = i.status === 'thanked' || i.status === 'keeping-in-touch';
  return (
    <section className="card gone" aria-labelledby="over-heading">
      <h1 id="over-heading">{thanked ? `The conversation with ${i.contact.name} is over` : `This interview with ${i.contact.name} is closed`}</h1>
      <p>
        It is “{statusLabels[i.status]}”{i.thankedAt ? `: you thanked them on ${formatDateTime(i.thankedAt)}` : ''}. Interview mode is for the conversation itself; the notes,
        the debrief and what comes next are on the interview page.
      </p>
      <p>
        <Link className="button primary" to={`/interviews/${i.id}`}>
          Open the interview
        </Link>
      </p>
    </section>
  );
}
