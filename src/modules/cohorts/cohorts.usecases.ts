import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Account, Role } from '../../shared/schemas/accounts.js';
import type { Caseload, CaseloadRow, CohortRef, CohortsOverview, CsvInvitations, InvitationStatuses, IssuedInvitation, MyAdviser, PersonRef, RevokedInvitations } from '../../shared/schemas/cohorts.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { now } from '../references.js';
import type { SendMail } from '../reminders/reminders.usecases.js';
import type { AppContext } from '../repositories.js';
import { progressSummary } from '../sharing/sharing.rules.js';
import { shareWithCoach, type OpenWorkspace } from '../sharing/sharing.usecases.js';
import { checkAgainstAccounts, invitationState, readInvitationCsv, type CsvProblem } from './cohorts.rules.js';

const DAY = 86_400_000;
/** A cohort invitation is good for two weeks, like any other. */
export const COHORT_INVITATION_DAYS = 14;
/** At most this many problems are sent back for one file (the message gives the total). */
const MAX_LISTED_PROBLEMS = 200;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The whole file is refused: every problem named by line and field. */
function csvInvalid(problems: CsvProblem[]): AppError {
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  const listed = problems.slice(0, 3).map((p) => p.message);
  const more = problems.length > listed.length ? `; and ${problems.length - listed.length} more` : '';
  return new AppError(
    'cohorts.csv_invalid',
    400,
    `Nobody was invited: the file has ${count}. Fix ${problems.length === 1 ? 'it' : 'them'} and upload it again. ${listed.join('; ')}${more}.`,
    problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ line: p.line, field: p.field, message: p.message })),
  );
}

const invitationText = (name: string, link: string, expiresAt: string, cohort: string | null) =>
  `Hello ${name},\n\nYour career centre invites you to Inroads${cohort ? `, with ${cohort}` : ''}: a place to plan and keep track of your informational interviews.\n\nCreate your account with this link:\n\n${link}\n\nIt works once, until ${expiresAt.slice(0, 10)}. If you were not expecting this, you can ignore this email.\n`;

/**
 * Invites a whole cohort from a CSV file (email, name, role, cohort, adviser). All or
 * nothing: any problem in any line refuses the file and nothing is written. Cohorts
 * named for the first time are created; an address's earlier open invitation is
 * replaced. With `send` (SMTP is set up) and `appUrl` each invitation is emailed too;
 * either way every link is returned, once (only its hash is kept).
 */
export async function inviteFromCsv({
  ctx,
  csv,
  createdBy,
  send,
  appUrl,
}: {
  ctx: AppContext;
  csv: string;
  createdBy: string | null;
  send?: SendMail | null | undefined;
  appUrl?: string | null | undefined;
}): Promise<CsvInvitations> {
  const { rows, problems } = readInvitationCsv(csv);
  if (problems.length > 0) throw csvInvalid(problems);
  const addresses = [...new Set(rows.flatMap((r) => (r.adviser ? [r.email, r.adviser] : [r.email])))];
  const issued = await ctx.transaction(async (tx) => {
    const accounts = await tx.repos.cohorts.accountsByEmail(addresses);
    const accountProblems = checkAgainstAccounts(rows, new Map([...accounts].map(([email, a]) => [email, { role: a.role, disabled: a.disabled }])));
    if (accountProblems.length > 0) throw csvInvalid(accountProblems);
    const at = ctx.clock.now();
    const createdAt = at.toISOString();
    const expiresAt = new Date(at.getTime() + COHORT_INVITATION_DAYS * DAY).toISOString();
    // Cohorts by name, whatever the case: the first spelling in the file names a new one.
    const cohortIds = new Map<string, string>();
    const cohortsCreated: string[] = [];
    for (const name of rows.flatMap((r) => (r.cohort ? [r.cohort] : []))) {
      if (cohortIds.has(name.toLowerCase())) continue;
      const existing = await tx.repos.cohorts.cohortByName(name);
      if (existing) cohortIds.set(name.toLowerCase(), existing.id);
      else {
        const id = newId();
        await tx.repos.cohorts.insertCohort({ id, name, createdAt });
        cohortIds.set(name.toLowerCase(), id);
        cohortsCreated.push(name);
      }
    }
    await tx.repos.cohorts.retireOpenInvitations(rows.map((r) => r.email));
    const items: Array<IssuedInvitation & { id: string }> = [];
    for (const row of rows) {
      const token = randomBytes(24).toString('base64url');
      const id = sha256(token);
      const cohortId = row.cohort ? (cohortIds.get(row.cohort.toLowerCase()) ?? null) : null;
      await tx.repos.cohorts.insertInvitation({
        id,
        email: row.email,
        role: row.role,
        name: row.name,
        cohortId,
        adviserId: row.adviser ? (accounts.get(row.adviser)?.id ?? null) : null,
        adviserEmail: row.adviser,
        createdBy,
        createdAt,
        expiresAt,
      });
      items.push({ id, line: row.line, email: row.email, name: row.name, role: row.role, cohort: row.cohort, adviser: row.adviser, expiresAt, path: `/join?invitation=${token}`, emailed: false });
    }
    return { items, cohortsCreated };
  });
  if (send && appUrl) {
    for (const item of issued.items) {
      try {
        await send({ to: item.email, subject: 'Your invitation to Inroads', text: invitationText(item.name, new URL(item.path, appUrl).href, item.expiresAt, item.cohort) });
        await ctx.repos.cohorts.markEmailed(item.id, now(ctx));
        item.emailed = true;
      } catch {
        // Not sent: it stays listed for copying, and its status says it was not emailed.
      }
    }
  }
  return { items: issued.items.map(({ id: _id, ...item }) => item), cohortsCreated: issued.cohortsCreated };
}

/** Every invitation with its state: pending, emailed, accepted (by whom, when), expired or revoked. */
export async function invitationStatuses({ ctx }: { ctx: AppContext }): Promise<InvitationStatuses> {
  const at = now(ctx);
  const rows = await ctx.repos.cohorts.invitations();
  return {
    items: rows.map((r) => ({
      email: r.email,
      name: r.name,
      role: r.role,
      cohort: r.cohort,
      adviser: r.adviser,
      state: invitationState(r, at),
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      emailedAt: r.emailedAt,
      revokedAt: r.revokedAt,
      acceptedAt: r.usedAt,
      acceptedBy: r.acceptedBy,
    })),
  };
}

/** Revokes an address's open invitations: their links stop working at once. */
export async function revokeInvitation({ ctx, email }: { ctx: AppContext; email: string }): Promise<RevokedInvitations> {
  const address = email.trim().toLowerCase();
  const revoked = await ctx.repos.cohorts.revokeOpenInvitations(address, now(ctx));
  if (revoked === 0) throw new AppError('cohorts.no_invitation', 404, `There is no open invitation for ${address} (it was used, revoked, or never made).`, { field: 'email' });
  return { email: address, revoked };
}

/**
 * Puts a person who has just joined with an invitation where the upload said: a
 * student in their cohort with their adviser (an adviser invited in the same file
 * is linked once they have an account), a coach among the advisers of the cohort.
 * Every used invitation of the address records the account. Runs inside the
 * registration's transaction.
 */
export async function placeNewAccount(
  ctx: AppContext,
  { userId, email, role, invitation }: { userId: string; email: string; role: Role; invitation: { cohortId?: string | null; adviserId?: string | null; adviserEmail?: string | null } | null },
): Promise<void> {
  const at = now(ctx);
  await ctx.repos.cohorts.markAccepted(email, userId);
  if (role === 'coach') await ctx.repos.cohorts.adoptWaitingStudents(email, userId, at);
  if (!invitation) return;
  if (role === 'coach' && invitation.cohortId) await ctx.repos.cohorts.addCohortAdviser(invitation.cohortId, userId, at);
  if (role !== 'explorer') return;
  let adviserId = invitation.adviserId ?? null;
  if (!adviserId && invitation.adviserEmail) {
    const adviser = (await ctx.repos.cohorts.accountsByEmail([invitation.adviserEmail])).get(invitation.adviserEmail);
    if (adviser && adviser.role === 'coach' && !adviser.disabled) adviserId = adviser.id;
  }
  if (invitation.cohortId || adviserId) await ctx.repos.cohorts.setPlacement(userId, { cohortId: invitation.cohortId ?? null, adviserId }, at);
}

const person = (p: PersonRef): PersonRef => ({ id: p.id, name: p.name, email: p.email });

/** The Administration page's cohort section: each cohort's students and advisers, every student's placement, who can advise. */
export async function cohortsOverview({ ctx }: { ctx: AppContext }): Promise<CohortsOverview> {
  const [cohorts, advisers, students, coaches] = await Promise.all([ctx.repos.cohorts.cohorts(), ctx.repos.cohorts.cohortAdvisers(), ctx.repos.cohorts.students(), ctx.repos.cohorts.coaches()]);
  return {
    cohorts: cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      students: students.filter((s) => s.cohortId === c.id).map(person),
      advisers: advisers.filter((a) => a.cohortId === c.id).map(person),
    })),
    students,
    advisers: coaches,
  };
}

async function cohortOrThrow(ctx: AppContext, id: string): Promise<CohortRef> {
  const cohort = await ctx.repos.cohorts.cohort(id);
  if (!cohort) throw new AppError('cohorts.not_found', 404, 'No cohort with that id.', { id });
  return cohort;
}

async function coachOrThrow(ctx: AppContext, id: string, field: string): Promise<void> {
  const user = await ctx.repos.accounts.userById(id);
  if (!user || user.disabledAt || user.role !== 'coach') {
    throw new AppError('cohorts.not_adviser', 400, 'Only an active coach account can be an adviser; make them a coach first.', { field });
  }
}

export async function createCohort({ ctx, name }: { ctx: AppContext; name: string }): Promise<CohortsOverview> {
  await ctx.transaction(async (tx) => {
    if (await tx.repos.cohorts.cohortByName(name)) throw new AppError('cohorts.name_taken', 409, `There is already a cohort called ${name}.`, { field: 'name' });
    await tx.repos.cohorts.insertCohort({ id: newId(), name, createdAt: now(tx) });
  });
  return cohortsOverview({ ctx });
}

export async function assignCohortAdviser({ ctx, cohortId, adviserId }: { ctx: AppContext; cohortId: string; adviserId: string }): Promise<CohortsOverview> {
  await ctx.transaction(async (tx) => {
    await cohortOrThrow(tx, cohortId);
    await coachOrThrow(tx, adviserId, 'adviserId');
    await tx.repos.cohorts.addCohortAdviser(cohortId, adviserId, now(tx));
  });
  return cohortsOverview({ ctx });
}

export async function removeCohortAdviser({ ctx, cohortId, adviserId }: { ctx: AppContext; cohortId: string; adviserId: string }): Promise<CohortsOverview> {
  await cohortOrThrow(ctx, cohortId);
  await ctx.repos.cohorts.removeCohortAdviser(cohortId, adviserId);
  return cohortsOverview({ ctx });
}

/** Moves a student to a cohort (or none) and gives them an adviser (or none). */
export async function placeStudent({ ctx, userId, cohortId, adviserId }: { ctx: AppContext; userId: string; cohortId: string | null; adviserId: string | null }): Promise<CohortsOverview> {
  await ctx.transaction(async (tx) => {
    const user = await tx.repos.accounts.userById(userId);
    if (!user) throw new AppError('accounts.not_found', 404, 'No such account.');
    if (user.role !== 'explorer') throw new AppError('cohorts.not_student', 400, `${user.name} is a ${user.role}: only explorers (students) are placed in a cohort.`);
    if (cohortId) await cohortOrThrow(tx, cohortId);
    if (adviserId) await coachOrThrow(tx, adviserId, 'adviserId');
    await tx.repos.cohorts.setPlacement(userId, { cohortId, adviserId }, now(tx));
  });
  return cohortsOverview({ ctx });
}

/** A student's adviser (their own, or else their cohort's first) and what they already share with them. */
export async function myAdviser({ control, explorer }: { control: AppContext; explorer: Account }): Promise<MyAdviser> {
  const adviser = (await control.repos.cohorts.adviserOf(explorer.id)) ?? (await control.repos.cohorts.cohortAdviserOf(explorer.id)) ?? null;
  if (!adviser) return { adviser: null, sharing: null };
  const grants = await control.repos.accounts.grantsBy(explorer.id);
  return { adviser, sharing: grants.find((g) => g.coachId === adviser.id)?.scope ?? null };
}

/** Shares one's progress with one's adviser in one step (through the ordinary sharing use case); notes already shared stay shared. */
export async function shareWithAdviser({ control, explorer }: { control: AppContext; explorer: Account }): Promise<MyAdviser> {
  const current = await myAdviser({ control, explorer });
  if (!current.adviser) throw new AppError('cohorts.no_adviser', 409, 'You have no adviser assigned yet; your career centre assigns one.');
  await shareWithCoach({ control, explorer, coachEmail: current.adviser.email, scope: current.sharing ?? 'progress' });
  return myAdviser({ control, explorer });
}

/**
 * An adviser's caseload: every active student assigned to them or in a cohort they
 * advise, optionally one cohort's. Those who share show their progress (read from
 * their workspace); those who do not show as not shared yet, with no data at all.
 */
export async function caseload({ control, coach, cohortId, open }: { control: AppContext; coach: Account; cohortId: string | null; open: OpenWorkspace }): Promise<Caseload> {
  const [students, grants] = await Promise.all([control.repos.cohorts.caseload(coach.id), control.repos.accounts.grantsTo(coach.id)]);
  const shared = new Map(grants.map((g) => [g.explorerId, g.scope]));
  const cohorts = new Map<string, CohortRef>();
  for (const s of students) if (s.cohort) cohorts.set(s.cohort.id, s.cohort);
  // A cohort the adviser has nobody in filters nothing (and says nothing about whether it exists).
  const filter = cohortId && cohorts.has(cohortId) ? cohortId : null;
  const items: CaseloadRow[] = [];
  for (const s of students) {
    if (filter && s.cohort?.id !== filter) continue;
    const scope = shared.get(s.id) ?? null;
    const summary = scope
      ? await open(s.id, async (ctx) => {
          const [interviews, agenda] = await Promise.all([ctx.repos.insights.interviews(), getAgenda({ ctx })]);
          return progressSummary({ interviews, agenda: agenda.items, now: agenda.at, timeZone: agenda.timeZone, joinedAt: s.joinedAt });
        })
      : null;
    items.push({ student: { id: s.id, name: s.name, email: s.email }, cohort: s.cohort, scope, summary });
  }
  items.sort((a, b) => Number(b.summary !== null) - Number(a.summary !== null) || Number(b.summary?.stuck ?? false) - Number(a.summary?.stuck ?? false) || a.student.name.localeCompare(b.student.name));
  return { cohorts: [...cohorts.values()].sort((a, b) => a.name.localeCompare(b.name)), cohortId: filter, items };
}
