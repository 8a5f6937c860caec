import type { Interview } from '../../../shared/schemas/interviews.js';
import { clock } from './useElapsed.js';

/** The timer against the planned length, Start / Stop / Resume, and (once started) "End and debrief". */
export function ConversationTimer({
  interview: i,
  elapsed,
  onToggle,
  onEnd,
  ending,
}: {
  interview: Interview;
  elapsed: number;
  onToggle: () => void;
  onEnd: () => void;
  ending: boolean;
}) {
  const planned = i.plannedMinutes;
  return (
    <div className="im-timer">
      <span role="timer" aria-label={`Time elapsed of ${planned} minutes`} className={elapsed >= planned * 60 ? 'over' : ''}>
        {clock(elapsed)} <span className="muted">/ {planned}:00</span>
      </span>
      <button type="button" className="primary" onClick={onToggle} aria-keyshortcuts="Alt+S">
        {!i.live.startedAt ? 'Start' : i.live.endedAt ? 'Resume' : 'Stop'}
      </button>
      {i.live.startedAt ? (
        <button type="button" onClick={onEnd} disabled={ending}>
          End and debrief
        </button>
      ) : null}
    </div>
  );
}
