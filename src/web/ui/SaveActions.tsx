/** A form's submit button with the status line that says it was saved. */
export function SaveActions({ label, pending, saved, savedText = 'Saved.' }: { label: string; pending: boolean; saved: boolean; savedText?: string }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={pending}>
        {label}
      </button>
      <span role="status">{saved ? savedText : ''}</span>
    </div>
  );
}
