import type { Week } from '../../../shared/schemas/week.js';

const rows = (week: Week) => [
  { id: 'requests', label: 'Requests sent', ...week.progress.requests },
  { id: 'conversations', label: 'Conversations held', ...week.progress.conversations },
  { id: 'people', label: 'New people added', ...week.progress.people },
];

export const thankYouText = (week: Week) =>
  week.progress.thankYous.rate === null
    ? 'No thank-yous due yet this week.'
    : `${week.progress.thankYous.onTime} of ${week.progress.thankYous.due} thank-yous went out within a day (${Math.round(week.progress.thankYous.rate * 100)}%).`;

export const streakText = (week: Week) =>
  week.streak === 0 ? 'No streak yet: meet all three targets in a week to start one.' : `${week.streak} ${week.streak === 1 ? 'week' : 'weeks'} on target in a row.`;

/** The three targets as labelled bars: how far along each one is this week. */
export function WeekProgress({ week, idPrefix }: { week: Week; idPrefix: string }) {
  return (
    <ul className="plain-list week-progress">
      {rows(week).map((row) => (
        <li key={row.id}>
          <span id={`${idPrefix}-${row.id}`} className="week-progress-label">
            {row.label}
          </span>
          <progress aria-labelledby={`${idPrefix}-${row.id}`} max={Math.max(row.target, 1)} value={Math.min(row.done, Math.max(row.target, 1))} />
          <span className={row.met ? 'week-met' : undefined}>
            {row.done} of {row.target}
            {row.met ? ' ✓' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
