import { useQuery } from '@tanstack/react-query';
import type { Finding } from '../../../shared/schemas/coach.js';
import { api } from '../../api/client.js';
import { useDebounced } from '../../ui/useDebounced.js';

/** Word count, spoken length and the job-asking check for the pitch, as it is typed. */
export function PitchFeedback({ text }: { text: string }) {
  const settled = useDebounced(text);
  const check = useQuery({
    queryKey: ['coach-pitch', settled],
    queryFn: () => api.post<{ words: number; seconds: number; findings: Finding[] }>('/api/v1/coach/pitch', { text: settled }),
    enabled: settled.trim().length > 0,
    placeholderData: (previous) => previous,
  });
  if (!settled.trim() || !check.data) return null;
  return (
    <div className="findings" role="status" aria-live="polite">
      <p className="muted">
        {check.data.words} words · about {check.data.seconds} seconds aloud
      </p>
      <ul className="plain-list">
        {check.data.findings.map((f) => (
          <li key={f.rule} className="finding">
            {f.message}
            {f.suggestion ? <div className="muted">Try: {f.suggestion}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
