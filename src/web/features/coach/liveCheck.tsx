import { useQuery } from '@tanstack/react-query';
import type { Finding } from '../../../shared/schemas/coach.js';
import { api } from '../../api/client.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { FindingSpan, type FindingEditor } from './FindingSpan.js';

/** Runs a coaching check on `text` once typing pauses; no result while the text is empty. */
export function useLiveCheck<T extends { findings: Finding[] }>(path: string, text: string, extra: Record<string, unknown> = {}): T | undefined {
  const settled = useDebounced(text);
  const check = useQuery({
    queryKey: ['coach', path, settled, extra],
    queryFn: () => api.post<T>(path, { text: settled, ...extra }),
    enabled: settled.trim().length > 0,
    placeholderData: (previous) => previous,
  });
  return settled.trim() ? check.data : undefined;
}

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
