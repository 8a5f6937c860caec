import type { FormEvent } from 'react';
import { leadKinds, leadStatuses } from '../../../shared/vocabulary/leads.js';
import type { Lead } from '../../../shared/schemas/leads.js';
import { SelectField, TextArea, TextField } from '../../ui/Field.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { fromLocalInput, toLocalInput } from '../../ui/format.js';
import { formText, useEntityForm } from '../../ui/useEntityForm.js';
import { leadGuidance, leadKindLabels, leadStatusLabels } from './labels.js';
import { saveLead } from './leads.api.js';

/**
 * Adds or edits a lead. A new one may start from a conversation (its person and
 * organisation come with it) or from an organisation.
 */
export function LeadForm({
  lead,
  interviewId,
  organizationId,
  onSaved,
  onCancel,
}: {
  lead?: Lead;
  interviewId?: string;
  organizationId?: string;
  onSaved: (lead: Lead) => void;
  onCancel?: () => void;
}) {
  const { form, errors, save, leave } = useEntityForm<Lead>({ request: saveLead(lead?.id), onSaved });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const when = String(data.get('nextStepAt') ?? '');
    save.mutate({
      title: String(data.get('title') ?? '').trim(),
      kind: data.get('kind'),
      status: data.get('status'),
      details: formText(data, 'details'),
      nextStep: formText(data, 'nextStep'),
      nextStepAt: when ? fromLocalInput(when) : null,
      mayNamePerson: data.get('mayNamePerson') === 'on',
      ...(lead ? {} : { ...(interviewId ? { interviewId } : {}), ...(organizationId ? { organizationId } : {}) }),
    });
  };
  return (
    <form ref={form} onSubmit={submit} noValidate className="lead-form">
      <p className="muted">{leadGuidance}</p>
      <TextField label="What did you hear?" name="title" required defaultValue={lead?.title} placeholder="e.g. The design team is hiring in the spring" error={errors.title} />
      <div className="row">
        <SelectField label="It is" name="kind" defaultValue={lead?.kind ?? 'role'} options={leadKinds.map((k) => ({ value: k, label: leadKindLabels[k] }))} error={errors.kind} />
        <SelectField label="Where you are with it" name="status" defaultValue={lead?.status ?? 'heard'} options={leadStatuses.map((s) => ({ value: s, label: leadStatusLabels[s] }))} error={errors.status} />
      </div>
      <TextArea label="Details" name="details" rows={3} defaultValue={lead?.details ?? ''} error={errors.details} />
      <div className="row">
        <TextField label="Next step" name="nextStep" defaultValue={lead?.nextStep ?? ''} placeholder="e.g. Watch their careers page" error={errors.nextStep} />
        <TextField label="When" name="nextStepAt" type="datetime-local" defaultValue={toLocalInput(lead?.nextStepAt)} hint="A date puts the step on Today." error={errors.nextStepAt} />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="mayNamePerson" defaultChecked={lead?.mayNamePerson ?? false} /> They said I may mention their name
        </label>
      </div>
      <FormFooter errors={errors} save={save} leave={leave} submitLabel={lead ? 'Save changes' : 'Add lead'} onCancel={onCancel} />
    </form>
  );
}
