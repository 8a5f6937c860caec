import { Link } from 'react-router';
import type { Week } from '../../../shared/schemas/week.js';
import { formatDateTime } from '../../ui/format.js';
import { kindLabels } from '../../ui/labels.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { TargetsForm } from './TargetsForm.js';
import { useWeek } from './week.api.js';
import { streakText, thankYouText, WeekProgress } from './WeekProgress.js';

const day = (iso: string) => new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

function Stalled({ week }: { week: Week }) {
  const { requests, overdue, keepInTouch } = week.stalled;
  if (requests.length + overdue.length + keepInTouch.length === 0) return <p>Nothing stalled. Well kept.</p>;
  return (
    <>
      {requests.length ? (
        <>
          <h3>Requests without a reply</h3>
          <ul>
            {requests.map((r) => (
              <li key={r.interviewId}>
                <Link to={`/interviews/${r.interviewId}`}>{r.name}</Link>: no reply after {r.businessDays} business days.
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {overdue.length ? (
        <>
          <h3>Overdue on the agenda</h3>
          <ul>
            {overdue.map((item) => (
              <li key={item.key}>
                {item.title} <span className="muted">({kindLabels[item.kind]}, due {formatDateTime(item.due)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {keepInTouch.length ? (
        <>
          <h3>People who agreed to keep in touch and have not heard from you</h3>
          <ul>
            {keepInTouch.map((item) => (
              <li key={item.key}>{item.contactId ? <Link to={`/people/${item.contactId}`}>{item.title}</Link> : item.title}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The weekly review: what happened, what stalled, next week's first actions, and the targets. */
export function WeeklyReviewPage() {
  const week = useWeek();
  if (week.isPending) return <Loading what="your week" />;
  if (week.isError) return <ErrorState error={week.error} retry={() => void week.refetch()} />;
  const w = week.data;
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Weekly review</h1>
          <p className="muted">
            The week of {day(w.week.start)} to {day(w.week.end)}.{' '}
            {w.week.reviewDue ? 'Your last working day: time to look back and plan the next one.' : `The review falls due on ${day(w.week.lastWorkingDay)}, but you can look any time.`}
          </p>
        </div>
      </div>
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="review-happened">
            <h2 id="review-happened">What happened {w.onTarget ? <span className="badge">On target</span> : null}</h2>
            <WeekProgress week={w} idPrefix="review" />
            <p>
              {w.progress.replies === 0 ? 'No replies came in.' : w.progress.replies === 1 ? 'One reply came in.' : `${w.progress.replies} replies came in.`} {thankYouText(w)}
            </p>
            <p>{streakText(w)}</p>
          </section>
          <section className="card" aria-labelledby="review-stalled">
            <h2 id="review-stalled">What stalled</h2>
            <Stalled week={w} />
          </section>
          <section className="card" aria-labelledby="review-next">
            <h2 id="review-next">Next week’s first actions</h2>
            {w.nextActions.length === 0 ? (
              <p>
                Nothing on the agenda and nobody ranked yet. <Link to="/people">Add the people you know</Link> to get going.
              </p>
            ) : (
              <ol>
                {w.nextActions.map((action, n) => (
                  <li key={`${action.kind}-${action.contactId ?? n}-${n}`}>
                    {action.contactId ? <Link to={`/people/${action.contactId}`}>{action.title}</Link> : action.title}
                    <br />
                    <span className="muted">{action.reason}</span>
                  </li>
                ))}
              </ol>
            )}
            <p className="actions">
              <Link to="/">Back to Today</Link>
              <Link to="/next">See whom to ask</Link>
            </p>
          </section>
        </div>
        <section className="card" aria-labelledby="review-targets">
          <h2 id="review-targets">Your weekly targets</h2>
          <p className="muted">A steady week beats a busy one. Thank-yous are followed as a rate: aim for every one within a day.</p>
          <TargetsForm targets={w.targets} />
        </section>
      </div>
    </section>
  );
}
