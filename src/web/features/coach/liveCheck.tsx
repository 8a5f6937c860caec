import type { Finding } from '../../../shared/schemas/coach.js';

/** Findings as a list: an optional label per rule, the reason, and the suggestion. */
export function FindingsList({ findings, labels }: { findings: Finding[]; labels?: Record<string, string> }) {
  return (
    <ul className="plain-list">
      {findings.map((f) => (
        <li key={f.rule} className="finding">
          {labels ? <strong>{labels[f.rule] ?? f.rule}. </strong> : null}
          {f.message}
          {f.suggestion ? <div className="muted">Try: {f.suggestion}</div> : null}
        </li>
      ))}
    </ul>
  );
}
