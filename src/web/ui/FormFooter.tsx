import type { ReactNode } from 'react';
import { ErrorState } from './States.js';

/**
 * The end of an add-or-edit form (see useEntityForm): what went wrong when no field is to blame, the
 * save button, Cancel (which asks first when text was typed) and the "discard what you typed?" dialog.
 */
export function FormFooter({
  errors,
  save,
  leave,
  submitLabel,
  onCancel,
}: {
  errors: Record<string, string>;
  save: { isError: boolean; isPending: boolean; error: unknown };
  leave: { confirm: (then: () => void) => void; dialog: ReactNode };
  submitLabel: string;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <>
      {save.isError && Object.keys(errors).length === 0 ? <ErrorState error={save.error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={() => leave.confirm(onCancel)}>
            Cancel
          </button>
        ) : null}
      </div>
      {leave.dialog}
    </>
  );
}
