import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { dialects } from '../../../test/fixtures/databases.js';

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
