import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, HOST, testApp } from '../../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import type { App } from '../../server/types.js';
import { fixedClock } from '../../shared/clock.js';
import type { Agenda, AgendaItem } from '../../shared/schemas/agenda.js';

/** Mutable clock so one workspace can live through several days. */
function movableClock(start: string) {
  let current = new Date(start);
  return { now: () => new Date(current), set: (iso: string) => (current = new Date(iso)) };
}

describe.each(dialects)('the follow-up engine through the API on %s', (dialect) => {
  let w: TestWorkspace;
  let app: App;
  const clock = movableClock('2026-03-02T10:00:00Z');
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    asBrowser(app, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const agenda = async (query = '') => (await call('GET', `/api/v1/agenda${query}`)).json() as { items: AgendaItem[]; timeZone: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await createTestWorkspace(dialect, clock);
    app = await testApp(w);
    await call('PATCH', '/api/v1/profile', { timeZone: 'Europe/London' });
    const org = (await call('POST', '/api/v1/organizations', { name: 'Acme' })).json();
    ids.ana = (await call('POST', '/api/v1/contacts', { name: 'Ana Asked', organizationId: org.id, relationship: 'cold' })).json().id;
    ids.ben = (await call('POST', '/api/v1/contacts', { name: 'Ben Next', organizationId: org.id, relationship: 'friend' })).json().id;
    ids.hr = (await call('POST', '/api/v1/contacts', { name: 'Hana HR', organizationId: org.id, relationship: 'friend', title: 'Recruiter' })).json().id;
    ids.iv = (await call('POST', '/api/v1/interviews', { contactId: ids.ana })).json().id;
    const requested = await call('POST', `/api/v1/interviews/${ids.iv}/transitions`, { to: 'requested' });
    if (requested.statusCode !== 200) throw new Error(requested.body);
  });
  afterAll(async () => {
    await app?.close();
    await w?.dispose();
  });

  it('on Thursday suggests the next person at the organisation, warmest non-HR first', async () => {
    clock.set('2026-03-05T10:00:00Z');
    const { items } = await agenda();
    const reach = items.find((i) => i.kind === 'reach-next');
    expect(reach).toMatchObject({ due: '2026-03-05T09:00:00.000Z', overdue: true, suggestedContactId: ids.ben, contactId: ids.ana });
    expect(items.map((i) => i.kind)).toEqual(['reach-next', 'follow-up']);
  });

  it('snoozing and dismissing persist, and recomputation never duplicates', async () => {
    const key = `reach-next:${ids.iv}`;
    const snooze = await call('PUT', `/api/v1/agenda/items/${encodeURIComponent(key)}/state`, { state: 'snoozed', until: '2026-03-06T09:00:00Z' });
    expect(snooze.statusCode).toBe(200);
    expect((await agenda()).items.map((i) => i.kind)).toEqual(['follow-up']);
    const all = await agenda('?include=all');
    expect(all.items.filter((i) => i.key === key)).toHaveLength(1);
    expect(all.items.find((i) => i.key === key)?.state).toBe('snoozed');
    clock.set('2026-03-06T10:00:00Z');
    expect((await agenda()).items.find((i) => i.key === key)).toMatchObject({ state: 'open', due: '2026-03-06T09:00:00.000Z' });
    await call('PUT', `/api/v1/agenda/items/${encodeURIComponent(key)}/state`, { state: 'dismissed' });
    expect((await agenda()).items.map((i) => i.key)).not.toContain(key);
    const missingUntil = await call('PUT', `/api/v1/agenda/items/${encodeURIComponent(key)}/state`, { state: 'snoozed' });
    expect(missingUntil.statusCode).toBe(400);
    expect(missingUntil.json().error.details[0].field).toBe('until');
    expect((await call('PUT', '/api/v1/agenda/items/nonsense/state', { state: 'done' })).statusCode).toBe(404);
  });

  it('a reply cancels the pending chases and makes the person a booster', async () => {
    await call('POST', `/api/v1/interviews/${ids.iv}/transitions`, { to: 'scheduled', scheduledAt: '2026-03-12T14:00:00Z', at: '2026-03-04T09:30:00Z' });
    const { items } = await agenda();
    expect(items.some((i) => i.kind === 'reach-next' || i.kind === 'follow-up')).toBe(false);
    expect(items.map((i) => i.kind).sort()).toEqual(['confirm', 'prepare']);
    const ana = (await call('GET', `/api/v1/contacts/${ids.ana}`)).json();
    expect(ana.responsiveness).toBe('booster');
    const boosters = (await call('GET', '/api/v1/contacts?responsiveness=booster')).json();
    expect(boosters.items.map((c: { id: string }) => c.id)).toEqual([ids.ana]);
  });

  it('after the meeting asks for a thank-you and a debrief; check-ins restart when contact is logged', async () => {
    clock.set('2026-03-12T15:00:00Z');
    await call('POST', `/api/v1/interviews/${ids.iv}/transitions`, { to: 'held' });
    expect((await agenda()).items.map((i) => i.kind).sort()).toEqual(['debrief', 'thank-you']);
    await call('PATCH', `/api/v1/interviews/${ids.iv}`, { takeaways: 'Start with research ops', followUpPermission: 30 });
    await call('POST', `/api/v1/interviews/${ids.iv}/transitions`, { to: 'thanked' });
    expect((await agenda()).items).toEqual([]);
    clock.set('2026-04-12T10:00:00Z');
    const due = (await agenda()).items.find((i) => i.kind === 'check-in');
    expect(due).toMatchObject({ contactId: ids.ana, due: '2026-04-11T08:00:00.000Z', overdue: true });
    await call('POST', '/api/v1/interactions', { contactId: ids.ana, kind: 'check-in', summary: 'Sent an article about their new product' });
    const later = await agenda('?to=2026-06-01T00:00:00Z');
    expect(later.items.filter((i) => i.kind === 'check-in').map((i) => i.due)).toEqual(['2026-05-12T08:00:00.000Z']);
  });

  it('publishes a private calendar feed that a standard parser reads, with reminders', async () => {
    clock.set('2026-03-06T10:00:00Z');
    const other = (await call('POST', '/api/v1/contacts', { name: 'Cal Endar' })).json();
    const iv = (await call('POST', '/api/v1/interviews', { contactId: other.id, status: 'scheduled', scheduledAt: '2026-03-20T14:00:00Z', plannedMinutes: 30, venue: 'Café Rouge, 1 High St' })).json();
    const { path } = (await call('GET', '/api/v1/calendar')).json();
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await app.inject({ method: 'GET', url: path, headers: { host: HOST } });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent');
    const meeting = events.find((e) => String(e.getFirstPropertyValue('uid')) === `interview-${iv.id}@inroads`);
    expect(meeting).toBeDefined();
    const event = new ICAL.Event(meeting!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-20T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-20T14:30:00.000Z');
    expect(event.location).toBe('Café Rouge, 1 High St');
    expect(meeting!.getAllSubcomponents('valarm')).toHaveLength(1);
    expect(events.length).toBeGreaterThan(1);
    for (const e of events) expect(e.getAllSubcomponents('valarm').length).toBe(1);

    expect((await app.inject({ method: 'GET', url: path, headers: { host: 'evil.example' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', headers: { host: HOST } })).statusCode).toBe(404);
    const regenerated = (await call('POST', '/api/v1/calendar/regenerate')).json();
    expect(regenerated.path).not.toBe(path);
    expect((await app.inject({ method: 'GET', url: path, headers: { host: HOST } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: regenerated.path, headers: { host: HOST } })).statusCode).toBe(200);

    const single = await call('GET', `/api/v1/interviews/${iv.id}/calendar.ics`);
    expect(single.headers['content-disposition']).toBe('attachment; filename="interview-cal-endar.ics"');
    const one = new ICAL.Component(ICAL.parse(single.body)).getAllSubcomponents('vevent');
    expect(one).toHaveLength(1);
  });
});

describe('the agenda clock', () => {
  it('uses an injected fixed clock', () => {
    expect(fixedClock('2026-03-02T10:00:00Z').now().toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});

/** An agenda's items in its three groups, by the boundaries it gives. */
const group = (items: AgendaItem[], a: Agenda) => ({
  overdue: items.filter((i) => i.due < a.at),
  today: items.filter((i) => i.due >= a.at && i.due < a.todayEndsAt),
  later: items.filter((i) => i.due >= a.todayEndsAt),
});

describe.each(dialects)("one person's agenda through the API on %s", (dialect) => {
  let w: TestWorkspace;
  let app: App;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    asBrowser(app, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const agenda = async (query = '') => (await call('GET', `/api/v1/agenda${query}`)).json() as { items: AgendaItem[] };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await createTestWorkspace(dialect, fixedClock('2026-03-05T10:00:00Z'));
    app = await testApp(w);
    const add = async (name: string, extra: object = {}) => (await call('POST', '/api/v1/contacts', { name, ...extra })).json().id as string;
    const org = (await call('POST', '/api/v1/organizations', { name: 'Acme' })).json().id as string;
    ids.ana = await add('Ana Asked', { organizationId: org, relationship: 'cold' });
    ids.ben = await add('Ben Next', { organizationId: org, relationship: 'friend' });
    ids.cal = await add('Cal Scheduled');
    ids.dee = await add('Dee Referred');
    ids.eve = await add('Eve Referrer');
    ids.fay = await add('Fay Met');
    ids.gus = await add('Gus Nobody');
    // Ana was asked on Monday and has not answered: chase her, and approach Ben next.
    const asked = (await call('POST', '/api/v1/interviews', { contactId: ids.ana })).json().id;
    await call('POST', `/api/v1/interviews/${asked}/transitions`, { to: 'requested', at: '2026-03-02T09:00:00Z' });
    await call('POST', '/api/v1/interviews', { contactId: ids.cal, status: 'scheduled', scheduledAt: '2026-03-09T14:00:00Z' });
    // Ana suggested Dee; Eve suggested Fay, who has since been met: tell Eve how it went.
    await call('POST', '/api/v1/referrals', { fromContactId: ids.ana, toContactId: ids.dee });
    await call('POST', '/api/v1/referrals', { fromContactId: ids.eve, toContactId: ids.fay, status: 'interviewed' });
    await call('POST', '/api/v1/interviews', { contactId: ids.fay, status: 'held', heldAt: '2026-03-03T15:00:00Z' });
  });
  afterAll(async () => {
    await app?.close();
    await w?.dispose();
  });

  it("with contactId lists exactly the person's items of the whole agenda: theirs, and those suggesting them next", async () => {
    const whole = await agenda('?include=all');
    expect(new Set(whole.items.map((i) => i.kind))).toEqual(new Set(['reach-next', 'follow-up', 'prepare', 'confirm', 'contact-referral', 'report-back', 'thank-you', 'debrief']));
    for (const [name, id] of Object.entries(ids)) {
      const theirs = await agenda(`?include=all&contactId=${id}`);
      expect(theirs.items, name).toEqual(whole.items.filter((i) => i.contactId === id || i.suggestedContactId === id));
    }
    expect((await agenda(`?contactId=${ids.ben}`)).items.map((i) => [i.kind, i.contactId])).toEqual([['reach-next', ids.ana]]);
    expect((await agenda(`?contactId=${ids.eve}`)).items.map((i) => i.kind)).toEqual(['report-back']);
    expect((await agenda(`?contactId=${ids.gus}`)).items).toEqual([]);
  });

  it('with a limit sends at most that many items of each group, soonest first, and counts them all', async () => {
    await call('PATCH', '/api/v1/profile', { timeZone: 'America/New_York' });
    const whole = (await call('GET', '/api/v1/agenda?include=all')).json() as Agenda;
    const all = group(whole.items, whole);
    expect(whole.totals).toEqual({ overdue: all.overdue.length, today: all.today.length, later: all.later.length });
    expect(all.overdue.length).toBeGreaterThan(1);
    expect(all.later.length).toBeGreaterThan(1);
    const one = (await call('GET', '/api/v1/agenda?include=all&limit=1')).json() as Agenda;
    expect(one.totals).toEqual(whole.totals);
    const shown = group(one.items, one);
    expect(shown.overdue).toEqual(all.overdue.slice(0, 1));
    expect(shown.today).toEqual(all.today.slice(0, 1));
    expect(shown.later).toEqual(all.later.slice(0, 1));
    // The day ends at midnight in the profile's time zone, not the server's.
    expect(whole.timeZone).toBe('America/New_York');
    expect(whole.todayEndsAt).toBe('2026-03-06T05:00:00.000Z');
    // On the last day a record may name, the day ends in the year after.
    const last = await call('GET', '/api/v1/agenda?at=2999-12-31T12:00:00.000Z');
    expect(last.statusCode).toBe(200);
    expect((last.json() as Agenda).todayEndsAt).toBe('3000-01-01T05:00:00.000Z');
    const refused = await call('GET', '/api/v1/agenda?limit=0');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toContain('limit');
  });

  it('refuses a contactId that is not an id, naming the field', async () => {
    const response = await call('GET', '/api/v1/agenda?contactId=ben');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain('contactId');
  });
});
