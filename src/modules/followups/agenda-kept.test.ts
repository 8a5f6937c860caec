import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createContactInput } from '../../shared/schemas/contacts.js';
import { createInterviewInput } from '../../shared/schemas/interviews.js';
import { createContact } from '../contacts/contacts.usecases.js';
import { createInterview } from '../interviews/interviews.usecases.js';
import { getAgenda } from './followups.usecases.js';

/**
 * The agenda keeps what it loaded until the next commit to the workspace (SQLite), and the
 * items it worked out until the clock passes a meeting start or a snooze end. Neither may
 * ever show something stale: each test changes one thing the kept data depends on and asks again.
 */
describe.each(dialects)('the agenda kept between requests on %s', (dialect) => {
  let w: TestWorkspace;
  const ids: Record<string, string> = {};
  const at = (instant: string) => getAgenda({ ctx: w.ctx, at: instant });
  const kinds = async (instant: string) => (await at(instant)).items.map((i) => i.kind).sort();

  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
    const { contact } = await createContact({ ctx: w.ctx, input: createContactInput.parse({ name: 'Ana Held' }) });
    ids.ana = contact.id;
    const { interview } = await createInterview({ ctx: w.ctx, input: createInterviewInput.parse({ contactId: contact.id, status: 'scheduled', scheduledAt: '2026-03-12T14:00:00.000Z' }) });
    ids.iv = interview.id;
  });
  afterAll(async () => w?.dispose());

  it('says whether it can tell when the workspace changed (SQLite can; PostgreSQL loads every time)', () => {
    expect(typeof w.ctx.changes === 'function').toBe(dialect === 'sqlite');
  });

  it('drops the confirmation once the meeting has started, with nothing written in between', async () => {
    expect(await kinds('2026-03-11T10:00:00.000Z')).toEqual(['confirm', 'prepare']);
    expect(await kinds('2026-03-12T13:59:59.999Z')).toEqual(['confirm', 'prepare']);
    expect(await kinds('2026-03-12T14:00:00.000Z')).toEqual(['prepare']);
  });

  it('marks items overdue by the moment asked about, not the moment they were worked out', async () => {
    const before = (await at('2026-03-10T10:00:00.000Z')).items.find((i) => i.kind === 'prepare');
    const after = (await at('2026-03-11T10:00:00.000Z')).items.find((i) => i.kind === 'prepare');
    expect(before?.overdue).toBe(false);
    expect(after?.overdue).toBe(true);
  });

  it('brings a snoozed item back the moment its snooze ends', async () => {
    const key = `prepare:${ids.iv}:2026-03-12T14:00:00.000Z`;
    await w.ctx.repos.followups.setState(key, 'snoozed', '2026-03-11T12:00:00.000Z', '2026-03-11T10:00:00.000Z');
    expect(await kinds('2026-03-11T11:00:00.000Z')).toEqual(['confirm']);
    expect(await kinds('2026-03-11T11:59:59.999Z')).toEqual(['confirm']);
    expect(await kinds('2026-03-11T12:00:00.000Z')).toEqual(['confirm', 'prepare']);
    await w.ctx.repos.followups.setState(key, 'open', null, '2026-03-11T12:00:00.000Z');
  });

  it('sees a write made through the app at once', async () => {
    expect(await kinds('2026-03-11T10:00:00.000Z')).toEqual(['confirm', 'prepare']);
    await w.ctx.repos.followups.setState(`confirm:${ids.iv}:2026-03-12T14:00:00.000Z`, 'done', null, '2026-03-11T10:00:00.000Z');
    expect(await kinds('2026-03-11T10:00:00.000Z')).toEqual(['prepare']);
  });

  it('sees a write made by another process (the CLI, say) at once', async () => {
    expect(await kinds('2026-03-11T10:00:00.000Z')).toEqual(['prepare']);
    if (dialect === 'sqlite') {
      const other = new BetterSqlite3(w.handle.location);
      other.prepare('delete from agenda_item_states').run();
      other.close();
    } else {
      await w.ctx.repos.followups.setState(`confirm:${ids.iv}:2026-03-12T14:00:00.000Z`, 'open', null, '2026-03-11T10:00:00.000Z');
    }
    expect(await kinds('2026-03-11T10:00:00.000Z')).toEqual(['confirm', 'prepare']);
  });

  it('does not keep what a transaction has not committed, nor lose what it rolled back', async () => {
    await expect(
      w.ctx.transaction(async (tx) => {
        await tx.repos.followups.setState(`prepare:${ids.iv}:2026-03-12T14:00:00.000Z`, 'dismissed', null, '2026-03-11T10:00:00.000Z');
        expect((await getAgenda({ ctx: tx, at: '2026-03-11T10:00:00.000Z' })).items.map((i) => i.kind)).toEqual(['confirm']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await kinds('2026-03-11T10:00:00.000Z')).toEqual(['confirm', 'prepare']);
  });
});
