import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { settableClock } from '../../shared/clock.js';
import { createUser } from '../accounts/accounts.usecases.js';
import { shareWithCoach, stopSharing } from './sharing.usecases.js';
import { createAppContext, type AppContext } from '../repositories.js';
import { accessLogOf, auditCsv, recordGrantChange, recordView } from './audit.usecases.js';

const PASSWORD = 'correct horse battery staple';
const sam = { id: '0190a0b0-0000-7000-8000-00000000a001', name: 'Sam Adviser', email: 'sam@uni.example' };
const kim = { id: '0190a0b0-0000-7000-8000-00000000a002', name: 'Kim Coach', email: 'kim@uni.example' };
const eve = { id: '0190a0b0-0000-7000-8000-00000000b001', name: 'Eve Explorer', email: 'eve@uni.example' };
const finn = { id: '0190a0b0-0000-7000-8000-00000000b002', name: '=Finn "the" Student', email: 'finn@uni.example' };

describe.each(dialects)('the access log on %s', (dialect) => {
  const clock = settableClock('2026-12-02T10:14:00.000Z');
  let accounts: TestWorkspace;
  let control: AppContext;
  beforeAll(async () => {
    accounts = await createTestWorkspace(dialect, clock);
    control = createAppContext(accounts.handle, clock);
  });
  afterAll(async () => accounts?.dispose());

  const at = (iso: string) => clock.set(iso);

  it('keeps one coach’s looks at one part, seen the same way, within 30 minutes of the last as one entry, and starts a new one after', async () => {
    await recordView({ control, coach: sam, explorer: eve, scope: 'progress', showNames: true });
    at('2026-12-02T10:30:00.000Z');
    await recordView({ control, coach: sam, explorer: eve, scope: 'progress', showNames: true });
    await recordView({ control, coach: sam, explorer: eve, scope: 'notes', showNames: true });
    await recordView({ control, coach: kim, explorer: eve, scope: 'progress', showNames: false });
    at('2026-12-02T10:59:59.000Z');
    await recordView({ control, coach: sam, explorer: eve, scope: 'progress', showNames: true });
    // Names turned off: what the coach sees is not the same, so it is not the same entry.
    at('2026-12-02T11:00:00.000Z');
    await recordView({ control, coach: sam, explorer: eve, scope: 'progress', showNames: false });
    at('2026-12-02T11:30:00.000Z');
    await recordView({ control, coach: sam, explorer: eve, scope: 'progress', showNames: true });
    at('2026-12-02T11:31:00.000Z');
    await recordGrantChange({ control, explorer: eve, coach: kim, action: 'stopped', scope: 'progress', showNames: false });
    await recordView({ control, coach: sam, explorer: finn, scope: 'progress', showNames: false });

    const log = await accessLogOf({ control, explorerId: eve.id, limit: 50, offset: 0 });
    expect(log.total).toBe(6);
    expect(log.items.map((e) => [e.action, e.coach.name, e.scope, e.showNames, e.at, e.lastAt, e.views])).toEqual([
      ['stopped', 'Kim Coach', 'progress', false, '2026-12-02T11:31:00.000Z', '2026-12-02T11:31:00.000Z', 1],
      ['viewed', 'Sam Adviser', 'progress', true, '2026-12-02T11:30:00.000Z', '2026-12-02T11:30:00.000Z', 1],
      ['viewed', 'Sam Adviser', 'progress', false, '2026-12-02T11:00:00.000Z', '2026-12-02T11:00:00.000Z', 1],
      ['viewed', 'Sam Adviser', 'progress', true, '2026-12-02T10:14:00.000Z', '2026-12-02T10:59:59.000Z', 3],
      ['viewed', 'Kim Coach', 'progress', false, '2026-12-02T10:30:00.000Z', '2026-12-02T10:30:00.000Z', 1],
      ['viewed', 'Sam Adviser', 'notes', true, '2026-12-02T10:30:00.000Z', '2026-12-02T10:30:00.000Z', 1],
    ]);
    expect((await accessLogOf({ control, explorerId: eve.id, limit: 2, offset: 4 })).items.map((e) => e.coach.name)).toEqual(['Kim Coach', 'Sam Adviser']);
    expect((await accessLogOf({ control, explorerId: finn.id, limit: 50, offset: 0 })).items).toHaveLength(1);
  });

  it('exports every entry as CSV, oldest first, from a day on, with cells a spreadsheet cannot run', async () => {
    const lines = (await auditCsv({ control })).trimEnd().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(/^"2026-12-02T10:14:00.000Z","2026-12-02T10:59:59.000Z","3","viewed","coach","progress","yes","Sam Adviser","sam@uni.example","Eve Explorer"/);
    expect(lines.at(-1)).toContain(`"'=Finn ""the"" Student"`);
    expect((await auditCsv({ control, since: '2026-12-02T11:00:00Z' })).trimEnd().split('\r\n')).toHaveLength(5);
    expect((await auditCsv({ control, since: '2026-12-03' })).trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('records sharing, a change of what is shared (names included) and stopping; sharing the same again records nothing', async () => {
    const { user } = await createUser({ ctx: control, input: { email: 'gus@uni.example', name: 'Gus Student', role: 'explorer', password: PASSWORD } });
    const student = { ...user, reminderEmails: false };
    const { user: coach } = await createUser({ ctx: control, input: { email: 'cora@uni.example', name: 'Cora Coach', role: 'coach', password: PASSWORD } });
    const share = (scope: 'progress' | 'notes', showNames: boolean) => shareWithCoach({ control, explorer: student, coachEmail: 'cora@uni.example', scope, showNames });
    at('2026-12-02T12:00:00.000Z');
    expect((await share('progress', false)).items).toMatchObject([{ scope: 'progress', showNames: false }]);
    at('2026-12-02T12:01:00.000Z');
    await share('progress', false);
    at('2026-12-02T12:02:00.000Z');
    expect((await share('progress', true)).items).toMatchObject([{ scope: 'progress', showNames: true }]);
    at('2026-12-02T12:03:00.000Z');
    await share('notes', true);
    at('2026-12-02T12:04:00.000Z');
    await stopSharing({ control, explorer: student, coachId: coach.id });
    await expect(stopSharing({ control, explorer: student, coachId: coach.id })).rejects.toMatchObject({ code: 'sharing.not_found' });
    const log = await accessLogOf({ control, explorerId: student.id, limit: 50, offset: 0 });
    expect(log.items.map((e) => [e.action, e.scope, e.showNames, e.coach.name, e.explorer.name, e.at.slice(11, 16)])).toEqual([
      ['stopped', 'notes', true, 'Cora Coach', 'Gus Student', '12:04'],
      ['changed', 'notes', true, 'Cora Coach', 'Gus Student', '12:03'],
      ['changed', 'progress', true, 'Cora Coach', 'Gus Student', '12:02'],
      ['shared', 'progress', false, 'Cora Coach', 'Gus Student', '12:00'],
    ]);
  });
});
