import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { aContact, anInterview } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { exportJson, restoreJson } from '../exports/exports.usecases.js';
import { getWeek, setWeeklyTargets } from './week.usecases.js';

describe.each(dialects)('the week repository on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('suggests targets until the user sets their own, then keeps them (one row, updated in place)', async () => {
    expect(await w.ctx.repos.week.targets()).toEqual({ requests: 5, conversations: 2, people: 5, updatedAt: null });
    await setWeeklyTargets({ ctx: w.ctx, input: { requests: 3 } });
    await setWeeklyTargets({ ctx: w.ctx, input: { people: 0 } });
    expect(await w.ctx.repos.week.targets()).toEqual({ requests: 3, conversations: 2, people: 0, updatedAt: '2026-03-10T10:00:00.000Z' });
    expect(await w.handle.db.selectFrom('weeklyTargets').selectAll().execute()).toHaveLength(1);
  });

  it('reads the interviews with something since a moment, and the ones still waiting for a reply', async () => {
    const ada = await aContact(w.ctx, { name: 'Ada Old' });
    const ben = await aContact(w.ctx, { name: 'Ben New' });
    const cy = await aContact(w.ctx, { name: 'Cy Answered' });
    const waiting = await anInterview(w.ctx, { contactId: ada.id, status: 'requested', requestedAt: '2025-01-06T09:00:00Z' });
    const recent = await anInterview(w.ctx, { contactId: ben.id, status: 'requested', requestedAt: '2026-03-09T09:00:00Z' });
    await anInterview(w.ctx, { contactId: cy.id, status: 'declined', requestedAt: '2025-01-06T09:00:00Z', repliedAt: '2025-01-07T09:00:00Z' });
    const rows = await w.ctx.repos.week.interviews('2026-01-01T00:00:00.000Z');
    expect(rows.map((r) => r.name).sort()).toEqual(['Ada Old', 'Ben New']);
    expect(rows.find((r) => r.id === waiting.id)).toMatchObject({ status: 'requested', requestedAt: '2025-01-06T09:00:00.000Z', repliedAt: null, heldAt: null });
    expect(rows.find((r) => r.id === recent.id)?.contactId).toBe(ben.id);
    expect(await w.ctx.repos.week.peopleAddedSince('2026-03-10T00:00:00.000Z')).toHaveLength(3);
    expect(await w.ctx.repos.week.peopleAddedSince('2026-03-11T00:00:00.000Z')).toHaveLength(0);
  });

  it('goes out with the export and comes back with a restore', async () => {
    const exported = await exportJson({ ctx: w.ctx });
    expect(exported.tables.weeklyTargets).toEqual([expect.objectContaining({ requests: 3, people: 0 })]);
    await setWeeklyTargets({ ctx: w.ctx, input: { requests: 9 } });
    await restoreJson({ ctx: w.ctx, text: JSON.stringify(exported), replace: true });
    expect((await w.ctx.repos.week.targets()).requests).toBe(3);
  });

  it('reviews the week at a chosen moment', async () => {
    // Wednesday 11 March: Ben's request counts this week and has waited two business days; Ada's, a year old, stalled.
    const week = await getWeek({ ctx: w.ctx, at: '2026-03-11T15:00:00Z' });
    expect(week.week).toMatchObject({ start: '2026-03-09', end: '2026-03-15', reviewDue: false });
    expect(week.progress.requests).toEqual({ done: 1, target: 3, met: false });
    expect(week.progress.people).toEqual({ done: 3, target: 0, met: true });
    expect(week.stalled.requests.map((r) => r.name)).toEqual(['Ada Old']);
    expect((await getWeek({ ctx: w.ctx, at: '2026-03-13T10:00:00Z' })).week.reviewDue).toBe(true);
  });
});

describe.each(dialects)('GET /api/v1/week and the targets on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'PUT' | 'POST', url: string, payload?: Record<string, unknown>) => asBrowser(t.app, { method, url, ...(payload ? { payload } : {}) });

  it('sets targets and names the field that is not valid', async () => {
    expect((await call('GET', '/api/v1/week/targets')).json()).toEqual({ targets: { requests: 5, conversations: 2, people: 5, updatedAt: null } });
    const set = await call('PUT', '/api/v1/week/targets', { requests: 2, conversations: 1, people: 1 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().targets).toMatchObject({ requests: 2, conversations: 1, people: 1 });
    for (const [payload, field] of [
      [{ requests: -1 }, 'requests'],
      [{ conversations: 1.5 }, 'conversations'],
      [{ people: 'many' }, 'people'],
      [{ people: 201 }, 'people'],
    ] as const) {
      const bad = await call('PUT', '/api/v1/week/targets', payload);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation.failed');
      expect(JSON.stringify(bad.json().error.details)).toContain(field);
    }
    expect((await call('PUT', '/api/v1/week/targets', { weekly: 3 })).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/week/targets')).json().targets.requests).toBe(2);
  });

  it('shows progress, the streak and the review at a controlled moment', async () => {
    const maya = (await call('POST', '/api/v1/contacts', { name: 'Maya Costa' })).json();
    const sent = await call('POST', '/api/v1/interviews', { contactId: maya.id, status: 'held', requestedAt: '2026-03-09T09:00:00Z', repliedAt: '2026-03-09T12:00:00Z', scheduledAt: '2026-03-10T09:00:00Z', heldAt: '2026-03-10T09:30:00Z' });
    expect(sent.statusCode, sent.body).toBe(201);
    const ben = (await call('POST', '/api/v1/contacts', { name: 'Ben Walsh' })).json();
    await call('POST', '/api/v1/interviews', { contactId: ben.id, status: 'requested', requestedAt: '2026-03-10T08:00:00Z' });

    const week = await call('GET', '/api/v1/week?at=2026-03-13T16:00:00Z');
    expect(week.statusCode, week.body).toBe(200);
    const body = week.json();
    expect(body).toMatchObject({ at: '2026-03-13T16:00:00.000Z', timeZone: 'UTC', week: { start: '2026-03-09', lastWorkingDay: '2026-03-13', reviewDue: true } });
    expect(body.progress).toMatchObject({ requests: { done: 2, target: 2, met: true }, conversations: { done: 1, met: true }, people: { done: 2, met: true }, replies: 1 });
    expect(body.progress.thankYous).toEqual({ onTime: 0, due: 1, rate: 0 });
    expect(body.onTarget).toBe(true);
    expect(body.streak).toBe(1);
    expect(body.stalled.requests.map((r: { name: string }) => r.name)).toEqual(['Ben Walsh']);
    // The thank-you owed to Maya is overdue, and it is among next week's first actions.
    expect(body.stalled.overdue.map((i: { kind: string }) => i.kind)).toContain('thank-you');
    expect(body.nextActions.map((a: { kind: string }) => a.kind)).toContain('thank-you');

    // Next week nothing is done yet; last week's run is still the streak.
    const next = (await call('GET', '/api/v1/week?at=2026-03-17T10:00:00Z')).json();
    expect(next.progress.requests.done).toBe(0);
    expect(next.onTarget).toBe(false);
    expect(next.streak).toBe(1);
    expect(next.history.at(-2)).toMatchObject({ week: '2026-03-09', requests: 2, conversations: 1, onTarget: true });

    // The last instant the API accepts: its week ends in the year 3000, and is still answered.
    const edge = await call('GET', '/api/v1/week?at=2999-12-31T23:59:59.999Z');
    expect(edge.statusCode).toBe(200);
    expect(edge.json().week).toMatchObject({ start: '2999-12-30', end: '3000-01-05' });

    const bad = await call('GET', '/api/v1/week?at=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('at');
  });
});
