import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/fixtures/databases.js';
import { anonymous, cookieValue, browserFor, createMultiUserApp, PASSWORD, signedIn, type Browser, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import type { OutgoingMail } from '../modules/reminders/reminders.usecases.js';
import { settableClock } from '../shared/clock.js';

const clock = settableClock('2026-03-10T10:00:00.000Z');
const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('invitation') ?? '';

/** Issue 21, item 3 over HTTP: admins invite and place, students see their adviser, an adviser sees their caseload and nobody else’s. */
describe.each(dialects)('cohorts over the API on %s', (dialect) => {
  let t: MultiUserTestApp;
  let admin: Browser;
  let kim: Browser;
  let outsider: Browser;
  const mail: OutgoingMail[] = [];

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, clock, { sendMail: async (m) => void mail.push(m) });
    admin = await signedIn(t, 'admin@uni.example', 'admin');
    kim = await signedIn(t, 'kim@uni.example', 'coach', 'Kim Coach');
    outsider = await signedIn(t, 'outsider@uni.example', 'explorer', 'Otto Side');
  });
  afterAll(async () => t?.dispose());

  const joinWith = async (path: string, email: string, name: string): Promise<Browser> => {
    const response = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email, name, password: PASSWORD, invitation: tokenOf(path) });
    expect(response.statusCode, response.body).toBe(201);
    return browserFor(t.app, response.json().user.id, email, cookieValue(response, 'inroads_session') ?? '');
  };

  it('invites a cohort from CSV (emailed, since mail is set up), and a student who joins sees her adviser and shares in one step', async () => {
    const csv = 'email,name,role,cohort,adviser\nasha@uni.example,Asha Patel,,MSc Finance 2027,kim@uni.example\nben@uni.example,Ben Okafor,,MSc Finance 2027,kim@uni.example\n';
    const upload = await admin.call('POST', '/api/v1/admin/invitations/csv', { csv });
    expect(upload.statusCode, upload.body).toBe(201);
    const items = upload.json().items as Array<{ email: string; path: string; emailed: boolean }>;
    expect(items.map((i) => [i.email, i.emailed])).toEqual([
      ['asha@uni.example', true],
      ['ben@uni.example', true],
    ]);
    expect(mail.map((m) => m.to)).toEqual(['asha@uni.example', 'ben@uni.example']);
    expect(mail[0]?.text).toContain(`http://127.0.0.1:4590${items[0]?.path}`);
    const statuses = (await admin.call('GET', '/api/v1/admin/invitations/statuses')).json().items as Array<{ email: string; state: string }>;
    expect(statuses.filter((s) => s.email.endsWith('@uni.example')).map((s) => s.state)).toEqual(['emailed', 'emailed']);

    const link = await anonymous(t.app, 'POST', '/api/v1/auth/invitation', { invitation: tokenOf(items[0]?.path ?? '') });
    expect(link.json()).toMatchObject({ email: 'asha@uni.example', name: 'Asha Patel' });
    const asha = await joinWith(items[0]?.path ?? '', 'asha@uni.example', 'Asha Patel');
    expect((await asha.call('GET', '/api/v1/account/adviser')).json()).toEqual({ adviser: { id: kim.id, name: 'Kim Coach', email: 'kim@uni.example' }, sharing: null });
    const shared = await asha.call('POST', '/api/v1/account/adviser/share');
    expect(shared.json()).toMatchObject({ sharing: 'progress' });
    expect((await asha.call('GET', '/api/v1/account/sharing')).json().items.map((g: { coach: { email: string } }) => g.coach.email)).toEqual(['kim@uni.example']);
    expect((await outsider.call('POST', '/api/v1/account/adviser/share')).json().error.code).toBe('cohorts.no_adviser');
    const after = (await admin.call('GET', '/api/v1/admin/invitations/statuses')).json().items.find((s: { email: string }) => s.email === 'asha@uni.example');
    expect(after).toMatchObject({ state: 'accepted', acceptedBy: { name: 'Asha Patel' } });
  });

  it('refuses a bad file whole, naming lines and fields, with nothing written', async () => {
    const before = (await admin.call('GET', '/api/v1/admin/invitations/statuses')).json();
    const response = await admin.call('POST', '/api/v1/admin/invitations/csv', { csv: 'email,name\ncarl@uni.example,Carl\nnope,Nope\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'cohorts.csv_invalid', details: [{ line: 3, field: 'email', message: 'line 3: email is not an email address' }] });
    expect((await admin.call('GET', '/api/v1/admin/invitations/statuses')).json()).toEqual(before);
  });

  it('gives the adviser their caseload (shared or not yet), by cohort; a student cannot see it, nor manage cohorts', async () => {
    const load = await kim.call('GET', '/api/v1/coaching/caseload');
    expect(load.statusCode).toBe(200);
    const body = load.json();
    expect(body.items.map((r: { student: { name: string }; scope: string | null; summary: unknown }) => [r.student.name, r.scope, r.summary === null])).toEqual([['Asha Patel', 'progress', false]]);
    const cohortId = body.cohorts[0]?.id as string;
    expect((await kim.call('GET', `/api/v1/coaching/caseload?cohort=${cohortId}`)).json()).toMatchObject({ cohortId, items: [{ student: { name: 'Asha Patel' } }] });
    expect((await kim.call('GET', '/api/v1/coaching/caseload?cohort=nope')).statusCode).toBe(400);
    // Ben has not joined: nobody to show yet. Otto is nobody's: placing him gives Kim a student who has not shared.
    const overview = (await admin.call('PUT', `/api/v1/admin/users/${outsider.id}/cohort`, { cohortId, adviserId: null })).json();
    expect(overview.cohorts[0]).toMatchObject({ name: 'MSc Finance 2027', students: [{ name: 'Asha Patel' }, { name: 'Otto Side' }], advisers: [] });
    expect((await kim.call('GET', '/api/v1/coaching/caseload')).json().items).toEqual([expect.objectContaining({ student: expect.objectContaining({ name: 'Asha Patel' }) })]);
    const advised = await admin.call('PUT', `/api/v1/admin/cohorts/${cohortId}/advisers/${kim.id}`);
    expect(advised.json().cohorts[0].advisers.map((a: { name: string }) => a.name)).toEqual(['Kim Coach']);
    const withOtto = (await kim.call('GET', '/api/v1/coaching/caseload')).json().items;
    expect(withOtto.map((r: { student: { name: string }; scope: string | null; summary: unknown }) => [r.student.name, r.scope, r.summary])).toEqual([
      ['Asha Patel', 'progress', expect.any(Object)],
      ['Otto Side', null, null],
    ]);
    // Another coach sees none of them; students and coaches cannot reach the admin routes or the caseload.
    const lee = await signedIn(t, 'lee@uni.example', 'coach', 'Lee Coach');
    expect((await lee.call('GET', '/api/v1/coaching/caseload')).json()).toEqual({ cohorts: [], cohortId: null, items: [] });
    expect((await outsider.call('GET', '/api/v1/coaching/caseload')).statusCode).toBe(404);
    expect((await outsider.call('GET', '/api/v1/admin/cohorts')).statusCode).toBe(404);
    expect((await kim.call('POST', '/api/v1/admin/invitations/csv', { csv: 'email,name\nx@uni.example,X\n' })).statusCode).toBe(404);
    expect((await admin.call('DELETE', `/api/v1/admin/cohorts/${cohortId}/advisers/${kim.id}`)).json().cohorts[0].advisers).toEqual([]);
  });

  it('revokes a pending invitation: the link no longer lets anyone join', async () => {
    const ben = (await admin.call('GET', '/api/v1/admin/invitations/statuses')).json().items.find((s: { email: string }) => s.email === 'ben@uni.example');
    expect(ben.state).toBe('emailed');
    const revoked = await admin.call('POST', '/api/v1/admin/invitations/revoke', { email: 'ben@uni.example' });
    expect(revoked.json()).toEqual({ email: 'ben@uni.example', revoked: 1 });
    expect((await admin.call('POST', '/api/v1/admin/invitations/revoke', { email: 'ben@uni.example' })).json().error.code).toBe('cohorts.no_invitation');
    expect((await admin.call('GET', '/api/v1/admin/invitations/statuses')).json().items.find((s: { email: string }) => s.email === 'ben@uni.example').state).toBe('revoked');
  });
});
