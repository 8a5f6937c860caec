import { useEffect, useRef, useState, type FormEvent } from 'react';
import { meetingFormats } from '../../../shared/vocabulary/contacts.js';
import { interviewPurposes, requestChannels } from '../../../shared/vocabulary/interviews.js';
import type { Interview, UpdateInterviewInput } from '../../../shared/schemas/interviews.js';
import { ApiError } from '../../api/client.js';
import { SelectField, TextArea, TextField } from '../../ui/Field.js';
import { fromLocalInput, toLocalInput } from '../../ui/format.js';
import { requestChannelLabels } from '../../ui/labels.js';
import { EmailFindings } from '../coach/EmailFindings.js';
import { BothTimes } from '../people/TheirTime.js';
import { useSaveInterviewFields } from './interviews.api.js';
import { useAutosave, type AutosaveState } from './useAutosave.js';

const purposeLabels: Record<string, string> = {
  'explore-career': 'Explore a career path',
  'network-into-organization': 'Get to know an organisation',
  'practise-interviewing': 'Practise interviewing',
  'early-job-search': 'Early job search',
};

/** Each field of the form as the inputs show it. */
function formValues(i: Interview): Record<string, string> {
  return {
    purpose: i.purpose,
    format: i.format ?? '',
    objective: i.objective ?? '',
    scheduledAt: toLocalInput(i.scheduledAt),
    plannedMinutes: String(i.plannedMinutes),
    venue: i.venue ?? '',
    link: i.link ?? '',
    requestChannel: i.requestChannel ?? '',
    followUpPermission: i.followUpPermission === null ? '' : String(i.followUpPermission),
    requestMessage: i.requestMessage ?? '',
    notes: i.notes ?? '',
    takeaways: i.takeaways ?? '',
  };
}

/** What the API takes for a field's input value. */
function toBody(name: string, raw: string): unknown {
  const value = raw.trim();
  switch (name) {
    case 'purpose':
      return value || 'explore-career';
    case 'scheduledAt':
      return value ? fromLocalInput(value) : null;
    case 'plannedMinutes':
      return value === '' ? 0 : Number(value);
    case 'followUpPermission':
      return value === '' ? null : Number(value);
    default:
      return value === '' ? null : value;
  }
}

const stateText: Record<AutosaveState, string> = {
  idle: 'Changes are saved as you type.',
  pending: 'Changes not saved yet…',
  saving: 'Saving…',
  saved: 'All changes saved.',
  failed: 'Not saved.',
};

/**
 * The interview's details, saved as they are typed (after a short pause). Only the fields
 * the user changed are sent, so a change made elsewhere meanwhile (scheduling from the
 * board, say) is not overwritten; such a change shows in the form unless the user is in
 * that very field.
 */
export function InterviewDetails({ interview: i }: { interview: Interview }) {
  const saveFields = useSaveInterviewFields(i.id);
  const form = useRef<HTMLFormElement>(null);
  const touched = useRef(new Set<string>());
  const shown = useRef<Record<string, string>>(formValues(i));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [requestText, setRequestText] = useState<string | null>(null);
  const autosave = useAutosave(async (body: UpdateInterviewInput) => {
    try {
      // Lists and the agenda show these details too; the interview itself is put in place from the answer.
      await saveFields(body);
      setErrors({});
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : {});
      throw error;
    }
  });

  // A change that came from elsewhere shows in the form, except in the field being typed in.
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    for (const [name, value] of Object.entries(formValues(i))) {
      if (shown.current[name] === value) continue;
      shown.current[name] = value;
      const input = element.elements.namedItem(name);
      if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement || input instanceof HTMLSelectElement)) continue;
      if (input === document.activeElement) continue;
      if (JSON.stringify(toBody(name, input.value)) !== JSON.stringify(toBody(name, value))) input.value = value;
    }
  }, [i]);

  const changed = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (!target.name || !(target.name in shown.current)) return;
    touched.current.add(target.name);
    const data = new FormData(event.currentTarget);
    const body = Object.fromEntries([...touched.current].map((name) => [name, toBody(name, String(data.get(name) ?? ''))]));
    autosave.schedule(body as UpdateInterviewInput);
  };

  const values = formValues(i);
  const generalError = autosave.state === 'failed' && Object.keys(errors).length === 0 && autosave.error instanceof Error ? autosave.error.message : null;
  return (
    <form
      ref={form}
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        void autosave.flush();
      }}
      onChange={changed}
      noValidate
      aria-labelledby="details-heading"
    >
      <h2 id="details-heading">Details</h2>
      <div className="row">
        <SelectField label="Purpose" name="purpose" defaultValue={values.purpose} options={interviewPurposes.map((p) => ({ value: p, label: purposeLabels[p] ?? p }))} />
        <SelectField label="Format" name="format" defaultValue={values.format} options={[{ value: '', label: 'Not decided' }, ...meetingFormats.map((f) => ({ value: f, label: f }))]} />
      </div>
      <TextArea label="What you want to learn" name="objective" defaultValue={values.objective} rows={2} error={errors.objective} />
      <div className="row">
        <TextField label="Date and time" name="scheduledAt" type="datetime-local" defaultValue={values.scheduledAt} error={errors.scheduledAt} />
        <TextField label="Planned minutes" name="plannedMinutes" type="number" min={5} max={240} defaultValue={values.plannedMinutes} error={errors.plannedMinutes} />
      </div>
      <BothTimes iso={i.scheduledAt} contactId={i.contact.id} />
      <div className="row">
        <TextField label="Place" name="venue" defaultValue={values.venue} hint="Arrive on time, but no more than 15 minutes early." error={errors.venue} />
        <TextField label="Video link" name="link" type="url" defaultValue={values.link} error={errors.link} />
      </div>
      <div className="row">
        <SelectField label="Request sent by" name="requestChannel" defaultValue={values.requestChannel} options={[{ value: '', label: 'Not sent yet' }, ...requestChannels.map((c) => ({ value: c, label: requestChannelLabels[c] ?? c }))]} />
        <TextField
          label="Check in every (days)"
          name="followUpPermission"
          type="number"
          min={1}
          defaultValue={values.followUpPermission}
          hint="The interval they agreed to; leave empty if they did not say."
          error={errors.followUpPermission}
        />
      </div>
      <TextArea
        label="Request message"
        name="requestMessage"
        defaultValue={values.requestMessage}
        rows={6}
        onChange={(e) => setRequestText(e.target.value)}
        error={errors.requestMessage}
        hint="Checked as you type: short, about them, how you know them, advice not a job, and a specific short time."
      />
      <EmailFindings id="request-findings" text={requestText ?? i.requestMessage ?? ''} />
      <TextArea label="Notes" name="notes" defaultValue={values.notes} rows={6} error={errors.notes} />
      <TextArea label="Takeaways" name="takeaways" defaultValue={values.takeaways} rows={3} hint="What you learned, and what you will do about it." error={errors.takeaways} />
      <p role="status" className={`autosave-state ${autosave.state}`}>
        {stateText[autosave.state]}
        {autosave.state === 'failed' ? (Object.keys(errors).length ? ' Check the fields marked above.' : ` ${generalError ?? 'Inroads did not answer.'} Your text is still here; it is saved with your next change.`) : null}
      </p>
    </form>
  );
}
