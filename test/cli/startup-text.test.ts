import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multiUserStartupText } from '../../src/cli/server-commands.js';
import { adminExists, createUser, disableUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../fixtures/databases.js';

const FIRST_ADMIN = /Add the first admin/;
const base = { url: 'https://inroads.example.edu', location: 'postgres://…', dialect: 'postgres' as const, reminders: true };

describe('the start-up text of a shared server', () => {
  it('asks for the first admin only while there is none', () => {
    expect(multiUserStartupText({ ...base, hasAdmin: false }).join('\n')).toMatch(FIRST_ADMIN);
    expect(multiUserStartupText({ ...base, hasAdmin: true }).join('\n')).not.toMatch(FIRST_ADMIN);
    expect(multiUserStartupText({ ...base, hasAdmin: true }).at(-1)).toBe('Press Ctrl+C to stop.');
  });
});

describe.each(dialects)('whether a server has an admin, on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('counts only an active admin: not other roles, not a disabled admin', async () => {
    expect(await adminExists({ ctx: w.ctx })).toBe(false);
    await createUser({ ctx: w.ctx, input: { email: 'coach@uni.example', name: 'Cora', role: 'coach', password: 'correct horse battery staple' } });
    expect(await adminExists({ ctx: w.ctx })).toBe(false);
    await createUser({ ctx: w.ctx, input: { email: 'admin@uni.example', name: 'Ada', role: 'admin', password: 'correct horse battery staple' } });
    expect(await adminExists({ ctx: w.ctx })).toBe(true);
    const { user: second } = await createUser({ ctx: w.ctx, input: { email: 'admin2@uni.example', name: 'Bo', role: 'admin', password: 'correct horse battery staple' } });
    await disableUser({ ctx: w.ctx, email: 'admin@uni.example' });
    expect(await adminExists({ ctx: w.ctx })).toBe(true);
    // The last active admin cannot be disabled through the use cases any more, but a database from before that rule may hold only disabled ones.
    await w.ctx.repos.accounts.updateUser(second.id, { disabledAt: '2026-03-10T10:00:00.000Z' });
    expect(await adminExists({ ctx: w.ctx })).toBe(false);
  });
});
