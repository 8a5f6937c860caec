import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/fixtures/databases.js';
import { createMultiUserApp, signedIn, type Browser, type MultiUserTestApp } from '../../../test/fixtures/multi-user.js';
import { settableClock } from '../../shared/clock.js';

/** What a student keeps to themselves unless they allow names: every one must stay out of a coach's answers. */
const PRIVATE = ['Maya', 'Costa', 'Ines', 'Okafor', 'Tomas', 'Lindqvist', 'Northwind', 'Harbour', 'maya@northwind.example', 'Reply about salary'];
const leaks = (body: string) => PRIVATE.filter((word) => body.includes(word));

const progressOf = async (coach: Browser, explorer: Browser) => {
  const response = await coach.call('GET', `/api/v1/coaching/explorers/${explorer.id}`);
  expect(response.statusCode).toBe(200);
  return response;
};

describe.each(dialects)('consent that says what it shows, on %s', (dialect) => {
  const clock = settableClock('2026-12-02T10:14:00.000Z');
  let t: MultiUserTestApp;
  let admin: Browser;
  let eve: Browser;
  let finn: Browser;
  let sam: Browser;

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, clock);
    admin = await signedIn(t, 'admin@uni.example', 'admin', 'Ada Admin');
    eve = await signedIn(t, 'eve@uni.example', 'explorer', 'Eve Explorer');
    finn = await signedIn(t, 'finn@uni.example', 'explorer', 'Finn Student');
    sam = await signedIn(t, 'sam@uni.example', 'coach', 'Sam Adviser');
    const post = async (url: string, body: unknown) => {
      const response = await eve.call('POST', url, body);
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
      return response.json().id as string;
    };
    const northwind = await post('/api/v1/organizations', { name: 'Northwind Harbour' });
    const maya = await post('/api/v1/contacts', { name: 'Maya Costa', organizationId: northwind, emails: [{ label: 'work', value: 'maya@northwind.example' }] });
    const ines = await post('/api/v1/contacts', { name: 'Ines Okafor', organizationId: northwind });
    const tomas = await post('/api/v1/contacts', { name: 'Tomas Lindqvist' });
    // Held yesterday with notes that name people: a thank-you and a debrief are due.
    const held = await post('/api/v1/interviews', {
      contactId: maya,
      status: 'held',
      heldAt: '2026-12-01T15:00:00Z',
      objective: 'Learn how Northwind Harbour hires analysts',
      notes: 'Maya says Ines Okafor runs the graduate scheme; write to maya@northwind.example.',
      takeaways: 'Costa thinks Tomas could help.',
    });
    await eve.call('POST', `/api/v1/interviews/${held}/notes`, { body: 'Maya: the team at Northwind Harbour is small' });
    await post('/api/v1/referrals', { fromContactId: maya, toContactId: tomas, interviewId: held });
    await post('/api/v1/interviews', { contactId: ines, status: 'requested', requestedAt: '2026-11-20T09:00:00Z' });
    await post('/api/v1/leads', { title: 'Reply about salary bands at Northwind', interviewId: held, nextStep: 'Ask Maya', nextStepAt: '2026-12-02T09:00:00Z' });
  });
  afterAll(async () => t?.dispose());

  it('shows a coach counts, agenda and states but no names, organisations, addresses or notes under “progress only”', async () => {
    const shared = await eve.call('POST', '/api/v1/account/sharing', { coachEmail: 'sam@uni.example', scope: 'progress' });
    expect(shared.json().items).toMatchObject([{ coach: { name: 'Sam Adviser' }, scope: 'progress', showNames: false }]);

    const progress = await progressOf(sam, eve);
    expect(leaks(progress.body)).toEqual([]);
    const view = progress.json();
    expect(view).toMatchObject({ scope: 'progress', showNames: false, summary: { interviews: 2, heldThisMonth: 1 } });
    expect(view.interviews.map((i: { contact: { name: string }; organization: { name: string } | null }) => [i.contact.name, i.organization?.name])).toEqual(
      expect.arrayContaining([
        ['Person 1', 'Organisation 1'],
        ['Person 2', 'Organisation 1'],
      ]),
    );
    const kinds = view.agenda.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['thank-you', 'lead', 'contact-referral']));
    expect(view.agenda.find((a: { kind: string }) => a.kind === 'thank-you').title).toBe('Thank Person 1');
    const dashboard = await sam.call('GET', '/api/v1/coaching/explorers');
    expect(dashboard.json().items).toMatchObject([{ explorer: { name: 'Eve Explorer' }, scope: 'progress', showNames: false }]);
    expect(leaks(dashboard.body)).toEqual([]);
    expect((await sam.call('GET', `/api/v1/coaching/explorers/${eve.id}/notes`)).statusCode).toBe(404);
  });

  it('shows the names once the student ticks “Also show the names”', async () => {
    await eve.call('POST', '/api/v1/account/sharing', { coachEmail: 'sam@uni.example', scope: 'progress', showNames: true });
    const view = (await progressOf(sam, eve)).json();
    expect(view.showNames).toBe(true);
    expect(view.interviews.map((i: { contact: { name: string } }) => i.contact.name).sort()).toEqual(['Ines Okafor', 'Maya Costa']);
    expect(view.agenda.find((a: { kind: string }) => a.kind === 'thank-you').title).toBe('Thank Maya Costa');
  });

  it('shares what people told them with the notes scope: names taken out of the notes unless allowed', async () => {
    await eve.call('POST', '/api/v1/account/sharing', { coachEmail: 'sam@uni.example', scope: 'notes' });
    const hidden = await sam.call('GET', `/api/v1/coaching/explorers/${eve.id}/notes`);
    expect(hidden.statusCode).toBe(200);
    expect(leaks(hidden.body)).toEqual([]);
    const [item] = hidden.json().items;
    expect(item).toMatchObject({
      interview: { contact: { name: 'Person 1' }, organization: { name: 'Organisation 1' } },
      objective: 'Learn how Organisation 1 hires analysts',
      notes: 'Person 1 says Person 2 runs the graduate scheme; write to an email address.',
      takeaways: 'Person 1 thinks Person 3 could help.',
      liveNotes: [{ body: 'Person 1: the team at Organisation 1 is small' }],
    });

    await eve.call('POST', '/api/v1/account/sharing', { coachEmail: 'sam@uni.example', scope: 'notes', showNames: true });
    const named = (await sam.call('GET', `/api/v1/coaching/explorers/${eve.id}/notes`)).json();
    expect(named.items[0]).toMatchObject({ interview: { contact: { name: 'Maya Costa' } }, notes: 'Maya says Ines Okafor runs the graduate scheme; write to maya@northwind.example.' });
  });

  it.each([
    ['progress', false],
    ['progress', true],
    ['notes', false],
    ['notes', true],
  ] as const)('previews exactly what the coach then sees (%s, names %s)', async (scope, showNames) => {
    const preview = await eve.call('GET', `/api/v1/account/sharing/preview?scope=${scope}&showNames=${showNames}`);
    expect(preview.statusCode).toBe(200);
    await eve.call('POST', '/api/v1/account/sharing', { coachEmail: 'sam@uni.example', scope, showNames });
    const progress = (await progressOf(sam, eve)).json();
    expect(preview.json().progress).toEqual(progress);
    if (scope === 'notes') expect(preview.json().notes).toEqual((await sam.call('GET', `/api/v1/coaching/explorers/${eve.id}/notes`)).json());
    else expect(preview.json().notes).toBeNull();
    if (!showNames) expect(leaks(preview.body)).toEqual([]);
  });

  it('previews nothing to a coach and logs nothing: the preview reads one’s own data only', async () => {
    const before = (await eve.call('GET', '/api/v1/account/access-log')).json().total;
    const own = (await finn.call('GET', '/api/v1/account/sharing/preview?scope=notes&showNames=true')).json();
    expect(own.progress.explorer.name).toBe('Finn Student');
    expect(own.progress.interviews).toEqual([]);
    expect((await eve.call('GET', '/api/v1/account/access-log')).json().total).toBe(before);
    const bad = await eve.call('GET', '/api/v1/account/sharing/preview?scope=everything');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('scope');
  });

  it('writes each look and each change to the student’s access log, newest first; looks within 30 minutes are one entry', async () => {
    clock.set('2026-12-02T12:00:00.000Z');
    await eve.call('POST', '/api/v1/account/sharing', { coachEmail: 'sam@uni.example', scope: 'progress', showNames: false });
    await progressOf(sam, eve);
    clock.set('2026-12-02T12:20:00.000Z');
    await progressOf(sam, eve);
    clock.set('2026-12-02T12:49:00.000Z');
    await progressOf(sam, eve);
    clock.set('2026-12-02T13:30:00.000Z');
    await progressOf(sam, eve);
    clock.set('2026-12-02T13:40:00.000Z');
    expect((await eve.call('DELETE', `/api/v1/account/sharing/${sam.id}`)).statusCode).toBe(200);
    expect((await sam.call('GET', `/api/v1/coaching/explorers/${eve.id}`)).statusCode).toBe(404);

    const log = (await eve.call('GET', '/api/v1/account/access-log?limit=4')).json();
    expect(log).toMatchObject({ limit: 4, offset: 0 });
    expect(log.items.map((e: { action: string; scope: string; showNames: boolean; at: string; lastAt: string; views: number }) => [e.action, e.scope, e.showNames, e.at, e.lastAt, e.views])).toEqual([
      ['stopped', 'progress', false, '2026-12-02T13:40:00.000Z', '2026-12-02T13:40:00.000Z', 1],
      ['viewed', 'progress', false, '2026-12-02T13:30:00.000Z', '2026-12-02T13:30:00.000Z', 1],
      ['viewed', 'progress', false, '2026-12-02T12:00:00.000Z', '2026-12-02T12:49:00.000Z', 3],
      ['changed', 'progress', false, '2026-12-02T12:00:00.000Z', '2026-12-02T12:00:00.000Z', 1],
    ]);
    expect(log.items[1]).toMatchObject({ coach: { id: sam.id, name: 'Sam Adviser', email: 'sam@uni.example' }, explorer: { id: eve.id, name: 'Eve Explorer' } });
    const all = (await eve.call('GET', '/api/v1/account/access-log?limit=500')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.items.at(-1)).toMatchObject({ action: 'shared', scope: 'progress', showNames: false, at: '2026-12-02T10:14:00.000Z' });
    const second = (await eve.call('GET', '/api/v1/account/access-log?limit=2&offset=2')).json();
    expect(second.items.map((e: { id: string }) => e.id)).toEqual(log.items.slice(2).map((e: { id: string }) => e.id));
  });

  it('shows each student only their own entries', async () => {
    expect((await finn.call('GET', '/api/v1/account/access-log')).json()).toMatchObject({ items: [], total: 0 });
    await finn.call('POST', '/api/v1/account/sharing', { coachEmail: 'sam@uni.example', scope: 'progress' });
    await progressOf(sam, finn);
    const finns = (await finn.call('GET', '/api/v1/account/access-log')).json().items;
    expect(finns.map((e: { action: string }) => e.action)).toEqual(['viewed', 'shared']);
    expect(finns.every((e: { explorer: { id: string } }) => e.explorer.id === finn.id)).toBe(true);
    const eves = (await eve.call('GET', '/api/v1/account/access-log?limit=500')).json().items;
    expect(eves.every((e: { explorer: { id: string } }) => e.explorer.id === eve.id)).toBe(true);
    // A coach's own access log is about what they share (nothing), not about whom they looked at.
    expect((await sam.call('GET', '/api/v1/account/access-log')).json().total).toBe(0);
  });

  it('lets an admin, and only an admin, download the whole audit as CSV', async () => {
    for (const who of [eve, sam]) expect((await who.call('GET', '/api/v1/admin/audit.csv')).statusCode).toBe(404);
    const csv = await admin.call('GET', '/api/v1/admin/audit.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="inroads-audit.csv"');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"When (UTC)","Last look (UTC)","Looks","Action","Done by","What","Names shown","Coach","Coach email","Student","Student email","Id"');
    expect(lines.filter((l) => l.includes('"viewed"') && l.includes('"Eve Explorer"'))).toContainEqual(expect.stringContaining('"2026-12-02T12:00:00.000Z","2026-12-02T12:49:00.000Z","3","viewed","coach","progress","no","Sam Adviser","sam@uni.example"'));
    expect(lines.some((l) => l.includes('"Finn Student"'))).toBe(true);
    // Oldest first; --since keeps entries that reach into that day.
    expect(lines[1]).toContain('"2026-12-02T10:14:00.000Z"');
    const since = (await admin.call('GET', '/api/v1/admin/audit.csv?since=2026-12-02T13:00:00Z')).body.trimEnd().split('\r\n');
    expect(since.slice(1).every((l) => !l.startsWith('"2026-12-02T10') && !l.startsWith('"2026-12-02T11'))).toBe(true);
    expect(since.length).toBeGreaterThan(2);
    expect((await admin.call('GET', '/api/v1/admin/audit.csv?since=2027-01-01')).body.trimEnd().split('\r\n')).toHaveLength(1);
    expect((await admin.call('GET', '/api/v1/admin/audit.csv?since=yesterday')).statusCode).toBe(400);
  });
});
