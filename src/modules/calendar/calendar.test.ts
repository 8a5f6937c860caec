import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, HOST, testApp } from '../../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import type { App } from '../../server/types.js';
import { settableClock } from '../../shared/clock.js';
import { nextVersions } from './calendar.rules.js';

/** A property of an event, with date-times as ISO strings. */
function prop(event: ICAL.Component | undefined, name: string) {
  const value = event?.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value.toJSDate().toISOString() : value;
}

describe('calendar event revisions', () => {
  const at = '2026-03-10T10:00:00.000Z';
  const event = { uid: 'a@inroads', start: '2026-03-20T14:00:00.000Z', end: '2026-03-20T14:30:00.000Z' };
  it('start at 0, stay put while the times do, and go up by one (with a new LAST-MODIFIED) when they move', () => {
    const first = nextVersions({}, [{ ...event, changedAt: '2026-03-09T08:00:00.000Z' }], at);
    expect(first).toEqual({ changed: true, versions: { 'a@inroads': { start: event.start, end: event.end, sequence: 0, modified: '2026-03-09T08:00:00.000Z' } } });
    expect(nextVersions(first.versions, [event], '2026-03-11T10:00:00.000Z')).toEqual({ changed: false, versions: first.versions });
    const moved = nextVersions(first.versions, [{ ...event, start: '2026-03-21T14:00:00.000Z' }], '2026-03-12T10:00:00.000Z');
    expect(moved.versions['a@inroads']).toMatchObject({ sequence: 1, modified: '2026-03-12T10:00:00.000Z' });
    const lengthened = nextVersions(moved.versions, [{ ...event, start: '2026-03-21T14:00:00.000Z', end: '2026-03-21T15:00:00.000Z' }], '2026-03-13T10:00:00.000Z');
    expect(lengthened.versions['a@inroads']?.sequence).toBe(2);
  });
  it('remember an event that left the feed until 90 days after it ended', () => {
    const { versions } = nextVersions({}, [event], at);
    expect(nextVersions(versions, [], '2026-05-01T00:00:00.000Z')).toEqual({ changed: false, versions });
    expect(nextVersions(versions, [], '2026-06-19T00:00:00.000Z')).toEqual({ changed: true, versions: {} });
  });
});

describe.each(dialects)('the calendar feed on %s', (dialect) => {
  let w: TestWorkspace;
  let app: App;
  const clock = settableClock('2026-03-02T10:00:00.000Z');
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => asBrowser(app, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  beforeAll(async () => {
    w = await createTestWorkspace(dialect, clock);
    app = await testApp(w);
  });
  afterAll(async () => {
    await app?.close();
    await w?.dispose();
  });
  const feedEvents = async (path: string) => {
    const feed = await app.inject({ method: 'GET', url: path, headers: { host: HOST } });
    expect(feed.statusCode).toBe(200);
    return new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
  };

  it('stamps events with the time the feed was made, and revises SEQUENCE and LAST-MODIFIED when an event moves', async () => {
    const contact = (await call('POST', '/api/v1/contacts', { name: 'Dana Stamp' })).json();
    const created = await call('POST', '/api/v1/interviews', { contactId: contact.id, status: 'scheduled', scheduledAt: '2026-03-20T14:00:00Z', plannedMinutes: 30 });
    const interview = created.json();
    const uid = `interview-${interview.id}@inroads`;
    const { path } = (await call('GET', '/api/v1/calendar')).json();

    clock.set('2026-03-03T09:00:00.000Z');
    let events = await feedEvents(path);
    let meeting = events.find((e) => prop(e, 'uid') === uid);
    expect(events.length).toBeGreaterThan(1);
    // Every event, interview or follow-up, is stamped now: never its due time or a time in the future.
    for (const e of events) expect(prop(e, 'dtstamp')).toBe('2026-03-03T09:00:00.000Z');
    expect(prop(meeting, 'sequence')).toBe(0);
    expect(prop(meeting, 'last-modified')).toBe(new Date(interview.updatedAt).toISOString());

    // Unchanged: the same revision, a new stamp.
    clock.set('2026-03-04T09:00:00.000Z');
    meeting = (await feedEvents(path)).find((e) => prop(e, 'uid') === uid);
    expect([prop(meeting, 'sequence'), prop(meeting, 'dtstamp')]).toEqual([0, '2026-03-04T09:00:00.000Z']);

    // Moved: the next revision, modified when it was moved.
    clock.set('2026-03-05T11:00:00.000Z');
    expect((await call('PATCH', `/api/v1/interviews/${interview.id}`, { scheduledAt: '2026-03-21T15:00:00Z' })).statusCode).toBe(200);
    clock.set('2026-03-05T12:00:00.000Z');
    events = await feedEvents(path);
    meeting = events.find((e) => prop(e, 'uid') === uid);
    expect(prop(meeting, 'dtstart')).toBe('2026-03-21T15:00:00.000Z');
    expect(prop(meeting, 'sequence')).toBe(1);
    expect(prop(meeting, 'last-modified')).toBe('2026-03-05T11:00:00.000Z');
    const followUps = events.filter((e) => prop(e, 'uid') !== uid);
    expect(followUps.length).toBeGreaterThan(0);
    for (const e of followUps) expect(Date.parse(String(prop(e, 'last-modified')))).toBeLessThanOrEqual(Date.parse('2026-03-05T12:00:00.000Z'));

    // The single download tells the same revision.
    const single = await call('GET', `/api/v1/interviews/${interview.id}/calendar.ics`);
    const one = new ICAL.Component(ICAL.parse(single.body)).getAllSubcomponents('vevent')[0];
    expect([prop(one, 'sequence'), prop(one, 'dtstamp')]).toEqual([1, '2026-03-05T12:00:00.000Z']);
  });

  it('answers HEAD on the feed like GET, without the body', async () => {
    const { path } = (await call('GET', '/api/v1/calendar')).json();
    const get = await app.inject({ method: 'GET', url: path, headers: { host: HOST } });
    const head = await app.inject({ method: 'HEAD', url: path, headers: { host: HOST } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    for (const name of ['content-type', 'cache-control', 'content-length', 'content-security-policy']) expect([name, head.headers[name]]).toEqual([name, get.headers[name]]);
    const wrong = await app.inject({ method: 'HEAD', url: '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', headers: { host: HOST } });
    expect(wrong.statusCode).toBe(404);
  });
});
