import { useEffect, useState } from 'react';
import { clockIn, dayAndClockIn } from '../../../shared/time-zones.js';
import { useContact } from './people.api.js';

/** The zone this browser shows times in: the user's own. */
export const ownTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Their time: 15:30 (Europe/Berlin)", kept current while the page is open; nothing when the zone is not known. */
export function TheirTimeNow({ timeZone }: { timeZone: string | null }) {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date().toISOString()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!timeZone) return null;
  return (
    <p className="their-time">
      Their time: {clockIn(now, timeZone)} ({timeZone})
    </p>
  );
}

/**
 * A meeting time on both clocks: the user's own and the person's (when their zone is known and differs).
 * Announced politely so a screen reader hears the other clock as the time is chosen.
 */
export function BothTimes({ iso, contactId }: { iso: string | null; contactId: string }) {
  const contact = useContact(contactId);
  const theirs = contact.data?.timeZone ?? null;
  const mine = ownTimeZone();
  if (!iso) return null;
  return (
    <p className="hint both-times" aria-live="polite">
      Your time: {dayAndClockIn(iso, mine)} ({mine})
      {theirs && theirs !== mine ? (
        <>
          {' · '}
          Their time: {dayAndClockIn(iso, theirs)} ({theirs})
        </>
      ) : theirs ? (
        ' · the same for them'
      ) : (
        ' · add their time zone on their page to see their time too'
      )}
    </p>
  );
}
