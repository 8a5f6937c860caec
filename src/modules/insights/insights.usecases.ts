import type { Insights, ReferralGraph } from '../../shared/schemas/insights.js';
import type { AppContext } from '../repositories.js';
import { insights, referralGraph } from './insights.rules.js';

export async function getInsights({ ctx, weeks }: { ctx: AppContext; weeks?: number | undefined }): Promise<Insights> {
  const [interviews, responsiveness] = await Promise.all([ctx.repos.insights.interviews(), ctx.repos.insights.responsiveness()]);
  return insights(interviews, responsiveness, ctx.clock.now(), weeks);
}

export async function getReferralGraph({ ctx }: { ctx: AppContext }): Promise<ReferralGraph> {
  const [people, referrals] = await Promise.all([ctx.repos.insights.referralPeople(), ctx.repos.insights.referrals()]);
  return referralGraph(people, referrals);
}
