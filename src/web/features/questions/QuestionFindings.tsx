import type { Seniority } from '../../../shared/schemas/contacts.js';
import { FindingsList } from '../coach/liveCheck.js';
import { useQuestionCheck } from './questions.api.js';

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
  const result = useQuestionCheck(text, audience);
  if (!result) return null;
  return (
    <div className="findings" role="status" aria-live="polite">
      {result.findings.length === 0 ? <p className="muted">A good, open question for this person.</p> : <FindingsList findings={result.findings} labels={ruleLabels} />}
    </div>
  );
}
