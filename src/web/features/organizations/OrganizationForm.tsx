import { useId, type FormEvent } from 'react';
import type { Organization } from '../../../shared/schemas/organizations.js';
import { SelectField, TextArea, TextField } from '../../ui/Field.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { formText, useEntityForm } from '../../ui/useEntityForm.js';
import { ExplorationsPicker, explorationIdsFrom } from '../explorations/ExplorationsPicker.js';
import { saveOrganization } from './organizations.api.js';

/** The words for each step of the two ranking scales, shared by the form and the list. */
export const motivationLabels: Record<number, string> = {
  0: '0 · not really',
  1: '1 · a little',
  2: '2 · keen',
  3: '3 · very keen',
};
export const postingLabels: Record<number, string> = {
  1: '1 · no relevant posting',
  2: '2 · some related postings',
  3: '3 · a posting for my target role',
};

const options = (labels: Record<number, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Add or edit an organisation, with the three things that rank it. Server errors show beside their field. */
export function OrganizationForm({
  organization,
  onSaved,
  onCancel,
}: {
  organization?: Organization;
  onSaved: (organization: Organization) => void;
  onCancel: () => void;
}) {
  const advocacyId = useId();
  const { form, errors, save, leave } = useEntityForm<Organization>({ request: saveOrganization(organization?.id), onSaved });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => formText(data, name);
    const body: Record<string, unknown> = {
      name: text('name') ?? '',
      website: text('website'),
      industry: text('industry'),
      location: text('location'),
      notes: text('notes'),
      motivation: Number(data.get('motivation')),
      posting: Number(data.get('posting')),
      advocacy: data.get('advocacy') === 'on',
    };
    // A new organisation leaves out what is empty; an edit clears it.
    if (!organization) for (const key of ['website', 'industry', 'location', 'notes']) if (body[key] === null) delete body[key];
    // A new organisation joins the explorations ticked below (the active one to start with).
    if (!organization) body.explorationIds = explorationIdsFrom(data);
    save.mutate(body);
  };
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <TextField label="Name" name="name" required defaultValue={organization?.name} error={errors.name} autoComplete="off" />
      <div className="row">
        <TextField label="Website" name="website" type="url" placeholder="https://" defaultValue={organization?.website ?? ''} error={errors.website} />
        <TextField label="Industry" name="industry" defaultValue={organization?.industry ?? ''} error={errors.industry} />
      </div>
      <TextField label="Where it is" name="location" defaultValue={organization?.location ?? ''} error={errors.location} hint="A city or country, such as “Toronto, ON”: it suggests the time zone of the people you meet there." />
      <div className="row top">
        <SelectField
          label="How keen are you?"
          name="motivation"
          defaultValue={String(organization?.motivation ?? 0)}
          options={options(motivationLabels)}
          hint="How much you would like to work there, from 0 (not really) to 3 (very keen). This counts most in the ranking."
          error={errors.motivation}
        />
        <SelectField
          label="Is there a relevant job posting?"
          name="posting"
          defaultValue={String(organization?.posting ?? 1)}
          options={options(postingLabels)}
          hint="From 1 (nothing relevant) to 3 (an opening for the role you want). It breaks ties between equally keen places."
          error={errors.posting}
        />
      </div>
      <div className="field checkbox-field">
        <input id={advocacyId} type="checkbox" name="advocacy" defaultChecked={organization?.advocacy ?? false} aria-describedby={`${advocacyId}-hint`} />
        <label htmlFor={advocacyId}>I have an alumni or affinity link there</label>
        <div className="hint" id={`${advocacyId}-hint`}>
          Someone from your school, a former employer or a group you belong to works there — people like that tend to answer.
        </div>
      </div>
      <TextArea label="Notes" name="notes" rows={3} defaultValue={organization?.notes ?? ''} error={errors.notes} />
      {organization ? null : <ExplorationsPicker />}
      <FormFooter errors={errors} save={save} leave={leave} submitLabel={organization ? 'Save changes' : 'Add organisation'} onCancel={onCancel} />
    </form>
  );
}
