import { useRef, useState, type FormEvent } from 'react';
import { interactionKinds } from '../../../shared/vocabulary/interactions.js';
import type { Interaction } from '../../../shared/schemas/interactions.js';
import { ApiError } from '../../api/client.js';
import { SelectField, TextArea } from '../../ui/Field.js';
import { interactionKindLabels } from '../../ui/labels.js';
import { formChanged, useUnsavedChanges } from '../../ui/unsaved.js';
import { useLogInteraction } from './people.api.js';

/** A quick form to record any contact with the person; it restarts their check-in clock. */
export function LogInteraction({ contactId }: { contactId: string }) {
  const [error, setError] = useState<string | undefined>();
  const logForm = useRef<HTMLFormElement>(null);
  const leave = useUnsavedChanges(() => formChanged(logForm.current));
  const log = useLogInteraction(contactId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    log.mutate(
      { kind: String(data.get('kind')) as Interaction['kind'], summary: String(data.get('summary') ?? '') },
      { onSuccess: () => form.reset(), onError: (e) => setError(e instanceof ApiError ? e.message : 'Could not save.') },
    );
  };
  return (
    <form ref={logForm} onSubmit={submit} aria-label="Log an interaction">
      <h2>Log an interaction</h2>
      <p className="muted">Logging any contact restarts this person’s check-in clock.</p>
      <SelectField label="What happened" name="kind" defaultValue="note" options={interactionKinds.map((k) => ({ value: k, label: interactionKindLabels[k] ?? k }))} />
      <TextArea label="Summary" name="summary" rows={2} error={error} />
      <button type="submit" className="primary" disabled={log.isPending}>
        Log it
      </button>
      {log.isSuccess ? (
        <span role="status" className="muted">
          {' '}
          Logged.
        </span>
      ) : null}
      {leave.dialog}
    </form>
  );
}
