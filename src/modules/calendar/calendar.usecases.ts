import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { getInterview } from '../interviews/interviews.usecases.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { buildCalendar, interviewEvent, itemEvent } from './calendar.ics.js';
import { nextVersions, type EventVersions, type PublishedEvent } from './calendar.rules.js';

const TOKEN_KEY = 'calendar_feed_token';
/** How far ahead the feed lists follow-ups. */
const FEED_DAYS_AHEAD = 60;

const newToken = () => randomBytes(24).toString('base64url');

/** The secret part of the private feed address, created on first use. */
export async function calendarFeedToken({ ctx }: { ctx: AppContext }): Promise<{ token: string }> {
  const existing = await ctx.repos.followups.setting(TOKEN_KEY);
  if (existing) return { token: existing };
  const token = newToken();
  await ctx.repos.followups.saveSetting(TOKEN_KEY, token, now(ctx));
  return { token };
}

/** The feed token if one was ever made (nothing is created). */
export async function storedCalendarFeedToken({ ctx }: { ctx: AppContext }): Promise<string | null> {
  return (await ctx.repos.followups.setting(TOKEN_KEY)) ?? null;
}

/** Replaces the feed address; the old one stops working at once. */
export async function regenerateCalendarFeedToken({ ctx }: { ctx: AppContext }): Promise<{ token: string }> {
  const token = newToken();
  await ctx.repos.followups.saveSetting(TOKEN_KEY, token, now(ctx));
  return { token };
}

/** The time zones of the people met in these interviews, by person id (people without one are left out). */
async function contactZones(ctx: AppContext, interviews: readonly Interview[]): Promise<Map<string, string>> {
  const people = await ctx.repos.contacts.getMany([...new Set(interviews.map((i) => i.contact.id))]);
  return new Map(people.flatMap((p) => (p.timeZone ? [[p.id, p.timeZone] as const] : [])));
}

/** Scheduled interviews and open follow-ups for the coming weeks, as iCalendar text. */
export async function calendarFeed({ ctx, at }: { ctx: AppContext; at?: string | undefined }): Promise<string> {
  const instant = at ?? now(ctx);
  const to = new Date(new Date(instant).getTime() + FEED_DAYS_AHEAD * 86_400_000).toISOString();
  const { items } = await getAgenda({ ctx, at: instant, to });
  const interviews = await ctx.repos.interviews.list({ status: ['scheduled'] }, { field: 'scheduledAt', direction: 'asc' }, { limit: 500, offset: 0 });
  const generatedAt = now(ctx);
  const versions = await publish(ctx, [...interviews.items.map(interviewEvent), ...items.map(itemEvent)], generatedAt);
  return buildCalendar({ name: 'Inroads', interviews: interviews.items, items, generatedAt, versions, zones: await contactZones(ctx, interviews.items) });
}

/**
 * The revisions of the events about to be published, recorded when an event is
 * new or has moved (a write only then; an unchanged feed writes nothing). This is
 * bookkeeping of what was published, kept beside the user's data but not part of
 * it (exports leave it out).
 */
async function publish(ctx: AppContext, events: ReadonlyArray<PublishedEvent | null>, at: string): Promise<EventVersions> {
  const previous = await ctx.repos.calendar.versions();
  const { versions, changed } = nextVersions(previous, events.filter((e): e is PublishedEvent => e !== null), at);
  if (!changed) return versions;
  await ctx.transaction(async (tx) => {
    for (const [uid, version] of Object.entries(versions)) if (previous[uid] !== version) await tx.repos.calendar.saveVersion(uid, version);
    await tx.repos.calendar.forget(Object.keys(previous).filter((uid) => !(uid in versions)));
  });
  return versions;
}

/** The feed for a request that presents `token`; a wrong token looks exactly like a missing page. */
export async function calendarFeedFor({ ctx, token }: { ctx: AppContext; token: string }): Promise<string> {
  const expected = await ctx.repos.followups.setting(TOKEN_KEY);
  const a = Buffer.from(token);
  const b = Buffer.from(expected ?? '');
  if (!expected || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AppError('route.not_found', 404, 'No such address.');
  }
  return calendarFeed({ ctx });
}

/** One interview as a calendar file. */
export async function interviewCalendar({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ filename: string; ics: string }> {
  const { interview } = await getInterview({ ctx, id });
  if (!interview.scheduledAt) {
    throw new AppError('interviews.not_scheduled', 409, 'This interview has no date yet; schedule it first.', { id });
  }
  const slug = interview.contact.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const generatedAt = now(ctx);
  // Read, never recorded: a single download must not drop the feed's other events from what was published.
  const { versions } = nextVersions(await ctx.repos.calendar.versions(), [interviewEvent(interview)].filter((e): e is PublishedEvent => e !== null), generatedAt);
  return { filename: `interview-${slug || 'inroads'}.ics`, ics: buildCalendar({ name: 'Inroads', interviews: [interview], items: [], generatedAt, versions, zones: await contactZones(ctx, [interview]) }) };
}
