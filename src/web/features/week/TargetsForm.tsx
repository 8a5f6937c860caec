import { useRef, useState, type FormEvent } from 'react';
import type { WeeklyTargets } from '../../../shared/schemas/week.js';
import { ApiError } from '../../api/client.js';
import { TextField } from '../../ui/Field.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { markFormSaved, formChanged, useUnsavedChanges } from '../../ui/unsaved.js';
import { useSetWeeklyTargets } from './week.api.js';

/** Sets the three weekly targets. A blank or unreadable number is sent as it is, so the server names the field. */
export function TargetsForm({ targets }: { targets: WeeklyTargets }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const leave = useUnsavedChanges(() => formChanged(form.current));
  const save = useSetWeeklyTargets({
    onSaved: () => {
      markFormSaved(form.current);
      setErrors({});
      setSaved(true);
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const raw = String(data.get(name) ?? '').trim();
      return raw === '' ? raw : Number(raw);
    };
    save.mutate({ requests: value('requests'), conversations: value('conversations'), people: value('people') });
  };
  return (
    <form ref={form} onSubmit={submit} noValidate className="targets-form" aria-label="Weekly targets">
      <div className="targets-fields">
        <TextField label="Requests sent" name="requests" type="number" inputMode="numeric" min={0} max={100} defaultValue={targets.requests} error={errors.requests} />
        <TextField label="Conversations held" name="conversations" type="number" inputMode="numeric" min={0} max={50} defaultValue={targets.conversations} error={errors.conversations} />
        <TextField label="New people added" name="people" type="number" inputMode="numeric" min={0} max={200} defaultValue={targets.people} error={errors.people} />
      </div>
      <SaveActions label="Save targets" pending={save.isPending} saved={saved} savedText="Targets saved." />
      {leave.dialog}
    </form>
  );
}
