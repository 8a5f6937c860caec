import { Link } from 'react-router';
import { ErrorState } from '../../ui/States.js';
import { useWeek } from './week.api.js';
import { streakText, thankYouText, WeekProgress } from './WeekProgress.js';

/** Today's glance at the week: progress against the targets, the streak, and the review when it is due. */
export function WeekCard() {
  const week = useWeek();
  if (week.isError) return <ErrorState error={week.error} retry={() => void week.refetch()} />;
  if (!week.data) return null;
  const w = week.data;
  return (
    <section className="card week-card" aria-labelledby="week-card-title">
      <h2 id="week-card-title">Your week so far {w.onTarget ? <span className="badge">On target</span> : null}</h2>
      <WeekProgress week={w} idPrefix="today-week" />
      <p className="muted">
        {thankYouText(w)} {streakText(w)}
      </p>
      {w.week.reviewDue ? <p className="notice">It is the last working day of your week: a good moment for the weekly review.</p> : null}
      <p className="actions">
        <Link className={w.week.reviewDue ? 'button primary' : 'button'} to="/week">
          {w.week.reviewDue ? 'Start the weekly review' : 'Weekly review'}
        </Link>
      </p>
    </section>
  );
}
