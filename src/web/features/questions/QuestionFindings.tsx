import { useQuery } from '@tanstack/react-query';
import type { Finding } from '../../../shared/schemas/coach.js';
import type { Seniority } from '../../../shared/schemas/contacts.js';
import { api } from '../../api/client.js';
import { useDebounced } from '../../ui/useDebounced.js';

const ruleLabels: Record<string, string> = {
  'closed-question': 'Closed question',
  'asks-for-job': 'Asks for a job',
  confidential: 'Asks for confidential information',
  'too-personal': 'Too personal',
  'seniority-mismatch': 'Wrong person to ask',
  'answerable-by-research': 'You could look this up',
};

/** The question checker's findings, as the question is typed. */
export function QuestionFindings({ text, audience }: { text: string; audience: Seniority }) {
  const settled = useDebounced(text);
  const check = useQuery({
    queryKey: ['coach-question', settled, audience],
    queryFn: () => api.post<{ findings: Finding[] }>('/api/v1/coach/question', { text: settled, audience }),
    enabled: settled.trim().length > 0,
    placeholderData: (previous) => previous,
  });
  if (!settled.trim() || !check.data) return null;
  return (
    <div className="findings" role="status" aria-live="polite">
      {check.data.findings.length === 0 ? (
        <p className="muted">A good, open question for this person.</p>
      ) : (
        <ul className="plain-list">
          {check.data.findings.map((f) => (
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
