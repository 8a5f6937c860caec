import type { DecisionBoard } from '../../shared/schemas/decisions.js';
import { required } from '../references.js';
import type { AppContext } from '../repositories.js';
import { decisionBoard } from './decision.rules.js';

/** An exploration's interviews cannot sensibly number more; the board reads at most this many. */
const MAX_INTERVIEWS = 2000;

export async function getDecisionBoard({ ctx, explorationId }: { ctx: AppContext; explorationId: string }): Promise<DecisionBoard> {
  const exploration = required(await ctx.repos.explorations.get(explorationId), 'explorations', explorationId);
  const { items } = await ctx.repos.interviews.list({ explorationId }, { field: 'createdAt', direction: 'asc' }, { limit: MAX_INTERVIEWS, offset: 0 });
  const notes = await ctx.repos.conversation.notes(items.map((i) => i.id));
  return decisionBoard({
    exploration,
    interviews: items.map((i) => ({
      id: i.id,
      contactName: i.contact.name,
      organizationName: i.organization?.name ?? null,
      status: i.status,
      heldAt: i.heldAt,
      createdAt: i.createdAt,
      takeaways: i.takeaways,
      debrief: i.debrief,
    })),
    notes,
  });
}
