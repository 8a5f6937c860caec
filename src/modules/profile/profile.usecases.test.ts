import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { getProfile, updateProfile } from './profile.usecases.js';

describe.each(dialects)('the profile’s working calendar on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) => asBrowser(t.app, { method, url, ...(payload ? { payload } : {}) });

  it('re-judges how quickly people answered when working days or holidays change', async () => {
    await call('PATCH', '/api/v1/profile', { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], holidays: [] });
    const maya = (await call('POST', '/api/v1/contacts', { name: 'Maya Costa' })).json();
    // Asked on a Friday, answered the next Wednesday: four business days, so an obligate.
    const created = await call('POST', '/api/v1/interviews', {
      contactId: maya.id,
      status: 'scheduled',
      requestedAt: '2026-03-06T09:00:00Z',
      repliedAt: '2026-03-11T15:00:00Z',
      scheduledAt: '2026-03-20T10:00:00Z',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await call('GET', `/api/v1/contacts/${maya.id}`)).json().responsiveness).toBe('obligate');
    // With Monday and Tuesday as holidays it was within three business days after all.
    await call('PATCH', '/api/v1/profile', { holidays: ['2026-03-09', '2026-03-10'] });
    expect((await call('GET', `/api/v1/contacts/${maya.id}`)).json().responsiveness).toBe('booster');
    await call('PATCH', '/api/v1/profile', { holidays: [] });
    expect((await call('GET', `/api/v1/contacts/${maya.id}`)).json().responsiveness).toBe('obligate');
  });
});

describe.each(dialects)('the profile on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('keeps one profile with a time zone, working days and holidays', async () => {
    expect((await getProfile({ ctx: w.ctx })).profile).toMatchObject({ timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], updatedAt: null });
    const { profile } = await updateProfile({
      ctx: w.ctx,
      input: { name: 'Sam', timeZone: 'America/New_York', workingDays: [5, 1, 2], holidays: ['2026-12-25', '2026-07-04', '2026-12-25'] },
    });
    expect(profile).toMatchObject({ name: 'Sam', workingDays: [1, 2, 5], holidays: ['2026-07-04', '2026-12-25'] });
  });
});
