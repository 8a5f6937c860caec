import { useParams } from 'react-router';
import { ErrorState, Loading } from '../../ui/States.js';
import { PersonMail } from '../mail/PersonMail.js';
import { ExplorationsField } from '../explorations/ExplorationsField.js';
import { AboutPerson } from './AboutPerson.js';
import { LogInteraction } from './LogInteraction.js';
import { NextActionCard } from './NextActionCard.js';
import { updateContact, useContact } from './people.api.js';
import { PersonHeader } from './PersonHeader.js';
import { PersonInterviews } from './PersonInterviews.js';
import { PersonReferrals } from './PersonReferrals.js';
import { PersonTimeline } from './PersonTimeline.js';

/** One person: what is due with them, their story so far, the facts, their interviews and referrals. */
export function PersonPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (contact.isPending) return <Loading what="this person" />;
  if (contact.isError) return <ErrorState error={contact.error} retry={() => void contact.refetch()} />;
  const c = contact.data;
  return (
    <section>
      <PersonHeader contact={c} />
      <div className="grid-2">
        <div>
          <NextActionCard contact={c} />
          <ExplorationsField ids={c.explorationIds} save={(explorationIds) => updateContact(c.id, { explorationIds })} what={c.name} organizationId={c.organizationId} />
          <PersonTimeline contactId={c.id} />
          <PersonMail contactId={c.id} name={c.name} />
          <section className="card">
            <LogInteraction contactId={c.id} />
          </section>
        </div>
        <div>
          <AboutPerson contact={c} />
          <PersonInterviews contactId={c.id} />
          <PersonReferrals contact={c} />
        </div>
      </div>
    </section>
  );
}
