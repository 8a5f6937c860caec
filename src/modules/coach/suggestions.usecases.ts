import { keptUntilChange } from '../kept.js';
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
  // The candidates depend only on the data; their ranking also on the day (recent contact counts for more), so it runs every time.
  const candidates = await keptUntilChange(ctx, 'suggestions', `${explorationId ?? ''}|${organizationId ?? ''}|${limit}`, () =>
    ctx.repos.coach.unaskedCandidates({ explorationId, organizationId }, limit),
  );
  return { items: rankSuggestions(candidates, now(ctx)).slice(0, limit) };
}
