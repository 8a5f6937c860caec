import type { InterviewStatus } from '../../shared/schemas/interviews.js';
import { interviewStatuses } from '../../shared/schemas/interviews.js';
import type { Insights, ReferralGraph } from '../../shared/schemas/insights.js';

export interface InsightInterview {
  status: InterviewStatus;
  requestedAt: string | null;
  repliedAt: string | null;
  scheduledAt: string | null;
  heldAt: string | null;
  thankedAt: string | null;
}

const DAY = 86_400_000;
/** States that show the person answered, even where no reply time was recorded. */
const ANSWERED: ReadonlySet<InterviewStatus> = new Set(['scheduled', 'held', 'thanked', 'keeping-in-touch', 'declined']);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/** Monday of the (UTC) week an instant falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

/**
 * How the search is going: answers to requests, how fast people reply, the
 * booster/obligate/curmudgeon mix, conversations per week over the last `weeks`
 * weeks up to `now`, and the funnel through the lifecycle. Pure.
 */
export function insights(
  interviews: readonly InsightInterview[],
  responsiveness: Insights['responsiveness'],
  now: Date,
  weeks = 12,
): Insights {
  const requested = interviews.filter((i) => i.requestedAt);
  const answered = requested.filter((i) => i.repliedAt || ANSWERED.has(i.status));
  const replyDays = requested.filter((i) => i.repliedAt && i.requestedAt).map((i) => Math.max(0, (Date.parse(i.repliedAt ?? '') - Date.parse(i.requestedAt ?? '')) / DAY));
  const buckets = [
    { label: 'Same day', test: (d: number) => d < 1 },
    { label: '1–2 days', test: (d: number) => d >= 1 && d < 3 },
    { label: '3–6 days', test: (d: number) => d >= 3 && d < 7 },
    { label: '7 days or more', test: (d: number) => d >= 7 },
  ].map((b) => ({ label: b.label, count: replyDays.filter(b.test).length }));

  const thisWeek = weekOf(now.toISOString());
  const perWeek = Array.from({ length: weeks }, (_, k) => {
    const start = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - (weeks - 1 - k) * 7 * DAY).toISOString().slice(0, 10);
    return { week: start, held: 0, requested: 0 };
  });
  const slot = new Map(perWeek.map((w) => [w.week, w]));
  for (const i of interviews) {
    if (i.heldAt) {
      const w = slot.get(weekOf(i.heldAt));
      if (w) w.held++;
    }
    if (i.requestedAt) {
      const w = slot.get(weekOf(i.requestedAt));
      if (w) w.requested++;
    }
  }

  const reached = (test: (i: InsightInterview) => boolean) => interviews.filter(test).length;
  const funnel = [
    { stage: 'all', label: 'Ideas and beyond', count: interviews.length },
    { stage: 'requested', label: 'Asked', count: reached((i) => i.requestedAt !== null) },
    { stage: 'answered', label: 'Answered', count: answered.length },
    { stage: 'scheduled', label: 'Scheduled', count: reached((i) => i.scheduledAt !== null || i.heldAt !== null) },
    { stage: 'held', label: 'Held', count: reached((i) => i.heldAt !== null) },
    { stage: 'thanked', label: 'Thanked', count: reached((i) => i.thankedAt !== null) },
    { stage: 'keeping-in-touch', label: 'Keeping in touch', count: reached((i) => i.status === 'keeping-in-touch') },
  ];
  return {
    requests: { sent: requested.length, answered: answered.length, rate: requested.length ? Math.round((answered.length / requested.length) * 1000) / 1000 : null },
    timeToReply: { medianDays: median(replyDays), buckets },
    responsiveness,
    perWeek,
    funnel,
    byStatus: interviewStatuses.map((status) => ({ status, count: interviews.filter((i) => i.status === status).length })),
  };
}

export interface GraphPerson {
  id: string;
  name: string;
  organization: string | null;
  /** Interviews held with this person. */
  conversations: number;
}

/**
 * Who led to whom. Depth counts steps from someone nobody referred; a person's
 * introductions "led to" every conversation further down their chain. Cycles
 * (possible in hand-entered data) are cut where they close. Pure.
 */
export function referralGraph(people: readonly GraphPerson[], referrals: ReadonlyArray<{ from: string; to: string; status: string }>): ReferralGraph {
  const byId = new Map(people.map((p) => [p.id, p]));
  const edges = referrals.filter((r) => byId.has(r.from) && byId.has(r.to) && r.from !== r.to);
  const children = new Map<string, string[]>();
  const referred = new Set<string>();
  for (const e of edges) {
    children.set(e.from, [...(children.get(e.from) ?? []), e.to]);
    referred.add(e.to);
  }
  const involved = new Set(edges.flatMap((e) => [e.from, e.to]));
  const depth = new Map<string, number>();
  const roots = [...involved].filter((id) => !referred.has(id));
  // Breadth first from the roots; whatever a cycle left unreached starts its own chain.
  const queue = roots.map((id) => ({ id, d: 0 }));
  const visit = () => {
    while (queue.length) {
      const { id, d } = queue.shift() ?? { id: '', d: 0 };
      if (depth.has(id)) continue;
      depth.set(id, d);
      for (const child of children.get(id) ?? []) if (!depth.has(child)) queue.push({ id: child, d: d + 1 });
    }
  };
  visit();
  for (const id of involved) {
    if (!depth.has(id)) {
      queue.push({ id, d: 0 });
      visit();
    }
  }
  const downstream = (id: string): number => {
    const seen = new Set<string>([id]);
    const stack = [...(children.get(id) ?? [])];
    let total = 0;
    while (stack.length) {
      const next = stack.pop() ?? '';
      if (seen.has(next)) continue;
      seen.add(next);
      total += byId.get(next)?.conversations ?? 0;
      stack.push(...(children.get(next) ?? []));
    }
    return total;
  };
  const nodes = [...involved].map((id) => {
    const p = byId.get(id) as GraphPerson;
    return { id, name: p.name, organization: p.organization, depth: depth.get(id) ?? 0, conversations: p.conversations };
  });
  nodes.sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
  const topIntroducers = [...children.keys()]
    .map((id) => ({ id, name: byId.get(id)?.name ?? '', introductions: children.get(id)?.length ?? 0, conversations: downstream(id) }))
    .sort((a, b) => b.conversations - a.conversations || b.introductions - a.introductions || a.name.localeCompare(b.name))
    .slice(0, 10);
  return { nodes, edges, maxDepth: Math.max(0, ...nodes.map((n) => n.depth)), topIntroducers };
}
