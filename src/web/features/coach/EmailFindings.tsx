import { useEmailCheck } from './coach.api.js';
import { FindingsList } from './liveCheck.js';

const ruleLabels: Record<string, string> = {
  'unfilled-placeholder': 'A blank still to fill in',
  'too-long': 'Too long',
  'asks-for-job': 'Sounds like a job request',
  'attaches-resume': 'Résumé attached',
  'no-connection': 'No connection mentioned',
  'no-time-bound-ask': 'No specific, short time asked for',
};

/** The email checker's findings for `text`, updated as the user types. */
export function EmailFindings({ text, id }: { text: string; id: string }) {
  const result = useEmailCheck(text);
  return (
    <div id={id} className="findings" role="status" aria-live="polite">
      {!result ? null : result.findings.length === 0 ? (
        <p className="muted">Looks good: short, about them, with a clear and small request.</p>
      ) : (
        <FindingsList findings={result.findings} labels={ruleLabels} />
      )}
    </div>
  );
}
