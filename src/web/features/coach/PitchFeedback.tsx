import { usePitchCheck } from './coach.api.js';
import { FindingsList } from './liveCheck.js';

/** Word count, spoken length and the job-asking check for the pitch, as it is typed. */
export function PitchFeedback({ text }: { text: string }) {
  const result = usePitchCheck(text);
  if (!result) return null;
  return (
    <div className="findings" role="status" aria-live="polite">
      <p className="muted">
        {result.words} words · about {result.seconds} seconds aloud
      </p>
      <FindingsList findings={result.findings} />
    </div>
  );
}
