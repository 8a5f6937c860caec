import type { FormEvent } from 'react';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { optionsFrom, SelectField, TextArea, TextField } from '../../ui/Field.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { relationshipLabels, seniorityLabels } from '../../ui/labels.js';
import { formText, useEntityForm } from '../../ui/useEntityForm.js';
import { ExplorationsPicker, explorationIdsFrom } from '../explorations/ExplorationsPicker.js';
import { saveContact, useOrganizationOptions } from './people.api.js';
import { TimeZoneField } from './TimeZoneField.js';

/**
 * Add or edit a person. Errors from the server are shown beside the field they name. A new person joins
 * the active exploration (or `explorationIds`) unless unticked; with `organizationByName` the organisation
 * is typed, and found or added.
 */
export function ContactForm({
  contact,
  organizationId,
  onSaved,
  onCancel,
  explorationIds,
  organizationByName = false,
}: {
  contact?: Contact;
  /** For a new person: the organisation chosen to start with (adding someone from an organisation's page). */
  organizationId?: string;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
  explorationIds?: string[];
  organizationByName?: boolean;
}) {
  const organizations = useOrganizationOptions();
  const { form, errors, save, leave } = useEntityForm<Contact>({ request: saveContact(contact?.id), onSaved });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => formText(data, name);
    const email = text('email');
    const tags = String(data.get('tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const organizationName = text('organizationName');
    save.mutate({
      name: text('name') ?? '',
      title: text('title'),
      ...(organizationByName && !contact ? (organizationName ? { organizationName } : {}) : { organizationId: text('organizationId') }),
      ...(contact ? {} : { explorationIds: explorationIdsFrom(data) }),
      seniority: text('seniority'),
      relationship: text('relationship') ?? 'cold',
      emails: email ? [{ value: email }] : [],
      linkedinUrl: text('linkedinUrl'),
      howWeMet: text('howWeMet'),
      timeZone: text('timeZone'),
      tags,
      notes: text('notes'),
    });
  };
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <TextField label="Name" name="name" required defaultValue={contact?.name} error={errors.name} autoComplete="off" />
      <div className="row">
        <TextField label="Job title" name="title" defaultValue={contact?.title ?? ''} error={errors.title} />
        {organizationByName && !contact ? (
          <>
            <TextField
              label="Organisation"
              name="organizationName"
              list="organization-names"
              autoComplete="off"
              error={errors.organizationName}
              hint="Type a name: an organisation you have not added yet is added for you."
            />
            <datalist id="organization-names">
              {(organizations.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.name} />
              ))}
            </datalist>
          </>
        ) : (
          <SelectField
            // Remounted once the organisations arrive, so the starting choice is selected.
            key={organizations.data ? 'loaded' : 'loading'}
            label="Organisation"
            name="organizationId"
            defaultValue={contact ? (contact.organizationId ?? '') : (organizationId ?? '')}
            error={errors.organizationId}
            options={[{ value: '', label: 'None' }, ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          />
        )}
      </div>
      <div className="row">
        <SelectField label="How you know them" name="relationship" defaultValue={contact?.relationship ?? 'friend'} options={optionsFrom(relationshipLabels)} />
        <SelectField
          label="Seniority"
          name="seniority"
          defaultValue={contact?.seniority ?? ''}
          options={optionsFrom(seniorityLabels, 'Not sure')}
          hint="Someone in your target role, or one step above it, is usually best."
        />
      </div>
      <div className="row">
        <TextField label="Email" name="email" type="email" defaultValue={contact?.emails[0]?.value ?? ''} error={errors['emails.0.value']} />
        <TextField label="LinkedIn profile" name="linkedinUrl" type="url" defaultValue={contact?.linkedinUrl ?? ''} error={errors.linkedinUrl} />
      </div>
      <TimeZoneField
        defaultValue={contact?.timeZone ?? null}
        error={errors.timeZone}
        organizationLocation={organizations.data?.items.find((o) => o.id === (contact?.organizationId ?? organizationId))?.location}
      />
      <TextField label="Tags" name="tags" defaultValue={contact?.tags.join(', ') ?? ''} hint="Separate tags with commas." />
      <TextField label="How you met" name="howWeMet" defaultValue={contact?.howWeMet ?? ''} />
      <TextArea label="Notes" name="notes" defaultValue={contact?.notes ?? ''} rows={3} />
      {contact ? null : <ExplorationsPicker {...(explorationIds ? { defaultIds: explorationIds } : {})} />}
      <FormFooter errors={errors} save={save} leave={leave} submitLabel={contact ? 'Save changes' : 'Add person'} onCancel={onCancel} />
    </form>
  );
}
