import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, HOST, useTestApp } from '../../../test/fixtures/api.js';
import { aContact } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';

/** The person's time zone: saved and read on both databases, refused by name when not a zone, and written into calendar events. */
describe.each(dialects)("the other person's time zone on %s", (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
    asBrowser(t.app, { method, url, ...(payload === undefined ? {} : { payload }) });

  it('is saved and read back, changed, and cleared; unknown without one', async () => {
    const none = await call('POST', '/api/v1/contacts', { name: 'Nobody Zoned' });
    expect(none.json().timeZone).toBeNull();
    const created = await call('POST', '/api/v1/contacts', { name: 'Berta Berlin', timeZone: 'Europe/Berlin' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await call('GET', `/api/v1/contacts/${id}`)).json().timeZone).toBe('Europe/Berlin');
    expect((await call('PATCH', `/api/v1/contacts/${id}`, { timeZone: 'Asia/Kolkata' })).json().timeZone).toBe('Asia/Kolkata');
    expect((await call('GET', `/api/v1/contacts?sort=name`)).json().items.find((c: { id: string }) => c.id === id).timeZone).toBe('Asia/Kolkata');
    expect((await call('PATCH', `/api/v1/contacts/${id}`, { title: 'Engineer' })).json().timeZone).toBe('Asia/Kolkata');
    expect((await call('PATCH', `/api/v1/contacts/${id}`, { timeZone: null })).json().timeZone).toBeNull();
  });

  it('refuses a zone that does not exist, naming the field, and changes nothing', async () => {
    const id = (await call('POST', '/api/v1/contacts', { name: 'Carl Clock', timeZone: 'Europe/London' })).json().id;
    for (const bad of ['Mars/Olympus', 'Berlin', '']) {
      const res = await call('PATCH', `/api/v1/contacts/${id}`, { timeZone: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation.failed', details: [{ field: 'timeZone' }] });
    }
    const add = await call('POST', '/api/v1/contacts', { name: 'Dee Zone', timeZone: 'Nowhere/Land' });
    expect(add.json().error.details[0].field).toBe('timeZone');
    expect((await call('GET', `/api/v1/contacts/${id}`)).json().timeZone).toBe('Europe/London');
  });

  it('keeps where an organisation is, which the person form uses to suggest a zone', async () => {
    const org = await call('POST', '/api/v1/organizations', { name: 'Maple Works', location: 'Toronto, ON' });
    expect(org.statusCode).toBe(201);
    expect((await call('GET', `/api/v1/organizations/${org.json().id}`)).json().location).toBe('Toronto, ON');
    expect((await call('PATCH', `/api/v1/organizations/${org.json().id}`, { location: null })).json().location).toBeNull();
    const long = await call('PATCH', `/api/v1/organizations/${org.json().id}`, { location: 'x'.repeat(201) });
    expect(long.json().error.details[0].field).toBe('location');
    expect((await call('POST', '/api/v1/organizations', { name: 'Nowhere Ltd' })).json().location).toBeNull();
  });

  it("leaves Today's agenda in the user's own time when a person's zone changes", async () => {
    const person = (await call('POST', '/api/v1/contacts', { name: 'Gus Agenda', relationship: 'friend' })).json();
    await call('POST', '/api/v1/interviews', { contactId: person.id, status: 'requested', requestedAt: '2026-03-01T09:00:00Z' });
    const before = (await call('GET', `/api/v1/agenda?contactId=${person.id}`)).json();
    expect(before.items.length).toBeGreaterThan(0);
    await call('PATCH', `/api/v1/contacts/${person.id}`, { timeZone: 'Pacific/Auckland' });
    const after = (await call('GET', `/api/v1/agenda?contactId=${person.id}`)).json();
    expect(after.timeZone).toBe(before.timeZone);
    expect(after.items.map((i: { key: string; due: string }) => [i.key, i.due])).toEqual(before.items.map((i: { key: string; due: string }) => [i.key, i.due]));
  });

  it("puts the person's own clock time and zone in the interview's calendar event", async () => {
    const person = (await call('POST', '/api/v1/contacts', { name: 'Elke Event', timeZone: 'Europe/Berlin' })).json();
    const interview = (await call('POST', '/api/v1/interviews', { contactId: person.id, status: 'scheduled', scheduledAt: '2026-03-20T14:30:00Z', plannedMinutes: 30 })).json();
    const ics = (await call('GET', `/api/v1/interviews/${interview.id}/calendar.ics`)).body;
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2026-03-20T14:30:00.000Z');
    expect(String(event.getFirstPropertyValue('description'))).toContain('For Elke Event: Fri 20 Mar, 15:30 their time (Europe/Berlin)');
    // Summer time in Berlin: an hour later on their clock, in the feed as well.
    await call('PATCH', `/api/v1/interviews/${interview.id}`, { scheduledAt: '2026-07-20T14:30:00Z' });
    const { path } = (await call('GET', '/api/v1/calendar')).json();
    const feed = await t.app.inject({ method: 'GET', url: path, headers: { host: HOST } });
    const inFeed = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === `interview-${interview.id}@inroads`);
    expect(String(inFeed?.getFirstPropertyValue('description'))).toContain('Mon 20 Jul, 16:30 their time (Europe/Berlin)');

    const plain = (await call('POST', '/api/v1/contacts', { name: 'Fay Nozone' })).json();
    const other = (await call('POST', '/api/v1/interviews', { contactId: plain.id, status: 'scheduled', scheduledAt: '2026-03-21T10:00:00Z', plannedMinutes: 30 })).json();
    const plainIcs = (await call('GET', `/api/v1/interviews/${other.id}/calendar.ics`)).body;
    expect(plainIcs).not.toContain('their time');
  });
});

describe.each(dialects)('the contacts repository keeps a time zone on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('writes and reads the column both ways, alone and in lists', async () => {
    const c = await aContact(w.ctx, { name: 'Hal Repo', timeZone: 'America/Toronto' });
    expect((await w.ctx.repos.contacts.get(c.id))?.timeZone).toBe('America/Toronto');
    await w.ctx.repos.contacts.update(c.id, { timeZone: 'Asia/Tokyo' });
    expect((await w.ctx.repos.contacts.getMany([c.id]))[0]?.timeZone).toBe('Asia/Tokyo');
    await w.ctx.repos.contacts.update(c.id, { timeZone: null });
    expect((await w.ctx.repos.contacts.all()).find((x) => x.id === c.id)?.timeZone).toBeNull();
  });
});
