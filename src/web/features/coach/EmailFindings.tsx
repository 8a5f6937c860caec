import { useQuery } from '@tanstack/react-query';
import type { Finding } from '../../../shared/schemas/coach.js';
import { api } from '../../api/client.js';
import { useDebounced } from '../../ui/useDebounced.js';

const ruleLabels: Record<string, string> = {
  'too-long': 'Too long',
  'asks-for-job': 'Sounds like a job request',
  'attaches-resume': 'Résumé attached',
  'no-connection': 'No connection mentioned',
  'no-time-bound-ask': 'No specific, short time asked for',
};

/** The email checker's findings for `text`, updated as the user types. */
export function EmailFindings({ text, id }: { text: string; id: string }) {
  const settled = useDebounced(text);
  const check = useQuery({
    queryKey: ['coach-email', settled],
    queryFn: () => api.post<{ findings: Finding[] }>('/api/v1/coach/email', { text: settled }),
    enabled: settled.trim().length > 0,
    placeholderData: (previous) => previous,
  });
  const findings = check.data?.findings ?? [];
  return (
    <div id={id} className="findings" role="status" aria-live="polite">
      {settled.trim().length === 0 ? null : findings.length === 0 ? (
        <p className="muted">Looks good: short, about them, with a clear and small request.</p>
      ) : (
        <ul className="plain-list">
          {findings.map((f) => (
            <li key={f.rule} className="finding">
              <strong>{ruleLabels[f.rule] ?? f.rule}.</strong> {f.message}
              {f.suggestion ? <div className="muted">Try: {f.suggestion}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
