import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { settableClock } from '../../shared/clock.js';
import { createContactInput } from '../../shared/schemas/contacts.js';
import { createInterviewInput } from '../../shared/schemas/interviews.js';
import type { Account } from '../../shared/schemas/accounts.js';
import { createUser, setReminderEmails } from '../accounts/accounts.usecases.js';
import { createContact } from '../contacts/contacts.usecases.js';
import { createInterview } from '../interviews/interviews.usecases.js';
import { updateProfile } from '../profile/profile.usecases.js';
import { createAppContext, type AppContext } from '../repositories.js';
import {
  OUTCOME,
  openReminderRound,
  planReminderRound,
  recentReminderRounds,
  recordReminderOutcome,
  sendMorningReminder,
  startReminderRound,
  type OutgoingMail,
} from './reminders.usecases.js';

const PASSWORD = 'correct horse battery staple';

describe.each(dialects)('rounds of morning reminders on %s', (dialect) => {
  // 16:47 UTC on 1 December is 05:47 on 2 December in Auckland (NZDT, UTC+13), and 16:47 in London.
  const clock = settableClock('2026-12-01T16:47:00.000Z');
  let accounts: TestWorkspace;
  let control: AppContext;
  const workspaces: TestWorkspace[] = [];
  const people: Array<{ user: Account; ctx: AppContext }> = [];
  const mail: OutgoingMail[] = [];
  const send = async (m: OutgoingMail) => {
    mail.push(m);
  };

  /** Someone who asked for reminders, in a time zone, with a thank-you due (a conversation held yesterday). */
  const person = async (email: string, timeZone: string) => {
    const { user } = await createUser({ ctx: control, input: { email, name: email.split('@')[0] ?? email, role: 'explorer', password: PASSWORD } });
    await setReminderEmails({ ctx: control, userId: user.id, reminderEmails: true });
    const w = await createTestWorkspace(dialect, clock);
    workspaces.push(w);
    await updateProfile({ ctx: w.ctx, input: { timeZone } });
    const { contact } = await createContact({ ctx: w.ctx, input: createContactInput.parse({ name: `Contact of ${email}` }) });
    await createInterview({ ctx: w.ctx, input: createInterviewInput.parse({ contactId: contact.id, status: 'held', heldAt: '2026-11-30T15:00:00.000Z' }) });
    const entry = { user: { ...user, reminderEmails: true }, ctx: w.ctx };
    people.push(entry);
    return entry;
  };

  beforeAll(async () => {
    accounts = await createTestWorkspace(dialect, clock);
    control = createAppContext(accounts.handle, clock);
    await person('aroha@uni.example', 'Pacific/Auckland');
    await person('lee@uni.example', 'Europe/London');
  });
  afterAll(async () => {
    for (const w of workspaces) await w.dispose();
    await accounts?.dispose();
  });

  /** What the send queue would do with a round: every recipient's reminder, counted in the round. */
  const work = async (round: { id: string; force: boolean }) => {
    const { recipients, finished } = await planReminderRound({ control, roundId: round.id });
    let last = finished;
    for (const user of recipients) {
      const { ctx } = people.find((p) => p.user.id === user.id) ?? { ctx: null };
      if (!ctx) throw new Error('no workspace');
      const outcome = await sendMorningReminder({ control, ctx, user, worker: 'test', appUrl: 'https://inroads.example.edu', send, force: round.force });
      last = (await recordReminderOutcome({ control, roundId: round.id, outcome: OUTCOME[outcome] })) ?? last;
    }
    return last;
  };

  it('keeps each person’s 07:00 on an admin’s round: Auckland at 05:47 waits, London gets hers, and the round says so in counts', async () => {
    const queued: Array<{ id: string; force: boolean }> = [];
    const { round } = await startReminderRound({ control, startedBy: people[0]?.user.id ?? '', anyway: false, queue: async (r) => void queued.push(r) });
    expect(round).toMatchObject({ trigger: 'admin', people: null, finishedAt: null });
    expect(queued).toEqual([{ id: round.id, force: false }]);
    const finished = await work(queued[0] ?? { id: '', force: false });
    expect(finished).toMatchObject({ id: round.id, people: 2, sent: 1, waiting: 1, nothingDue: 0, alreadySent: 0, failed: 0, finishedAt: clock.now().toISOString() });
    expect(mail.map((m) => m.to)).toEqual(['lee@uni.example']);
  });

  it('sends to the early riser only when the admin chooses "anyway"; nobody gets a second email that day', async () => {
    const queued: Array<{ id: string; force: boolean }> = [];
    const { round } = await startReminderRound({ control, startedBy: people[0]?.user.id ?? '', anyway: true, queue: async (r) => void queued.push(r) });
    expect(round.trigger).toBe('admin-anyway');
    expect(queued[0]?.force).toBe(true);
    expect(await work(queued[0] ?? { id: '', force: true })).toMatchObject({ people: 2, sent: 1, alreadySent: 1, waiting: 0 });
    expect(mail.map((m) => m.to)).toEqual(['lee@uni.example', 'aroha@uni.example']);
  });

  it('counts the early riser who already had hers as done, not as waiting for 07:00', async () => {
    const queued: Array<{ id: string; force: boolean }> = [];
    await startReminderRound({ control, startedBy: people[0]?.user.id ?? '', anyway: false, queue: async (r) => void queued.push(r) });
    expect(await work(queued[0] ?? { id: '', force: false })).toMatchObject({ people: 2, sent: 0, alreadySent: 2, waiting: 0 });
    expect(mail).toHaveLength(2);
  });

  it('finishes a round for nobody at once, and one for a person who since switched reminders off', async () => {
    const empty = await createTestWorkspace(dialect, clock);
    try {
      const ctl = createAppContext(empty.handle, clock);
      // The hourly round, on a server where nobody has asked for reminders.
      const round = await openReminderRound({ control: ctl, trigger: 'schedule' });
      const { finished } = await planReminderRound({ control: ctl, roundId: round.id });
      expect(finished).toMatchObject({ trigger: 'schedule', people: 0, sent: 0, finishedAt: clock.now().toISOString() });
      // An hourly round that sent nothing is reported (and logged) but not kept: the page lists rounds that did something.
      expect((await recentReminderRounds({ control: ctl })).items).toEqual([]);
    } finally {
      await empty.dispose();
    }
    const { round } = await startReminderRound({ control, startedBy: people[0]?.user.id ?? '', anyway: false, queue: async () => undefined });
    await planReminderRound({ control, roundId: round.id });
    expect(await recordReminderOutcome({ control, roundId: round.id, outcome: 'alreadySent' })).toBeNull();
    expect(await recordReminderOutcome({ control, roundId: round.id, outcome: 'dropped' })).toMatchObject({ people: 1, alreadySent: 1 });
  });

  it('keeps an hourly round that sent something', async () => {
    clock.set('2026-12-02T07:30:00.000Z');
    // 07:30 on 2 December in London: a new day there. Still 2 December in Auckland (20:30), where hers went out this morning.
    const round = await openReminderRound({ control, trigger: 'schedule' });
    expect(await work({ id: round.id, force: false })).toMatchObject({ trigger: 'schedule', people: 2, sent: 1, alreadySent: 1 });
    expect((await recentReminderRounds({ control })).items[0]).toMatchObject({ id: round.id, sent: 1 });
    clock.set('2026-12-02T07:31:00.000Z');
    const quiet = await openReminderRound({ control, trigger: 'schedule' });
    expect(await work({ id: quiet.id, force: false })).toMatchObject({ people: 2, alreadySent: 2 });
    expect((await recentReminderRounds({ control })).items.map((r) => r.id)).not.toContain(quiet.id);
  });

  it('leaves no round behind when the queue refuses it', async () => {
    const before = (await recentReminderRounds({ control, limit: 50 })).items.length;
    await expect(startReminderRound({ control, startedBy: people[0]?.user.id ?? '', anyway: false, queue: async () => Promise.reject(new Error('queue down')) })).rejects.toThrow('queue down');
    expect((await recentReminderRounds({ control, limit: 50 })).items).toHaveLength(before);
  });

  it('lists the last rounds newest first, and lets rounds older than 90 days go', async () => {
    const newest = (await recentReminderRounds({ control })).items;
    expect(newest.length).toBeGreaterThanOrEqual(3);
    expect(newest.map((r) => r.startedAt)).toEqual(newest.map((r) => r.startedAt).sort().reverse());
    clock.set('2027-03-15T09:00:00.000Z');
    const { round } = await startReminderRound({ control, startedBy: people[0]?.user.id ?? '', anyway: false, queue: async () => undefined });
    expect((await recentReminderRounds({ control, limit: 50 })).items.map((r) => r.id)).toEqual([round.id]);
  });
});
