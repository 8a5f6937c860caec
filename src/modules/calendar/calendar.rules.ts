/**
 * What a calendar app was last told about one event: its times, its revision
 * number (SEQUENCE) and when that revision was made (LAST-MODIFIED).
 */
export interface EventVersion {
  start: string;
  end: string;
  sequence: number;
  modified: string;
}

export type EventVersions = Record<string, EventVersion>;

/** An event as it is about to be published: its UID, times, and when it was last changed if that is known. */
export interface PublishedEvent {
  uid: string;
  start: string;
  end: string;
  changedAt?: string | undefined;
}

/** An event that has left the feed keeps its revision number (in case it comes back) until this long after it ended. */
export const FORGET_AFTER_DAYS = 90;

/**
 * The revisions to publish: a new event starts at 0; an event whose start or end
 * moved gets the next number and a new LAST-MODIFIED, so clients that follow
 * RFC 5545 strictly take the update; an unchanged one keeps what it had. An
 * event gone from the feed is forgotten FORGET_AFTER_DAYS after it ended. Pure.
 */
export function nextVersions(previous: EventVersions, events: readonly PublishedEvent[], at: string): { versions: EventVersions; changed: boolean } {
  const versions: EventVersions = {};
  let changed = false;
  for (const event of events) {
    const before = previous[event.uid];
    if (before && before.start === event.start && before.end === event.end) versions[event.uid] = before;
    else {
      changed = true;
      // The record's own change time where it is known and later than the last revision; otherwise now.
      const modified = event.changedAt && (!before || event.changedAt > before.modified) ? event.changedAt : at;
      versions[event.uid] = { start: event.start, end: event.end, sequence: before ? before.sequence + 1 : 0, modified };
    }
  }
  const cutoff = new Date(Date.parse(at) - FORGET_AFTER_DAYS * 86_400_000).toISOString();
  for (const [uid, version] of Object.entries(previous)) {
    if (uid in versions) continue;
    if (version.end > cutoff) versions[uid] = version;
    else changed = true;
  }
  return { versions, changed };
}
