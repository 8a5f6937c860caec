import type { TimelineEntry } from '../../shared/schemas/timeline.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import { required } from '../references.js';
import type { AppContext } from '../repositories.js';

const interviewDate = (i: Interview) => i.heldAt ?? i.scheduledAt ?? i.requestedAt ?? i.createdAt;

/** Everything that happened with one person — interactions, interviews, referrals — in date order. */
export async function contactTimeline({
  ctx,
  contactId,
  order = 'desc',
}: {
  ctx: AppContext;
  contactId: string;
  order?: 'asc' | 'desc';
}): Promise<{ items: TimelineEntry[] }> {
  required(await ctx.repos.contacts.get(contactId), 'contacts', contactId);
  const [interactions, interviews, referrals] = await Promise.all([
    ctx.repos.interactions.forContact(contactId),
    ctx.repos.interviews.forContact(contactId),
    ctx.repos.referrals.forContact(contactId),
  ]);
  const items: TimelineEntry[] = [
    ...interactions.map((interaction): TimelineEntry => ({ type: 'interaction', at: interaction.occurredAt, interaction })),
    ...interviews.map((interview): TimelineEntry => ({ type: 'interview', at: interviewDate(interview), interview })),
    ...referrals.map(
      (referral): TimelineEntry => ({
        type: 'referral',
        at: referral.createdAt,
        direction: referral.toContactId === contactId ? 'received' : 'made',
        referral,
      }),
    ),
  ];
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (order === 'desc') items.reverse();
  return { items };
}
