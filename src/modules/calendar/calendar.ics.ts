import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import type { Interview } from '../../shared/schemas/interviews.js';

/** Minutes before a scheduled interview that its reminder goes off. */
export const INTERVIEW_ALARM_MINUTES = 60;
/** Length given to a follow-up in a calendar: a short block at its due time. */
export const FOLLOW_UP_MINUTES = 15;

function interviewSummary(interview: Interview): string {
  return `Informational interview: ${interview.contact.name}${interview.organization ? ` (${interview.organization.name})` : ''}`;
}

function interviewDescription(interview: Interview): string {
  return [
    interview.objective ? `What I want to learn: ${interview.objective}` : null,
    interview.format ? `Format: ${interview.format}` : null,
    `Planned length: ${interview.plannedMinutes} minutes — keep to it.`,
    'Arrive on time, but not more than 15 minutes early. Bring questions, not a résumé.',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * An iCalendar document with scheduled interviews and due follow-ups, each with
 * a reminder (VALARM). UIDs are stable so calendar apps update events in place.
 */
export function buildCalendar({
  name,
  interviews,
  items,
}: {
  name: string;
  interviews: readonly Interview[];
  items: readonly AgendaItem[];
}): string {
  const calendar = ical({ name, prodId: { company: 'Inroads', product: 'Inroads', language: 'EN' }, ttl: 60 * 60 });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const interview of interviews) {
    if (!interview.scheduledAt) continue;
    const start = new Date(interview.scheduledAt);
    const event = calendar.createEvent({
      id: `interview-${interview.id}@inroads`,
      start,
      end: new Date(start.getTime() + interview.plannedMinutes * 60_000),
      summary: interviewSummary(interview),
      description: interviewDescription(interview),
      location: interview.venue ?? interview.link ?? null,
      url: interview.link ?? null,
      stamp: new Date(interview.updatedAt),
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: INTERVIEW_ALARM_MINUTES * 60, description: interviewSummary(interview) });
  }
  for (const item of items) {
    const start = new Date(item.due);
    const event = calendar.createEvent({
      id: `${item.key}@inroads`,
      start,
      end: new Date(start.getTime() + FOLLOW_UP_MINUTES * 60_000),
      summary: item.title,
      description: `${item.reason}\n\nNext step: ${item.action}`,
      stamp: start,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: item.title });
  }
  return calendar.toString();
}

