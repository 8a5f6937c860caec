import type { FormEvent } from 'react';
import { explorationKinds, transitions } from '../../../shared/vocabulary/explorations.js';
import type { Exploration } from '../../../shared/schemas/explorations.js';
import { SelectField, TextArea, TextField } from '../../ui/Field.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { transitionLabels } from '../../ui/labels.js';
import { useEntityForm } from '../../ui/useEntityForm.js';
import { saveExploration } from './explorations.api.js';

const kindLabels: Record<string, string> = { field: 'A field', role: 'A role', employer: 'An employer' };

/** What to explore, and why: the start of every search. Given an exploration, edits it (rename and the rest). */
export function ExplorationForm({
  exploration,
  onSaved,
  onCancel,
  submitLabel = exploration ? 'Save changes' : 'Start exploring',
}: {
  exploration?: Exploration;
  onSaved: (exploration: Exploration) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const { form, errors, save, leave } = useEntityForm<Exploration>({ request: saveExploration(exploration?.id), onSaved });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const why = String(data.get('why') ?? '').trim();
    save.mutate({
      title: String(data.get('title') ?? '').trim(),
      kind: data.get('kind'),
      transition: data.get('transition'),
      ...(why ? { why } : exploration ? { why: null } : {}),
    });
  };
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <TextField
        label="What do you want to explore?"
        name="title"
        required
        defaultValue={exploration?.title}
        placeholder="e.g. UX research in health tech"
        error={errors.title}
      />
      <div className="row">
        <SelectField label="It is" name="kind" defaultValue={exploration?.kind ?? 'role'} options={explorationKinds.map((k) => ({ value: k, label: kindLabels[k] ?? k }))} />
        <SelectField
          label="Your situation"
          name="transition"
          defaultValue={exploration?.transition ?? 'change-career'}
          options={transitions.map((t) => ({ value: t, label: transitionLabels[t] ?? t }))}
        />
      </div>
      <TextArea label="Why?" name="why" rows={3} defaultValue={exploration?.why ?? ''} hint="A sentence or two: what draws you, what you want to find out." />
      <FormFooter errors={errors} save={save} leave={leave} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
