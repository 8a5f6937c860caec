import { Link } from 'react-router';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { useContact, useContactTimeline } from './people.api.js';

/** Who referred the person, and whom they suggested you talk to. */
export function PersonReferrals({ contact }: { contact: Contact }) {
  const referredBy = useContact(contact.referredById ?? undefined);
  const timeline = useContactTimeline(contact.id);
  const made = (timeline.data?.items ?? []).flatMap((e) => (e.type === 'referral' && e.direction === 'made' ? [e.referral] : []));
  return (
    <section className="card" aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">Referrals</h2>
      {referredBy.data ? (
        <p>
          Referred by <Link to={`/people/${referredBy.data.id}`}>{referredBy.data.name}</Link>
        </p>
      ) : (
        <p className="muted">Not referred by anyone you have recorded.</p>
      )}
      {made.length ? (
        <>
          <h3>Suggested you talk to</h3>
          <ul className="plain-list">
            {made.map((referral) => (
              <li key={referral.id}>
                <Link to={`/people/${referral.to.id}`}>{referral.to.name}</Link> <span className="badge">{referral.status}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
