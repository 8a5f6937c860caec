import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { explorationKinds, transitions, type Exploration } from '../../../shared/schemas/explorations.js';
import { api, ApiError } from '../../api/client.js';
import { SelectField, TextArea, TextField } from '../../ui/Field.js';
import { transitionLabels } from '../../ui/labels.js';
import { ErrorState } from '../../ui/States.js';

const kindLabels: Record<string, string> = { field: 'A field', role: 'A role', employer: 'An employer' };

/** What to explore, and why: the start of every search. */
export function ExplorationForm({ onSaved, submitLabel = 'Start exploring' }: { onSaved: (exploration: Exploration) => void; submitLabel?: string }) {
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Exploration>('/api/v1/explorations', body),
    onSuccess: async (exploration) => {
      await client.invalidateQueries();
      onSaved(exploration);
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const why = String(data.get('why') ?? '').trim();
    save.mutate({ title: String(data.get('title') ?? '').trim(), kind: data.get('kind'), transition: data.get('transition'), ...(why ? { why } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField label="What do you want to explore?" name="title" required placeholder="e.g. UX research in health tech" error={errors.title} />
      <div className="row">
        <SelectField label="It is" name="kind" defaultValue="role" options={explorationKinds.map((k) => ({ value: k, label: kindLabels[k] ?? k }))} />
        <SelectField label="Your situation" name="transition" defaultValue="change-career" options={transitions.map((t) => ({ value: t, label: transitionLabels[t] ?? t }))} />
      </div>
      <TextArea label="Why?" name="why" rows={3} hint="A sentence or two: what draws you, what you want to find out." />
      {save.isError && Object.keys(errors).length === 0 ? <ErrorState error={save.error} /> : null}
      <button type="submit" className="primary" disabled={save.isPending}>
        {submitLabel}
      </button>
    </form>
  );
}
