import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import { dayAndClockIn } from '../../shared/time-zones.js';
import type { EventVersions, PublishedEvent } from './calendar.rules.js';

/** Minutes before a scheduled interview that its reminder goes off. */
export const INTERVIEW_ALARM_MINUTES = 60;
/** Length given to a follow-up in a calendar: a short block at its due time. */
export const FOLLOW_UP_MINUTES = 15;

function interviewSummary(interview: Interview): string {
  return `Informational interview: ${interview.contact.name}${interview.organization ? ` (${interview.organization.name})` : ''}`;
}

/** "Fri 20 Mar, 15:30 their time (Europe/Berlin)" when the person's zone is known. */
function theirTime(interview: Interview, timeZone: string | undefined): string | null {
  return interview.scheduledAt && timeZone ? `For ${interview.contact.name}: ${dayAndClockIn(interview.scheduledAt, timeZone)} their time (${timeZone})` : null;
}

function interviewDescription(interview: Interview, timeZone?: string): string {
  return [
    theirTime(interview, timeZone),
    interview.objective ? `What I want to learn: ${interview.objective}` : null,
    interview.format ? `Format: ${interview.format}` : null,
    `Planned length: ${interview.plannedMinutes} minutes — keep to it.`,
    'Arrive on time, but not more than 15 minutes early. Bring questions, not a résumé.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** An event's UID and times, as published. */
export function interviewEvent(interview: Interview): PublishedEvent | null {
  if (!interview.scheduledAt) return null;
  const start = new Date(interview.scheduledAt);
  return { uid: `interview-${interview.id}@inroads`, start: start.toISOString(), end: new Date(start.getTime() + interview.plannedMinutes * 60_000).toISOString(), changedAt: interview.updatedAt };
}

export function itemEvent(item: AgendaItem): PublishedEvent {
  const start = new Date(item.due);
  return { uid: `${item.key}@inroads`, start: start.toISOString(), end: new Date(start.getTime() + FOLLOW_UP_MINUTES * 60_000).toISOString() };
}

/**
 * An iCalendar document with scheduled interviews and due follow-ups, each with
 * a reminder (VALARM). UIDs are stable so calendar apps update events in place;
 * DTSTAMP is when the document was made, and SEQUENCE and LAST-MODIFIED come
 * from `versions` (see nextVersions), so a moved event reads as a newer revision.
 */
export function buildCalendar({
  name,
  interviews,
  items,
  generatedAt,
  versions,
  zones = new Map(),
}: {
  name: string;
  interviews: readonly Interview[];
  /** Each person's time zone by their id, for "their time" in an interview's description. */
  zones?: ReadonlyMap<string, string>;
  items: readonly AgendaItem[];
  generatedAt: string;
  versions: EventVersions;
}): string {
  const calendar = ical({ name, prodId: { company: 'Inroads', product: 'Inroads', language: 'EN' }, ttl: 60 * 60 });
  calendar.method(ICalCalendarMethod.PUBLISH);
  const stamp = new Date(generatedAt);
  const revision = (event: PublishedEvent) => {
    const version = versions[event.uid];
    return { id: event.uid, start: new Date(event.start), end: new Date(event.end), stamp, sequence: version?.sequence ?? 0, lastModified: new Date(version?.modified ?? event.changedAt ?? generatedAt) };
  };
  for (const interview of interviews) {
    const published = interviewEvent(interview);
    if (!published) continue;
    const event = calendar.createEvent({
      ...revision(published),
      summary: interviewSummary(interview),
      description: interviewDescription(interview, zones.get(interview.contact.id)),
      location: interview.venue ?? interview.link ?? null,
      url: interview.link ?? null,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: INTERVIEW_ALARM_MINUTES * 60, description: interviewSummary(interview) });
  }
  for (const item of items) {
    const event = calendar.createEvent({ ...revision(itemEvent(item)), summary: item.title, description: `${item.reason}\n\nNext step: ${item.action}` });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: item.title });
  }
  return calendar.toString();
}
