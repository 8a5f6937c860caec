import { AppError } from '../../shared/errors.js';
import type { Account, Grant, GrantScope } from '../../shared/schemas/accounts.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import type { CoachDashboard, ExplorerNotes, ExplorerProgress } from '../../shared/schemas/sharing.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { progressSummary, sharedAgendaItem } from './sharing.rules.js';

/** Runs work in a user's workspace (holding it open meanwhile); the only way these use cases reach an explorer's data. */
export type OpenWorkspace = <T>(userId: string, work: (ctx: AppContext) => Promise<T>) => Promise<T>;

/** Explorers share with coaches; admins manage accounts and are no coaches. */
const isCoach = (role: string) => role === 'coach';

/** A missing grant answers exactly like a missing explorer: nothing tells the two apart. */
const notShared = () => new AppError('sharing.not_found', 404, 'No explorer shares their progress with you under that id.');

export async function listGrants({ control, explorer }: { control: AppContext; explorer: Account }): Promise<{ items: Grant[] }> {
  const rows = await control.repos.accounts.grantsBy(explorer.id);
  return { items: rows.map((r) => ({ coach: { id: r.coachId, name: r.name, email: r.email }, scope: r.scope, createdAt: r.createdAt })) };
}

/** Lets a coach see one's progress (or notes too); sharing again changes the scope. */
export async function shareWithCoach({ control, explorer, coachEmail, scope }: { control: AppContext; explorer: Account; coachEmail: string; scope: GrantScope }): Promise<{ items: Grant[] }> {
  const coach = await control.repos.accounts.userByEmail(coachEmail);
  if (!coach || coach.disabledAt || !isCoach(coach.role) || coach.id === explorer.id) {
    throw new AppError('sharing.no_coach', 400, `${coachEmail} is not a coach on this server. Check the address with your career centre.`, { field: 'coachEmail' });
  }
  await control.repos.accounts.saveGrant({ explorerId: explorer.id, coachId: coach.id, scope, createdAt: now(control) });
  return listGrants({ control, explorer });
}

/** Takes a coach's access away; it ends with their very next request. */
export async function stopSharing({ control, explorer, coachId }: { control: AppContext; explorer: Account; coachId: string }): Promise<{ items: Grant[] }> {
  if (!(await control.repos.accounts.deleteGrant(explorer.id, coachId))) throw new AppError('sharing.not_found', 404, 'You do not share with that coach.');
  return listGrants({ control, explorer });
}

async function summaryOf(ctx: AppContext) {
  const [interviews, agenda] = await Promise.all([ctx.repos.insights.interviews(), getAgenda({ ctx })]);
  return { summary: progressSummary({ interviews, agenda: agenda.items, now: agenda.at, timeZone: agenda.timeZone }), agenda: agenda.items };
}

/** Every consenting explorer at a glance: who is stuck, overdue thank-yous, conversations this month. Stuck first. */
export async function coachDashboard({ control, coach, open }: { control: AppContext; coach: Account; open: OpenWorkspace }): Promise<CoachDashboard> {
  const grants = await control.repos.accounts.grantsTo(coach.id);
  const items = [];
  for (const g of grants) {
    const { summary } = await open(g.explorerId, summaryOf);
    items.push({ explorer: { id: g.explorerId, name: g.name, email: g.email }, scope: g.scope, sharedAt: g.createdAt, summary });
  }
  items.sort((a, b) => Number(b.summary.stuck) - Number(a.summary.stuck) || b.summary.overdue - a.summary.overdue || a.explorer.name.localeCompare(b.explorer.name));
  return { items };
}

/** The grant a coach holds from an explorer, re-read on every request; `notes` needs the notes scope. */
async function grantFor(control: AppContext, coach: Account, explorerId: string, need: GrantScope) {
  const grant = await control.repos.accounts.grantOf(explorerId, coach.id);
  if (!grant || (need === 'notes' && grant.scope !== 'notes')) throw notShared();
  return grant;
}

const sharedInterview = (i: Interview) => ({
  id: i.id,
  status: i.status,
  statusChangedAt: i.statusChangedAt,
  contact: i.contact,
  organization: i.organization,
  scheduledAt: i.scheduledAt,
  heldAt: i.heldAt,
  thankedAt: i.thankedAt,
});

async function allInterviews(ctx: AppContext): Promise<Interview[]> {
  const items: Interview[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await ctx.repos.interviews.list({}, { field: 'statusChangedAt', direction: 'desc' }, { limit: 500, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/** One explorer's progress: the summary, the open agenda and every interview's state. */
export async function explorerProgress({ control, coach, explorerId, open }: { control: AppContext; coach: Account; explorerId: string; open: OpenWorkspace }): Promise<ExplorerProgress> {
  const grant = await grantFor(control, coach, explorerId, 'progress');
  const [{ summary, agenda }, interviews] = await open(explorerId, (ctx) => Promise.all([summaryOf(ctx), allInterviews(ctx)]));
  return {
    explorer: { id: grant.explorerId, name: grant.name, email: grant.email },
    scope: grant.scope,
    summary,
    agenda: agenda.filter((a) => a.state === 'open').map(sharedAgendaItem),
    interviews: interviews.map(sharedInterview),
  };
}

/** The conversations themselves: only with the notes scope. */
export async function explorerNotes({ control, coach, explorerId, open }: { control: AppContext; coach: Account; explorerId: string; open: OpenWorkspace }): Promise<ExplorerNotes> {
  const grant = await grantFor(control, coach, explorerId, 'notes');
  const { interviews, notes } = await open(explorerId, async (ctx) => {
    const held = (await allInterviews(ctx)).filter((i) => i.heldAt || i.notes || i.takeaways);
    return { interviews: held, notes: await ctx.repos.conversation.notes(held.map((i) => i.id)) };
  });
  const items = interviews.map((i) => ({
    interview: sharedInterview(i),
    objective: i.objective,
    notes: i.notes,
    takeaways: i.takeaways,
    debrief: i.debrief,
    liveNotes: notes.filter((n) => n.interviewId === i.id),
  }));
  return { explorer: { id: grant.explorerId, name: grant.name, email: grant.email }, items };
}
