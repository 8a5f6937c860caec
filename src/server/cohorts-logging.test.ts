import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMultiUserApp, signedIn, type Browser, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import { settableClock } from '../shared/clock.js';

/** Issue 21: a cohort upload, a revocation and an adviser's look at their caseload reach the log, never a link's token. */
describe('the log of cohort events', () => {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  let t: MultiUserTestApp;
  let admin: Browser;
  let coach: Browser;

  beforeAll(async () => {
    t = await createMultiUserApp('sqlite', settableClock('2026-03-10T10:00:00.000Z'), {
      logger: {
        level: 'info',
        stream: {
          write(line: string) {
            raw.push(line);
            lines.push(JSON.parse(line) as Record<string, unknown>);
          },
        },
      },
    });
    admin = await signedIn(t, 'admin@uni.example', 'admin');
    coach = await signedIn(t, 'kim@uni.example', 'coach');
  });
  afterAll(async () => t?.dispose());
  const events = (name: string) => lines.filter((l) => l.event === name);

  it('logs how many were invited and by whom, revocations, and caseload views', async () => {
    const upload = await admin.call('POST', '/api/v1/admin/invitations/csv', { csv: 'email,name,cohort,adviser\nasha@uni.example,Asha,MSc,kim@uni.example\nben@uni.example,Ben,MSc,\n' });
    expect(upload.statusCode).toBe(201);
    expect(events('invitation.issued').at(-1)).toMatchObject({ count: 2, emailed: 0, cohortsCreated: ['MSc'], by: admin.id });
    for (const item of upload.json().items as Array<{ path: string }>) expect(raw.join('')).not.toContain(new URL(item.path, 'http://x').searchParams.get('invitation'));
    await admin.call('POST', '/api/v1/admin/invitations/revoke', { email: 'ben@uni.example' });
    expect(events('invitation.revoked').at(-1)).toMatchObject({ email: 'ben@uni.example', by: admin.id });
    await coach.call('GET', '/api/v1/coaching/caseload');
    expect(events('coaching.caseload').at(-1)).toMatchObject({ coachId: coach.id, explorerIds: [] });
  });
});
