import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/fixtures/databases.js';
import { createMultiUserApp, signedIn, type Browser, type MultiUserTestApp } from '../../../test/fixtures/multi-user.js';
import { settableClock } from '../../shared/clock.js';
import { planReminderRound } from './reminders.usecases.js';

const clock = settableClock('2026-12-01T16:47:00.000Z');

describe.each(dialects)('the admin’s reminder routes on %s', (dialect) => {
  let t: MultiUserTestApp;
  let off: MultiUserTestApp;
  let admin: Browser;
  let alice: Browser;
  const queued: Array<{ id: string; force: boolean }> = [];

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, clock, { planReminders: async (round) => void queued.push(round) });
    admin = await signedIn(t, 'admin@uni.example', 'admin');
    alice = await signedIn(t, 'alice@uni.example');
    off = await createMultiUserApp(dialect, clock);
  });
  afterAll(async () => {
    await t?.dispose();
    await off?.dispose();
  });

  it('starts a round that keeps each person’s 07:00, and shows how it went once its people are counted', async () => {
    const started = await admin.call('POST', '/api/v1/admin/reminders/run', {});
    expect(started.statusCode).toBe(202);
    const { round } = started.json();
    expect(round).toMatchObject({ trigger: 'admin', people: null, finishedAt: null, sent: 0 });
    expect(queued.at(-1)).toEqual({ id: round.id, force: false });
    // A script may leave the body out: the same round, 07:00 kept.
    const bare = await admin.call('POST', '/api/v1/admin/reminders/run');
    expect(bare.statusCode).toBe(202);
    expect(bare.json().round.trigger).toBe('admin');
    // The queue's workers plan it and count each person (here by hand).
    await planReminderRound({ control: t.control, roundId: round.id });
    const rounds = (await admin.call('GET', '/api/v1/admin/reminders/rounds')).json().items;
    expect(rounds.find((r: { id: string }) => r.id === round.id)).toMatchObject({ id: round.id, people: 0, sent: 0, finishedAt: clock.now().toISOString() });
  });

  it('sends whatever the hour only when asked "anyway"', async () => {
    const started = await admin.call('POST', '/api/v1/admin/reminders/run', { anyway: true });
    expect(started.statusCode).toBe(202);
    expect(started.json().round.trigger).toBe('admin-anyway');
    expect(queued.at(-1)).toEqual({ id: started.json().round.id, force: true });
  });

  it('is for admins only, refuses an unknown option, and says when reminders are off', async () => {
    expect((await alice.call('POST', '/api/v1/admin/reminders/run', {})).statusCode).toBe(404);
    expect((await alice.call('GET', '/api/v1/admin/reminders/rounds')).statusCode).toBe(404);
    const wrong = await admin.call('POST', '/api/v1/admin/reminders/run', { anyway: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('anyway');
    const offAdmin = await signedIn(off, 'admin@uni.example', 'admin');
    const refused = await offAdmin.call('POST', '/api/v1/admin/reminders/run', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('reminders.off');
    expect((await offAdmin.call('GET', '/api/v1/admin/reminders/rounds')).json().items).toEqual([]);
  });
});
