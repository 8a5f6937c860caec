import { AppError } from '../../shared/errors.js';
import type { Account, Grant, GrantScope } from '../../shared/schemas/accounts.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import type { CoachDashboard, ExplorerNotes, ExplorerProgress, SharingPreview } from '../../shared/schemas/sharing.js';
import { recordGrantChange, recordView, type AuditPerson } from './audit.usecases.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { coachAgendaItem, coachInterview, nameScrubber, progressSummary, pseudonyms } from './sharing.rules.js';

/** Runs work in a user's workspace (holding it open meanwhile); the only way these use cases reach an explorer's data. */
export type OpenWorkspace = <T>(userId: string, work: (ctx: AppContext) => Promise<T>) => Promise<T>;

/** Explorers share with coaches; admins manage accounts and are no coaches. */
const isCoach = (role: string) => role === 'coach';

/** A missing grant answers exactly like a missing explorer: nothing tells the two apart. */
const notShared = () => new AppError('sharing.not_found', 404, 'No explorer shares their progress with you under that id.');

export async function listGrants({ control, explorer }: { control: AppContext; explorer: Account }): Promise<{ items: Grant[] }> {
  const rows = await control.repos.accounts.grantsBy(explorer.id);
  return { items: rows.map((r) => ({ coach: { id: r.coachId, name: r.name, email: r.email }, scope: r.scope, showNames: r.showNames, createdAt: r.createdAt })) };
}

const person = (p: { id: string; name: string; email: string }): AuditPerson => ({ id: p.id, name: p.name, email: p.email });

/**
 * Lets a coach see one's progress (or notes too), with or without the names of the
 * people and organisations; sharing again changes what they see. Each share and
 * change is in the student's access log.
 */
export async function shareWithCoach({
  control,
  explorer,
  coachEmail,
  scope,
  showNames = false,
}: {
  control: AppContext;
  explorer: Account;
  coachEmail: string;
  scope: GrantScope;
  showNames?: boolean;
}): Promise<{ items: Grant[] }> {
  const coach = await control.repos.accounts.userByEmail(coachEmail);
  if (!coach || coach.disabledAt || !isCoach(coach.role) || coach.id === explorer.id) {
    throw new AppError('sharing.no_coach', 400, `${coachEmail} is not a coach on this server. Check the address with your career centre.`, { field: 'coachEmail' });
  }
  await control.transaction(async (tx) => {
    const before = (await tx.repos.accounts.grantsBy(explorer.id)).find((g) => g.coachId === coach.id);
    await tx.repos.accounts.saveGrant({ explorerId: explorer.id, coachId: coach.id, scope, showNames, createdAt: now(tx) });
    if (before && before.scope === scope && before.showNames === showNames) return;
    await recordGrantChange({ control: tx, explorer: person(explorer), coach: person(coach), action: before ? 'changed' : 'shared', scope, showNames });
  });
  return listGrants({ control, explorer });
}

/** Takes a coach's access away; it ends with their very next request. */
export async function stopSharing({ control, explorer, coachId }: { control: AppContext; explorer: Account; coachId: string }): Promise<{ items: Grant[] }> {
  await control.transaction(async (tx) => {
    const before = (await tx.repos.accounts.grantsBy(explorer.id)).find((g) => g.coachId === coachId);
    if (!before || !(await tx.repos.accounts.deleteGrant(explorer.id, coachId))) throw new AppError('sharing.not_found', 404, 'You do not share with that coach.');
    await recordGrantChange({ control: tx, explorer: person(explorer), coach: { id: coachId, name: before.name, email: before.email }, action: 'stopped', scope: before.scope, showNames: before.showNames });
  });
  return listGrants({ control, explorer });
}

/** An explorer's progress; quiet spells are counted from when they joined at the earliest. */
async function summaryOf(ctx: AppContext, joinedAt: string) {
  const [interviews, agenda] = await Promise.all([ctx.repos.insights.interviews(), getAgenda({ ctx })]);
  return { summary: progressSummary({ interviews, agenda: agenda.items, now: agenda.at, timeZone: agenda.timeZone, joinedAt }), agenda: agenda.items };
}

/** Every consenting explorer at a glance: who is stuck, overdue thank-yous, conversations this month. Stuck first. */
export async function coachDashboard({ control, coach, open }: { control: AppContext; coach: Account; open: OpenWorkspace }): Promise<CoachDashboard> {
  const grants = await control.repos.accounts.grantsTo(coach.id);
  const items = [];
  for (const g of grants) {
    const { summary } = await open(g.explorerId, (ctx) => summaryOf(ctx, g.joinedAt));
    items.push({ explorer: { id: g.explorerId, name: g.name, email: g.email }, scope: g.scope, showNames: g.showNames, sharedAt: g.createdAt, summary });
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

/** What a grant lets a coach see: the same whoever asks (the coach, or the student previewing). */
export interface ShareChoice {
  scope: GrantScope;
  showNames: boolean;
}
interface Explorer {
  id: string;
  name: string;
  email: string;
}

/**
 * What a coach sees of one explorer's progress with these choices: the summary, the
 * open agenda and every interview's state, with people and organisations as neutral
 * labels unless names are allowed. The coach's page and the student's preview both
 * come from here. Runs in the explorer's workspace.
 */
async function progressView(ctx: AppContext, explorer: Explorer, joinedAt: string, choice: ShareChoice): Promise<ExplorerProgress> {
  const [{ summary, agenda }, interviews] = await Promise.all([summaryOf(ctx, joinedAt), allInterviews(ctx)]);
  const shared = interviews.map(sharedInterview);
  const open = agenda.filter((a) => a.state === 'open');
  const names = choice.showNames ? null : pseudonyms({ interviews: shared, agenda: open });
  return {
    explorer,
    scope: choice.scope,
    showNames: choice.showNames,
    summary,
    agenda: open.map((a) => coachAgendaItem(a, names)),
    interviews: shared.map((i) => coachInterview(i, names)),
  };
}

/**
 * What a coach sees of one explorer's conversations: what they set out to learn, their
 * notes, takeaways and debrief. Without names, the people and organisations are the
 * same labels as on the progress page, also where the notes name them (the people
 * of the conversations and of the agenda; anyone else stays as written).
 */
/** Notes as written (names allowed). */
const asWritten = (text: string | null) => text;
const entries = (map: Map<string, string>) => [...map].map(([id, name]) => ({ id, name }));

async function notesView(ctx: AppContext, explorer: Explorer, choice: ShareChoice): Promise<ExplorerNotes> {
  const all = await allInterviews(ctx);
  const held = all.filter((i) => i.heldAt || i.notes || i.takeaways);
  const liveNotes = await ctx.repos.conversation.notes(held.map((i) => i.id));
  const scrub = choice.showNames ? null : await scrubberFor(ctx, all.map(sharedInterview));
  const { names = null, text = asWritten } = scrub ?? {};
  const items = held.map((i) => ({
    interview: coachInterview(sharedInterview(i), names),
    objective: text(i.objective),
    notes: text(i.notes),
    takeaways: text(i.takeaways),
    debrief: i.debrief && { ...i.debrief, fit: text(i.debrief.fit), unknowns: text(i.debrief.unknowns), whoElse: text(i.debrief.whoElse) },
    liveNotes: liveNotes.filter((n) => n.interviewId === i.id).map((n) => ({ ...n, body: text(n.body) ?? '' })),
  }));
  return { explorer, showNames: choice.showNames, items };
}

/**
 * The labels of the progress page (numbered from the same conversations and open
 * agenda) and a scrubber that puts them in place of those people's and
 * organisations' names wherever the notes mention them.
 */
async function scrubberFor(ctx: AppContext, interviews: ReturnType<typeof sharedInterview>[]) {
  const open = (await getAgenda({ ctx })).items.filter((a) => a.state === 'open');
  const names = pseudonyms({ interviews, agenda: open });
  const people = new Map(interviews.map((i) => [i.contact.id, i.contact.name]));
  const organizations = new Map(interviews.flatMap((i) => (i.organization ? [[i.organization.id, i.organization.name] as const] : [])));
  const otherPeople = [...new Set(open.flatMap((a) => [a.contactId, a.suggestedContactId]).filter((id): id is string => id !== null && !people.has(id)))];
  const otherOrganizations = [...new Set(open.map((a) => a.organizationId).filter((id): id is string => id !== null && !organizations.has(id)))];
  for (const [id, name] of await ctx.repos.contacts.names(otherPeople)) people.set(id, name);
  for (const [id, name] of await ctx.repos.organizations.names(otherOrganizations)) organizations.set(id, name);
  return { names, text: nameScrubber({ people: entries(people), organizations: entries(organizations) }, names) };
}

const explorerOf = (grant: { explorerId: string; name: string; email: string }): Explorer => ({ id: grant.explorerId, name: grant.name, email: grant.email });

/** One explorer's progress, as their grant allows; the look is written to their access log. */
export async function explorerProgress({ control, coach, explorerId, open }: { control: AppContext; coach: Account; explorerId: string; open: OpenWorkspace }): Promise<ExplorerProgress> {
  const grant = await grantFor(control, coach, explorerId, 'progress');
  const view = await open(explorerId, (ctx) => progressView(ctx, explorerOf(grant), grant.joinedAt, grant));
  await recordView({ control, coach: person(coach), explorer: explorerOf(grant), scope: 'progress', showNames: grant.showNames });
  return view;
}

/** The conversations themselves: only with the notes scope; the look is written to the access log. */
export async function explorerNotes({ control, coach, explorerId, open }: { control: AppContext; coach: Account; explorerId: string; open: OpenWorkspace }): Promise<ExplorerNotes> {
  const grant = await grantFor(control, coach, explorerId, 'notes');
  const view = await open(explorerId, (ctx) => notesView(ctx, explorerOf(grant), grant));
  await recordView({ control, coach: person(coach), explorer: explorerOf(grant), scope: 'notes', showNames: grant.showNames });
  return view;
}

/**
 * Exactly what a coach would see of one's own data with these choices, built by the
 * same views as the coach's pages (nothing is logged: nobody else looked).
 */
export async function previewSharing({ explorer, open, scope, showNames }: { explorer: Account; open: OpenWorkspace } & ShareChoice): Promise<SharingPreview> {
  const who = person(explorer);
  return open(explorer.id, async (ctx) => ({
    progress: await progressView(ctx, who, explorer.createdAt, { scope, showNames }),
    notes: scope === 'notes' ? await notesView(ctx, who, { scope, showNames }) : null,
  }));
}
