import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview } from '../../../test/fixtures/builders.js';
import { dialects } from '../../../test/fixtures/databases.js';
import { createMultiUserApp, signedIn, type Browser, type MultiUserTestApp } from '../../../test/fixtures/multi-user.js';
import { fixedClock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';

const NOW = '2026-12-02T10:14:00.000Z';

describe.each(dialects)('the cohort report’s routes on %s', (dialect) => {
  let t: MultiUserTestApp;
  let admin: Browser;
  let coach: Browser;
  let student: Browser;
  const cohortId = newId();

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, fixedClock(NOW));
    admin = await signedIn(t, 'admin@uni.example', 'admin');
    coach = await signedIn(t, 'coach@uni.example', 'coach');
    await t.handle.db.insertInto('cohorts').values({ id: cohortId, name: 'MSc Finance 2027', createdAt: NOW, updatedAt: NOW }).execute();
    // Two students in the cohort, six in none; each in no cohort sent two requests last week.
    for (let i = 0; i < 8; i++) {
      const s = await signedIn(t, `s${i}@uni.example`);
      if (i === 0) student = s;
      if (i < 2) await t.handle.db.updateTable('users').set({ cohortId }).where('id', '=', s.id).execute();
      else {
        await t.workspaces.use(s.id, async (ctx) => {
          const contact = await aContact(ctx);
          for (const day of ['24', '25']) await anInterview(ctx, { contactId: contact.id, status: 'requested', requestedAt: `2026-11-${day}T09:00:00.000Z` });
        });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('answers an admin with the report as JSON', async () => {
    const response = await admin.call('GET', '/api/v1/admin/report?period=last-12-weeks');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.period).toEqual({ kind: 'last-12-weeks', from: '2026-09-10', to: '2026-12-02' });
    // 8 students, 2 of them in the cohort: showing 8 beside No cohort's 6 would tell the cohort has 2, so both go
    // (No cohort's to protect the cohort, then the total, since 8 less at least 5 would pin the cohort to under 4).
    expect(report.rows[0]).toMatchObject({ group: { kind: 'all', name: 'All students' }, students: 'hidden', active: 'hidden', requests: 12 });
    expect(report.rows[2]).toMatchObject({ group: { kind: 'none' }, students: 'hidden', requests: 'hidden' });
    expect(report.rows[1]).toMatchObject({ group: { id: cohortId, name: 'MSc Finance 2027' }, students: '<5', requests: 'hidden' });
  });

  it('downloads the CSV as a file, with <5 for the small counts', async () => {
    const response = await admin.call('GET', `/api/v1/admin/report.csv?period=last-4-weeks&cohort=${cohortId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="inroads-report-msc-finance-2027-2026-11-05-to-2026-12-02.csv"');
    expect(response.headers['cache-control']).toMatch(/no-store/);
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^"Group","Students","Active students","Requests sent","Conversations held","Thank-yous on time","Requests 2026-W42"/);
    expect(lines[1]).toMatch(/^"All students","hidden","hidden","12","<5",/);
    expect(lines[2]).toMatch(/^"MSc Finance 2027","<5","hidden",/);
  });

  it('names the field that is wrong and refuses a cohort that is not there', async () => {
    const backwards = await admin.call('GET', '/api/v1/admin/report?period=range&from=2026-11-30&to=2026-11-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('to');
    const badDay = await admin.call('GET', '/api/v1/admin/report.csv?period=range&from=2026-13-01&to=2026-11-01');
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.details[0].field).toBe('from');
    const missing = await admin.call('GET', `/api/v1/admin/report.csv?cohort=${newId()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('reports.no_cohort');
  });

  it('is the admin’s alone: a coach or a student finds nothing there', async () => {
    for (const who of [coach, student]) {
      for (const url of ['/api/v1/admin/report', '/api/v1/admin/report.csv']) {
        const response = await who.call('GET', url);
        expect(response.statusCode, `${who.email} ${url}`).toBe(404);
        expect(response.json().error.code).toBe('route.not_found');
      }
    }
  });
});
