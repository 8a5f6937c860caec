import { useEffect, useState } from 'react';

/** Seconds as m:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Seconds since `startedAt`, ticking once a second. */
export function useElapsed(startedAt: string | null, endedAt: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt || endedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt, endedAt]);
  if (!startedAt) return 0;
  return ((endedAt ? Date.parse(endedAt) : now) - Date.parse(startedAt)) / 1000;
}
