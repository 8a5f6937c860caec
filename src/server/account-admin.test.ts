import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/fixtures/databases.js';
import { anonymous, browserFor, cookieValue, createMultiUserApp, PASSWORD, signedIn, type Browser, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import { schemaFor } from '../db/schemas.js';
import type { OutgoingMail } from '../modules/reminders/reminders.usecases.js';
import { fixedClock } from '../shared/clock.js';

const tokenOf = (path: string, name: string) => new URL(path, 'http://x').searchParams.get(name) ?? '';

/** Issue 21: account administration over the API, and the first-password rule in front of every route. */
describe.each(dialects)('account administration over the API on %s', (dialect) => {
  let t: MultiUserTestApp;
  let admin: Browser;
  const sent: OutgoingMail[] = [];
  beforeAll(async () => {
    t = await createMultiUserApp(dialect, fixedClock('2026-03-10T10:00:00.000Z'), { sendMail: async (mail) => void sent.push(mail) });
    admin = await signedIn(t, 'admin@uni.example', 'admin');
  });
  afterAll(async () => t?.dispose());

  const signInAs = async (email: string, password: string) => {
    const response = await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email, password });
    expect(response.statusCode, response.body).toBe(200);
    return { browser: browserFor(t.app, response.json().user.id, email, cookieValue(response, 'inroads_session') ?? ''), user: response.json().user };
  };

  it('holds a person with an admin-set first password on choosing their own: every other call is refused with a coded error', async () => {
    const created = await admin.call('POST', '/api/v1/admin/users', { email: 'new@uni.example', name: 'New Person', role: 'explorer' });
    expect(created.statusCode).toBe(201);
    const { password, user } = created.json();
    expect(user.mustChangePassword).toBe(true);
    const { browser, user: account } = await signInAs('new@uni.example', password);
    expect(account.mustChangePassword).toBe(true);
    const refused = await browser.call('GET', '/api/v1/contacts');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'accounts.password_change_required', message: expect.stringMatching(/Choose your own password/) });
    expect((await browser.call('GET', '/api/v1/workspace')).statusCode).toBe(403);
    expect((await browser.call('GET', '/api/v1/account')).statusCode).toBe(200);
    expect((await anonymous(t.app, 'GET', '/api/v1/auth/status')).statusCode).toBe(200);
    const changed = await browser.call('POST', '/api/v1/account/password', { currentPassword: password, newPassword: 'a password of my own' });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = browserFor(t.app, browser.id, browser.email, cookieValue(changed, 'inroads_session') ?? '');
    expect((await after.call('GET', '/api/v1/contacts')).statusCode).toBe(200);
    expect((await after.call('GET', '/api/v1/account')).json().user.mustChangePassword).toBe(false);
  });

  it('disables, enables, resets (by a one-time link, emailed) and changes roles; the person’s reset signs out their other sessions', async () => {
    const person = await signedIn(t, 'sam@uni.example');
    expect((await admin.call('POST', `/api/v1/admin/users/${person.id}/disable`)).statusCode).toBe(200);
    const readd = await admin.call('POST', '/api/v1/admin/users', { email: 'sam@uni.example', name: 'Sam', role: 'explorer' });
    expect(readd.statusCode).toBe(409);
    expect(readd.json().error.message).toMatch(/disabled since .*Enable it/);
    expect((await admin.call('POST', `/api/v1/admin/users/${person.id}/password-reset`)).json().error.code).toBe('accounts.disabled');
    const enabled = await admin.call('POST', `/api/v1/admin/users/${person.id}/enable`);
    expect(enabled.json().user).toMatchObject({ email: 'sam@uni.example', disabledAt: null });

    const { browser: before } = await signInAs('sam@uni.example', PASSWORD);
    const made = await admin.call('POST', `/api/v1/admin/users/${person.id}/password-reset`);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ email: 'sam@uni.example', emailed: true, expiresAt: '2026-03-10T11:00:00.000Z' });
    const token = tokenOf(made.json().path, 'token');
    expect(sent.at(-1)).toMatchObject({ to: 'sam@uni.example', text: expect.stringContaining(`/reset?token=${token}`) });
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/reset-link', { token })).json()).toMatchObject({ email: 'sam@uni.example' });
    const weak = await anonymous(t.app, 'POST', '/api/v1/auth/reset', { token, newPassword: 'password' });
    expect(weak.json().error.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const reset = await anonymous(t.app, 'POST', '/api/v1/auth/reset', { token, newPassword: 'a new leaf turned over' });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await before.call('GET', '/api/v1/contacts')).statusCode).toBe(401);
    const now = browserFor(t.app, person.id, person.email, cookieValue(reset, 'inroads_session') ?? '');
    expect((await now.call('GET', '/api/v1/contacts')).statusCode).toBe(200);
    const reused = await anonymous(t.app, 'POST', '/api/v1/auth/reset', { token, newPassword: 'one more time please' });
    expect(reused.json().error).toMatchObject({ code: 'accounts.reset_invalid', message: expect.stringMatching(/already been used/) });

    const role = await admin.call('PUT', `/api/v1/admin/users/${person.id}/role`, { role: 'coach' });
    expect(role.json().user.role).toBe('coach');
    expect((await now.call('GET', '/api/v1/coaching/explorers')).statusCode).toBe(200);
    expect((await admin.call('PUT', `/api/v1/admin/users/${admin.id}/role`, { role: 'explorer' })).json().error.code).toBe('accounts.last_admin');
    expect((await admin.call('DELETE', `/api/v1/admin/users/${admin.id}`)).json().error.code).toBe('accounts.self_delete');
  });

  it('unlocks a throttled account', async () => {
    const locked = await signedIn(t, 'locked@uni.example');
    for (let n = 0; n < 6; n++) await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'locked@uni.example', password: `wrong guess ${n}` });
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'locked@uni.example', password: PASSWORD })).statusCode).toBe(429);
    const listed = (await admin.call('GET', '/api/v1/admin/users')).json().items.find((u: { email: string }) => u.email === 'locked@uni.example');
    expect(listed.lockedUntil).not.toBeNull();
    expect((await admin.call('POST', `/api/v1/admin/users/${locked.id}/unlock`)).json().user.lockedUntil).toBeNull();
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'locked@uni.example', password: PASSWORD })).statusCode).toBe(200);
  });

  it('deletes an account and its workspace', async () => {
    const leaving = await signedIn(t, 'leaving@uni.example');
    expect((await leaving.call('POST', '/api/v1/contacts', { name: 'Someone I met' })).statusCode).toBe(201);
    const exists = async () =>
      dialect === 'postgres'
        ? (await sql<{ n: number }>`select count(*)::int as n from information_schema.schemata where schema_name = ${schemaFor(leaving.id)}`.execute(t.handle.db)).rows[0]?.n === 1
        : existsSync(join(t.sqliteDir ?? '', `${leaving.id}.db`));
    expect(await exists()).toBe(true);
    const deleted = await admin.call('DELETE', `/api/v1/admin/users/${leaving.id}`);
    expect(deleted.json()).toEqual({ deleted: true, email: 'leaving@uni.example' });
    expect(await exists()).toBe(false);
    expect((await leaving.call('GET', '/api/v1/contacts')).statusCode).toBe(401);
    expect((await admin.call('GET', '/api/v1/admin/users')).json().items.map((u: { email: string }) => u.email)).not.toContain('leaving@uni.example');
  });

  it('tells the join form which address an invitation is for', async () => {
    const made = (await admin.call('POST', '/api/v1/admin/invitations', { email: 'coach@uni.example', role: 'coach' })).json();
    const found = await anonymous(t.app, 'POST', '/api/v1/auth/invitation', { invitation: tokenOf(made.path, 'invitation') });
    expect(found.json()).toMatchObject({ email: 'coach@uni.example', role: 'coach' });
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/invitation', { invitation: 'nope' })).json().error.code).toBe('accounts.invitation_invalid');
  });
});
