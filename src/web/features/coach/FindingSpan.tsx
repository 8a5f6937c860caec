import type { Finding } from '../../../shared/schemas/coach.js';

/** Where a finding points in an editor: the field's id and where its value starts in the checked text. */
export interface FindingEditor {
  id: string;
  offset: number;
}

const CONTEXT = 40;
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** A little of the text around the span, cut at word boundaries. */
function excerpt(text: string, start: number, end: number) {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return { before: `${from > 0 ? '…' : ''}${flat(text.slice(from, start))}`, marked: flat(text.slice(start, end)), after: `${flat(text.slice(end, to))}${to < text.length ? '…' : ''}` };
}

/** The words that raised a finding, marked in a short quote, with a button that selects them in the editor. */
export function FindingSpan({ text, span, editor }: { text: string; span: NonNullable<Finding['span']>; editor?: FindingEditor | undefined }) {
  if (span.end <= span.start || span.end > text.length) return null;
  const { before, marked, after } = excerpt(text, span.start, span.end);
  const field = editor ? { start: span.start - editor.offset, end: span.end - editor.offset } : null;
  const select = () => {
    const element = editor ? document.getElementById(editor.id) : null;
    if (!field || !(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) return;
    element.focus();
    element.setSelectionRange(field.start, field.end);
  };
  return (
    <div className="finding-where">
      <span className="visually-hidden">In your text: </span>
      <q>
        {before}
        <mark>{marked}</mark>
        {after}
      </q>
      {field && field.start >= 0 ? (
        <button type="button" className="link" onClick={select} aria-label={`Show in the text: “${marked}”`}>
          Show in the text
        </button>
      ) : null}
    </div>
  );
}
