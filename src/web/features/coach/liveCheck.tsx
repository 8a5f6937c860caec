import type { Finding } from '../../../shared/schemas/coach.js';
import { FindingSpan, type FindingEditor } from './FindingSpan.js';

/** Findings as a list: an optional label per rule, the reason, the words that raised it (given the checked text), and the suggestion. */
export function FindingsList({ findings, labels, text, editor }: { findings: Finding[]; labels?: Record<string, string>; text?: string; editor?: FindingEditor | undefined }) {
  return (
    <ul className="plain-list">
      {findings.map((f) => (
        <li key={f.rule} className="finding">
          {labels ? <strong>{labels[f.rule] ?? f.rule}. </strong> : null}
          {f.message}
          {f.span && text !== undefined ? <FindingSpan text={text} span={f.span} editor={editor} /> : null}
          {f.suggestion ? <div className="muted">Try: {f.suggestion}</div> : null}
        </li>
      ))}
    </ul>
  );
}
