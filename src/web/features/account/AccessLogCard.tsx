import { useState } from 'react';
import type { AccessEntry } from '../../../shared/schemas/sharing.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useProfile } from '../settings/settings.api.js';
import { ACCESS_LOG_PAGE, useAccessLog } from './account.api.js';

const part = (e: AccessEntry) => (e.scope === 'notes' ? 'your notes' : 'your progress');
const names = (e: AccessEntry) => (e.showNames ? 'with names' : 'without names');

/** One entry as a sentence: "Sam Adviser viewed your progress". */
export function describeAccess(e: AccessEntry): string {
  switch (e.action) {
    case 'viewed':
      return `${e.coach.name} viewed ${part(e)}${e.views > 1 ? ` (${e.views} times)` : ''}`;
    case 'shared':
      return `You shared ${e.scope === 'notes' ? 'your progress and notes' : 'your progress'} with ${e.coach.name}, ${names(e)}`;
    case 'changed':
      return `You changed what ${e.coach.name} sees: ${e.scope === 'notes' ? 'progress and notes' : 'progress only'}, ${names(e)}`;
    case 'stopped':
      return `You stopped sharing with ${e.coach.name}`;
  }
}

/** "2 Dec 10:14" in the student's own time zone (their profile's), however the browser is set. */
function when(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

/** Who has looked at what one shares, and when one shared or stopped: the latest first, a page at a time. */
export function AccessLogCard() {
  const [offset, setOffset] = useState(0);
  const log = useAccessLog(offset);
  const timeZone = useProfile().data?.timeZone;
  return (
    <section className="card" aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">Who has looked</h2>
      <p>
        Each time a coach opens what you share, it is written here (looks within half an hour count as one), and so is each time you share, change what they
        see or stop. Times are in your time zone{timeZone ? ` (${timeZone})` : ''}.
      </p>
      {log.isPending ? <Loading what="who has looked" /> : null}
      {log.isError ? <ErrorState error={log.error} retry={() => void log.refetch()} /> : null}
      {log.data && log.data.total === 0 ? <p className="muted">Nobody has looked yet, and you have not shared with anyone.</p> : null}
      {log.data && log.data.items.length > 0 ? (
        <>
          <ul className="access-log" aria-label="Who has looked, latest first">
            {log.data.items.map((e) => (
              <li key={e.id}>
                {describeAccess(e)}, <time dateTime={e.lastAt}>{when(e.action === 'viewed' && e.views > 1 ? e.lastAt : e.at, timeZone)}</time>
                {e.action === 'viewed' && e.views > 1 ? <span className="muted"> (first at {when(e.at, timeZone)})</span> : null}
              </li>
            ))}
          </ul>
          {log.data.total > ACCESS_LOG_PAGE ? (
            <div className="actions">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ACCESS_LOG_PAGE))}>
                Newer
              </button>
              <span className="muted">
                {offset + 1}–{Math.min(offset + ACCESS_LOG_PAGE, log.data.total)} of {log.data.total}
              </span>
              <button type="button" disabled={offset + ACCESS_LOG_PAGE >= log.data.total} onClick={() => setOffset(offset + ACCESS_LOG_PAGE)}>
                Older
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
