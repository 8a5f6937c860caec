import type { Finding } from '../../../shared/schemas/coach.js';
import { FindingsList, useLiveCheck } from './liveCheck.js';

/** Word count, spoken length and the job-asking check for the pitch, as it is typed. */
export function PitchFeedback({ text }: { text: string }) {
  const result = useLiveCheck<{ words: number; seconds: number; findings: Finding[] }>('/api/v1/coach/pitch', text);
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
