import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { Suggestion } from '../../shared/schemas/coach.js';
import { rankSuggestions } from './ranking.rules.js';

/** Whom to approach next — for an exploration, an organisation, or overall — best first, with reasons. */
export async function suggestions({
  ctx,
  explorationId,
  organizationId,
  limit = 10,
}: {
  ctx: AppContext;
  explorationId?: string | undefined;
  organizationId?: string | undefined;
  limit?: number;
}): Promise<{ items: Suggestion[] }> {
  const candidates = await ctx.repos.coach.unaskedCandidates({ explorationId, organizationId }, limit);
  return { items: rankSuggestions(candidates, now(ctx)).slice(0, limit) };
}
