import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import type { Clock } from '../../shared/clock.js';
import { createUserInput, type Account, type Role } from '../../shared/schemas/accounts.js';
import { createUser, deleteUser, invitationLink, openInvitations, register } from '../accounts/accounts.usecases.js';
import type { OutgoingMail } from '../reminders/reminders.usecases.js';
import { createAppContext, type AppContext } from '../repositories.js';
import { shareWithCoach } from '../sharing/sharing.usecases.js';
import {
  assignCohortAdviser,
  caseload,
  cohortsOverview,
  createCohort,
  invitationStatuses,
  inviteFromCsv,
  myAdviser,
  placeStudent,
  removeCohortAdviser,
  revokeInvitation,
  shareWithAdviser,
} from './cohorts.usecases.js';

const GOOD = 'correct horse battery staple 42';
const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('invitation') ?? '';

/** Issue 21, item 3: a whole cohort invited from a CSV file, its advisers, and an adviser's caseload. */
describe.each(dialects)('cohorts on %s', (dialect) => {
  let w: TestWorkspace;
  let time = new Date('2026-03-10T10:00:00Z');
  const clock: Clock = { now: () => time };
  let admin: { id: string };
  beforeAll(async () => {
    w = await createTestWorkspace(dialect, clock);
    admin = (await add('admin@uni.example', 'admin')).user;
  });
  afterAll(async () => w?.dispose());
  const ctx = (): AppContext => createAppContext(w.handle, clock);
  const add = (email: string, role: Role = 'explorer', name = 'Someone') => createUser({ ctx: ctx(), input: createUserInput.parse({ email, name, password: GOOD, role }) });
  const join = async (path: string, email: string, name: string): Promise<Account> =>
    (await register({ ctx: ctx(), input: { email, name, password: GOOD, invitation: tokenOf(path) }, address: null })).user;
  const userRow = (id: string) => w.handle.db.selectFrom('users').select(['cohortId', 'adviserId']).where('id', '=', id).executeTakeFirstOrThrow();
  const counts = async () => ({
    invitations: (await w.handle.db.selectFrom('invitations').select('id').execute()).length,
    cohorts: (await w.handle.db.selectFrom('cohorts').select('id').execute()).length,
  });
  // The workspace is the accounts database here: the tests' explorers keep their (empty) records in it.
  const open = <T>(_userId: string, work: (c: AppContext) => Promise<T>) => work(ctx());

  it('invites a cohort from a file: links shown once, the cohort created, names offered on the join form', async () => {
    const csv = 'Email,Name,Role,Cohort,Adviser\nsam@uni.example,Sam Adviser,coach,MSc Finance 2027,\nasha@uni.example,Asha Patel,student,MSc Finance 2027,sam@uni.example\nben@uni.example,Ben Okafor,,MSc Finance 2027,sam@uni.example\n';
    const result = await inviteFromCsv({ ctx: ctx(), csv, createdBy: admin.id });
    expect(result.cohortsCreated).toEqual(['MSc Finance 2027']);
    expect(result.items.map((i) => [i.line, i.email, i.role, i.emailed])).toEqual([
      [2, 'sam@uni.example', 'coach', false],
      [3, 'asha@uni.example', 'explorer', false],
      [4, 'ben@uni.example', 'explorer', false],
    ]);
    expect(new Set(result.items.map((i) => i.path)).size).toBe(3);
    const asha = result.items[1]?.path ?? '';
    await expect(invitationLink({ ctx: ctx(), invitation: tokenOf(asha) })).resolves.toMatchObject({ email: 'asha@uni.example', name: 'Asha Patel', role: 'explorer' });
    const states = (await invitationStatuses({ ctx: ctx() })).items.filter((i) => i.email.endsWith('@uni.example'));
    expect(states.map((s) => [s.email, s.state, s.cohort?.name])).toEqual(
      expect.arrayContaining([
        ['sam@uni.example', 'pending', 'MSc Finance 2027'],
        ['asha@uni.example', 'pending', 'MSc Finance 2027'],
      ]),
    );

    // The student joins before her adviser has an account: she is in the cohort, and gets Sam once Sam joins.
    const ashaUser = await join(asha, 'asha@uni.example', 'Asha Patel');
    expect(await userRow(ashaUser.id)).toEqual({ cohortId: expect.any(String), adviserId: null });
    const sam = await join(result.items[0]?.path ?? '', 'sam@uni.example', 'Sam Adviser');
    expect(await userRow(ashaUser.id)).toMatchObject({ adviserId: sam.id });
    const ben = await join(result.items[2]?.path ?? '', 'ben@uni.example', 'Ben Okafor');
    expect(await userRow(ben.id)).toMatchObject({ adviserId: sam.id });
    const overview = await cohortsOverview({ ctx: ctx() });
    expect(overview.cohorts).toEqual([
      {
        id: expect.any(String),
        name: 'MSc Finance 2027',
        students: [expect.objectContaining({ name: 'Asha Patel' }), expect.objectContaining({ name: 'Ben Okafor' })],
        advisers: [{ id: sam.id, name: 'Sam Adviser', email: 'sam@uni.example' }],
      },
    ]);
    const joined = (await invitationStatuses({ ctx: ctx() })).items.find((i) => i.email === 'asha@uni.example');
    expect(joined).toMatchObject({ state: 'accepted', acceptedAt: time.toISOString(), acceptedBy: { id: ashaUser.id, name: 'Asha Patel' } });
  });

  it('links a student to an adviser from the same file whom an admin then adds directly, and shows no adviser who is no longer a coach', async () => {
    const made = await inviteFromCsv({ ctx: ctx(), csv: 'email,name,role,adviser\nnoor@uni.example,Noor Ali,,pat@uni.example\npat@uni.example,Pat Adviser,coach,\n', createdBy: admin.id });
    const noor = await join(made.items[0]?.path ?? '', 'noor@uni.example', 'Noor Ali');
    expect(await userRow(noor.id)).toEqual({ cohortId: null, adviserId: null });
    const { user: pat } = await add('pat@uni.example', 'coach', 'Pat Adviser');
    expect(await userRow(noor.id)).toEqual({ cohortId: null, adviserId: pat.id });
    expect((await invitationStatuses({ ctx: ctx() })).items.find((i) => i.email === 'pat@uni.example')).toMatchObject({ state: 'accepted', acceptedBy: { id: pat.id } });
    await expect(myAdviser({ control: ctx(), explorer: noor })).resolves.toMatchObject({ adviser: { id: pat.id } });
    await w.ctx.repos.accounts.updateUser(pat.id, { role: 'explorer' });
    await expect(myAdviser({ control: ctx(), explorer: noor })).resolves.toEqual({ adviser: null, sharing: null });
  });

  it('refuses a file with any bad line, naming line and field, and writes nothing', async () => {
    await add('taken@uni.example');
    await add('plain@uni.example', 'explorer');
    const before = await counts();
    const csv = [
      'email,name,role,cohort,adviser',
      'fine@uni.example,Fine Person,,New Cohort,',
      'taken@uni.example,Taken,,,',
      'not an address,Bad,,,',
      'fine@uni.example,Twice,,,',
      'x@uni.example,Ex,,,plain@uni.example',
    ].join('\n');
    const error = await inviteFromCsv({ ctx: ctx(), csv, createdBy: admin.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cohorts.csv_invalid', status: 400 });
    expect((error as { details: Array<{ line: number; field: string; message: string }> }).details).toEqual([
      { line: 4, field: 'email', message: 'line 4: email is not an email address' },
      { line: 5, field: 'email', message: 'line 5: email fine@uni.example is already on line 2 of this file' },
    ]);
    // The accounts are checked once every line reads well.
    const second = await inviteFromCsv({ ctx: ctx(), csv: 'email,name,adviser\nfine@uni.example,Fine,\ntaken@uni.example,Taken,\nx@uni.example,Ex,plain@uni.example\n', createdBy: admin.id }).catch((e: unknown) => e);
    expect((second as { details: unknown[] }).details).toEqual([
      { line: 3, field: 'email', message: 'line 3: email taken@uni.example already has an account' },
      { line: 4, field: 'adviser', message: 'line 4: adviser plain@uni.example is not a coach (make them a coach first)' },
    ]);
    expect((second as Error).message).toMatch(/^Nobody was invited: the file has 2 problems\./);
    expect(await counts()).toEqual(before);
  });

  it('emails each invitation when mail is set up (a failed send stays listed, not emailed), and a new one replaces the old', async () => {
    const sent: OutgoingMail[] = [];
    const send = async (mail: OutgoingMail) => {
      if (mail.to === 'bounce@uni.example') throw new Error('mailbox full');
      sent.push(mail);
    };
    const first = await inviteFromCsv({ ctx: ctx(), csv: 'email,name\nmail@uni.example,Mae Li\nbounce@uni.example,Bo Unce\n', createdBy: admin.id, send, appUrl: 'https://inroads.uni.example' });
    expect(first.items.map((i) => [i.email, i.emailed])).toEqual([
      ['mail@uni.example', true],
      ['bounce@uni.example', false],
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain(`https://inroads.uni.example${first.items[0]?.path}`);
    expect(sent[0]?.text).toMatch(/^Hello Mae Li,/);
    const states = (await invitationStatuses({ ctx: ctx() })).items;
    expect(states.find((s) => s.email === 'mail@uni.example')?.state).toBe('emailed');
    expect(states.find((s) => s.email === 'bounce@uni.example')?.state).toBe('pending');

    const again = await inviteFromCsv({ ctx: ctx(), csv: 'email,name\nmail@uni.example,Mae Li\n', createdBy: admin.id });
    await expect(invitationLink({ ctx: ctx(), invitation: tokenOf(first.items[0]?.path ?? '') })).rejects.toMatchObject({ code: 'accounts.invitation_invalid' });
    await expect(invitationLink({ ctx: ctx(), invitation: tokenOf(again.items[0]?.path ?? '') })).resolves.toMatchObject({ email: 'mail@uni.example' });
    expect((await invitationStatuses({ ctx: ctx() })).items.filter((s) => s.email === 'mail@uni.example')).toHaveLength(1);
  });

  it('revokes an invitation: its link stops working at once and it says revoked; expired ones say expired', async () => {
    const made = await inviteFromCsv({ ctx: ctx(), csv: 'email,name\nrevoke@uni.example,Rae Voke\nlate@uni.example,Lay Te\n', createdBy: admin.id });
    await expect(revokeInvitation({ ctx: ctx(), email: 'Revoke@uni.example' })).resolves.toEqual({ email: 'revoke@uni.example', revoked: 1 });
    await expect(invitationLink({ ctx: ctx(), invitation: tokenOf(made.items[0]?.path ?? '') })).rejects.toMatchObject({ code: 'accounts.invitation_invalid' });
    await expect(join(made.items[0]?.path ?? '', 'revoke@uni.example', 'Rae Voke')).rejects.toMatchObject({ code: 'accounts.invitation_invalid' });
    await expect(revokeInvitation({ ctx: ctx(), email: 'revoke@uni.example' })).rejects.toMatchObject({ code: 'cohorts.no_invitation', status: 404 });
    expect((await openInvitations({ ctx: ctx() })).items.map((i) => i.email)).not.toContain('revoke@uni.example');
    const saved = time;
    time = new Date(time.getTime() + 15 * 86_400_000);
    try {
      const states = (await invitationStatuses({ ctx: ctx() })).items;
      expect(states.find((s) => s.email === 'revoke@uni.example')).toMatchObject({ state: 'revoked', revokedAt: saved.toISOString() });
      expect(states.find((s) => s.email === 'late@uni.example')?.state).toBe('expired');
    } finally {
      time = saved;
    }
  });

  it('lets an admin assign advisers to cohorts and move a student, and refuses what makes no sense', async () => {
    const { user: coach } = await add('kim@uni.example', 'coach', 'Kim Coach');
    const { user: student } = await add('dev@uni.example', 'explorer', 'Dev Student');
    const made = await createCohort({ ctx: ctx(), name: 'BA History 2026' });
    const cohort = made.cohorts.find((c) => c.name === 'BA History 2026');
    if (!cohort) throw new Error('no cohort');
    await expect(createCohort({ ctx: ctx(), name: 'ba history 2026' })).rejects.toMatchObject({ code: 'cohorts.name_taken' });
    // A file that spells a cohort in another case joins the existing one, and creates nothing.
    const spelled = await inviteFromCsv({ ctx: ctx(), csv: 'email,name,cohort\nfay@uni.example,Fay,BA HISTORY 2026\ngus@uni.example,Gus,ba history 2026\n', createdBy: admin.id });
    expect(spelled.cohortsCreated).toEqual([]);
    expect((await invitationStatuses({ ctx: ctx() })).items.filter((i) => i.cohort?.id === cohort.id).map((i) => i.email).sort()).toEqual(['fay@uni.example', 'gus@uni.example']);
    const assigned = await assignCohortAdviser({ ctx: ctx(), cohortId: cohort.id, adviserId: coach.id });
    expect(assigned.cohorts.find((c) => c.id === cohort.id)?.advisers.map((a) => a.name)).toEqual(['Kim Coach']);
    await expect(assignCohortAdviser({ ctx: ctx(), cohortId: cohort.id, adviserId: student.id })).rejects.toMatchObject({ code: 'cohorts.not_adviser' });
    await expect(assignCohortAdviser({ ctx: ctx(), cohortId: coach.id, adviserId: coach.id })).rejects.toMatchObject({ code: 'cohorts.not_found' });
    const placed = await placeStudent({ ctx: ctx(), userId: student.id, cohortId: cohort.id, adviserId: coach.id });
    expect(placed.students.find((s) => s.id === student.id)).toMatchObject({ cohortId: cohort.id, adviserId: coach.id });
    await expect(placeStudent({ ctx: ctx(), userId: coach.id, cohortId: cohort.id, adviserId: null })).rejects.toMatchObject({ code: 'cohorts.not_student' });
    await expect(placeStudent({ ctx: ctx(), userId: student.id, cohortId: null, adviserId: student.id })).rejects.toMatchObject({ code: 'cohorts.not_adviser' });
    const removed = await removeCohortAdviser({ ctx: ctx(), cohortId: cohort.id, adviserId: coach.id });
    expect(removed.cohorts.find((c) => c.id === cohort.id)?.advisers).toEqual([]);
  });

  it('shows a student their adviser and shares with them in one step', async () => {
    const dev = await w.ctx.repos.accounts.userByEmail('dev@uni.example');
    if (!dev) throw new Error('no student');
    const explorer = { ...dev, passwordHash: undefined } as unknown as Account;
    await expect(myAdviser({ control: ctx(), explorer })).resolves.toEqual({ adviser: { id: expect.any(String), name: 'Kim Coach', email: 'kim@uni.example' }, sharing: null });
    await expect(shareWithAdviser({ control: ctx(), explorer })).resolves.toMatchObject({ adviser: { name: 'Kim Coach' }, sharing: 'progress' });
    expect((await w.ctx.repos.accounts.grantsBy(dev.id)).map((g) => [g.email, g.scope])).toEqual([['kim@uni.example', 'progress']]);
    const { user: loner } = await add('loner@uni.example');
    await expect(shareWithAdviser({ control: ctx(), explorer: { ...loner, reminderEmails: false } })).rejects.toMatchObject({ code: 'cohorts.no_adviser', status: 409 });
  });

  it('gives an adviser their caseload: their own students and their cohorts’, progress only where shared, filterable by cohort', async () => {
    const sam = await w.ctx.repos.accounts.userByEmail('sam@uni.example');
    const kim = await w.ctx.repos.accounts.userByEmail('kim@uni.example');
    const asha = await w.ctx.repos.accounts.userByEmail('asha@uni.example');
    if (!sam || !kim || !asha) throw new Error('missing people');
    await shareWithCoach({ control: ctx(), explorer: { ...asha, reminderEmails: false }, coachEmail: 'sam@uni.example', scope: 'progress' });
    const load = await caseload({ control: ctx(), coach: { ...sam, reminderEmails: false }, cohortId: null, open });
    expect(load.items.map((r) => [r.student.name, r.cohort?.name, r.scope, r.summary === null])).toEqual([
      ['Asha Patel', 'MSc Finance 2027', 'progress', false],
      ['Ben Okafor', 'MSc Finance 2027', null, true],
    ]);
    expect(load.cohorts.map((c) => c.name)).toEqual(['MSc Finance 2027']);
    // Kim advises Dev directly (Dev's cohort no longer has Kim): one cohort to filter by.
    const kims = await caseload({ control: ctx(), coach: { ...kim, reminderEmails: false }, cohortId: null, open });
    expect(kims.items.map((r) => r.student.name)).toEqual(['Dev Student']);
    const other = (await createCohort({ ctx: ctx(), name: 'Other 2028' })).cohorts.find((c) => c.name === 'Other 2028');
    const { user: eve } = await add('eve@uni.example', 'explorer', 'Eve Other');
    await placeStudent({ ctx: ctx(), userId: eve.id, cohortId: other?.id ?? null, adviserId: null });
    await assignCohortAdviser({ ctx: ctx(), cohortId: other?.id ?? '', adviserId: kim.id });
    const both = await caseload({ control: ctx(), coach: { ...kim, reminderEmails: false }, cohortId: null, open });
    expect(both.items.map((r) => r.student.name).sort()).toEqual(['Dev Student', 'Eve Other']);
    const filtered = await caseload({ control: ctx(), coach: { ...kim, reminderEmails: false }, cohortId: other?.id ?? null, open });
    expect(filtered).toMatchObject({ cohortId: other?.id, items: [{ student: { name: 'Eve Other' }, scope: null, summary: null }] });
    // Someone else's cohort filters nothing, and shows nobody of theirs.
    const foreign = await caseload({ control: ctx(), coach: { ...sam, reminderEmails: false }, cohortId: other?.id ?? null, open });
    expect(foreign.cohortId).toBeNull();
    expect(foreign.items.map((r) => r.student.name)).toEqual(['Asha Patel', 'Ben Okafor']);
  });

  it('forgets a deleted adviser everywhere: their cohorts, their students, the invitations naming them', async () => {
    const kim = await w.ctx.repos.accounts.userByEmail('kim@uni.example');
    const dev = await w.ctx.repos.accounts.userByEmail('dev@uni.example');
    if (!kim || !dev) throw new Error('missing people');
    await deleteUser({ ctx: ctx(), id: kim.id, removeWorkspace: async () => undefined });
    expect(await userRow(dev.id)).toMatchObject({ adviserId: null });
    const overview = await cohortsOverview({ ctx: ctx() });
    expect(overview.cohorts.flatMap((c) => c.advisers).map((a) => a.email)).not.toContain('kim@uni.example');
    expect(overview.advisers.map((a) => a.email)).not.toContain('kim@uni.example');
  });
});
