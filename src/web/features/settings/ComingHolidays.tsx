import { ErrorState, Loading } from '../../ui/States.js';
import { useComingHolidays } from './settings.api.js';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

/** The public holidays and the user's own days off in the coming year. */
export function ComingHolidays() {
  const coming = useComingHolidays();
  return (
    <section className="card" aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">Coming holidays</h2>
      {coming.isPending ? <Loading what="the coming holidays" /> : null}
      {coming.isError ? <ErrorState error={coming.error} /> : null}
      {coming.data ? (
        coming.data.holidays.length === 0 ? (
          <p className="muted">
            {coming.data.country ? 'No holidays or days off in the next twelve months.' : 'Choose a country above to see its public holidays here; your own days off show here too.'}
          </p>
        ) : (
          <>
            <p className="muted">Follow-ups and reply times skip these days.</p>
            <ul className="plain-list" aria-label="Holidays and days off">
              {coming.data.holidays.map((h) => (
                <li key={`${h.date}-${h.kind}-${h.name}`}>
                  <strong>{formatDay(h.date)}</strong> · {h.name}
                  {h.kind === 'day-off' ? null : <span className="muted"> (public holiday)</span>}
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
