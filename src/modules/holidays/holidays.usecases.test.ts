import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, testApp, useTestApp } from '../../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import type { App } from '../../server/types.js';
import { fixedClock } from '../../shared/clock.js';
import type { AgendaItem } from '../../shared/schemas/agenda.js';

describe.each(dialects)('public holidays in the profile on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) => asBrowser(t.app, { method, url, ...(payload ? { payload } : {}) });

  it('keeps a country and region, and drops the region when only the country changes', async () => {
    expect((await call('GET', '/api/v1/profile')).json()).toMatchObject({ country: '', region: '' });
    const saved = await call('PATCH', '/api/v1/profile', { country: 'GB', region: 'SCT', holidays: ['2026-07-20'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call('GET', '/api/v1/profile')).json()).toMatchObject({ country: 'GB', region: 'SCT', holidays: ['2026-07-20'] });
    expect((await call('PATCH', '/api/v1/profile', { name: 'Sam' })).json()).toMatchObject({ country: 'GB', region: 'SCT' });
    expect((await call('PATCH', '/api/v1/profile', { country: 'DE' })).json()).toMatchObject({ country: 'DE', region: '' });
    expect((await call('PATCH', '/api/v1/profile', { country: 'DE', region: 'BY' })).json()).toMatchObject({ country: 'DE', region: 'BY' });
  });

  it('refuses an unknown country or a region of another country, naming the field and saving nothing', async () => {
    await call('PATCH', '/api/v1/profile', { country: 'GB', region: 'SCT' });
    const cases = [
      { body: { country: 'ZZ' }, field: 'country' },
      { body: { country: 'gb' }, field: 'country' },
      { body: { country: 'GB', region: 'BY' }, field: 'region' },
      { body: { country: '', region: 'SCT' }, field: 'region' },
    ];
    for (const { body, field } of cases) {
      const refused = await call('PATCH', '/api/v1/profile', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.code).toBe('validation.failed');
      expect(refused.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await call('GET', '/api/v1/profile')).json()).toMatchObject({ country: 'GB', region: 'SCT' });
  });

  it('lists the coming holidays of the region with the user’s days off', async () => {
    await call('PATCH', '/api/v1/profile', { timeZone: 'Europe/London', country: 'GB', region: 'SCT', holidays: ['2026-07-20'] });
    const coming = (await call('GET', '/api/v1/profile/holidays')).json();
    expect(coming).toMatchObject({ country: 'GB', region: 'SCT', from: '2026-03-10', to: '2027-03-09' });
    const dates = coming.holidays.map((h: { date: string }) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(coming.holidays).toContainEqual({ date: '2026-11-30', name: expect.stringMatching(/Andrew/), kind: 'public' });
    expect(coming.holidays).toContainEqual({ date: '2026-07-20', name: 'Your day off', kind: 'day-off' });
    expect(dates).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-01', '2027-01-04']));
    // England has Easter Monday; Scotland does not.
    expect(dates).not.toContain('2026-04-06');
    await call('PATCH', '/api/v1/profile', { region: 'ENG' });
    const england = (await call('GET', '/api/v1/profile/holidays')).json().holidays.map((h: { date: string }) => h.date);
    expect(england).toContain('2026-04-06');
    expect(england).not.toContain('2026-11-30');
  });

  it('lists only days off when no country is chosen, and every country with its regions', async () => {
    await call('PATCH', '/api/v1/profile', { country: '', holidays: ['2026-07-20'] });
    expect((await call('GET', '/api/v1/profile/holidays')).json().holidays).toEqual([{ date: '2026-07-20', name: 'Your day off', kind: 'day-off' }]);
    const places = (await call('GET', '/api/v1/profile/places')).json().countries;
    expect(places.length).toBeGreaterThan(100);
    expect(places.find((c: { code: string }) => c.code === 'GB').regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['ENG', 'SCT', 'WLS', 'NIR']));
    expect(places.find((c: { code: string }) => c.code === 'DE').regions.map((r: { code: string }) => r.code)).toContain('BY');
  });

  it('re-judges how quickly people answered when the country changes', async () => {
    await call('PATCH', '/api/v1/profile', { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], holidays: [], country: '' });
    const ana = (await call('POST', '/api/v1/contacts', { name: 'Ana Lima' })).json();
    // Asked on Thursday 24 December, answered Tuesday 29th in the afternoon: past three plain business days.
    const created = await call('POST', '/api/v1/interviews', {
      contactId: ana.id,
      status: 'scheduled',
      requestedAt: '2026-12-24T09:00:00Z',
      repliedAt: '2026-12-29T15:00:00Z',
      scheduledAt: '2027-01-08T10:00:00Z',
    });
    expect(created.statusCode, created.body).toBe(201);
    const responsiveness = async () => (await call('GET', `/api/v1/contacts/${ana.id}`)).json().responsiveness;
    expect(await responsiveness()).toBe('obligate');
    // In Britain Christmas Day and the Boxing Day substitute (Monday 28th) are holidays: well within three business days.
    await call('PATCH', '/api/v1/profile', { country: 'GB', region: 'ENG' });
    expect(await responsiveness()).toBe('booster');
    // Japan has no public holiday that week.
    await call('PATCH', '/api/v1/profile', { country: 'JP' });
    expect(await responsiveness()).toBe('obligate');
  });
});

describe.each(dialects)('follow-up due dates around public holidays on %s', (dialect) => {
  let w: TestWorkspace;
  let app: App;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) => asBrowser(app, { method, url, ...(payload ? { payload } : {}) });
  beforeAll(async () => {
    // Tuesday 31 March 2026, 10:00 in London: Easter is that weekend.
    w = await createTestWorkspace(dialect, fixedClock('2026-03-31T09:00:00Z'));
    app = await testApp(w);
  });
  afterAll(async () => {
    await app?.close();
    await w?.dispose();
  });

  it('moves "three business days" past Good Friday, Easter Monday and the user’s days off', async () => {
    await call('PATCH', '/api/v1/profile', { timeZone: 'Europe/London', country: '' });
    const org = (await call('POST', '/api/v1/organizations', { name: 'Acme' })).json();
    const ana = (await call('POST', '/api/v1/contacts', { name: 'Ana Asked', organizationId: org.id })).json();
    const interview = (await call('POST', '/api/v1/interviews', { contactId: ana.id })).json();
    expect((await call('POST', `/api/v1/interviews/${interview.id}/transitions`, { to: 'requested' })).statusCode).toBe(200);
    const reachNext = async () => ((await call('GET', '/api/v1/agenda?include=all')).json().items as AgendaItem[]).find((i) => i.kind === 'reach-next')?.due;
    // Wednesday, Thursday, Friday.
    expect(await reachNext()).toBe('2026-04-03T08:00:00.000Z');
    await call('PATCH', '/api/v1/profile', { country: 'GB', region: 'ENG' });
    // Good Friday and Easter Monday are skipped: Wednesday, Thursday, Tuesday.
    expect(await reachNext()).toBe('2026-04-07T08:00:00.000Z');
    // Scotland keeps Good Friday but not Easter Monday: Wednesday, Thursday, Monday.
    await call('PATCH', '/api/v1/profile', { region: 'SCT' });
    expect(await reachNext()).toBe('2026-04-06T08:00:00.000Z');
    // A day off on Thursday pushes it to Tuesday.
    await call('PATCH', '/api/v1/profile', { holidays: ['2026-04-02'] });
    expect(await reachNext()).toBe('2026-04-07T08:00:00.000Z');
  });
});
