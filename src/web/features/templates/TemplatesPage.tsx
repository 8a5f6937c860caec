import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { mergeFields } from '../../../shared/merge.js';
import type { Template } from '../../../shared/schemas/templates.js';
import { ApiError } from '../../api/client.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { EmailFindings } from '../coach/EmailFindings.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { useUnsavedChanges } from '../../ui/unsaved.js';
import { useTemplatePeople, useTemplatePreview, useTemplates, useUpdateTemplate } from './templates.api.js';

type Guard = (then: () => void) => void;

const kindLabels: Record<string, string> = {
  request: 'Asking for a conversation',
  'follow-up': 'Following up',
  'thank-you': 'Thanking',
  'check-in': 'Keeping in touch',
  'referral-intro': 'Writing to a referral',
  'report-back': 'Reporting back',
};

function Editor({ template, people, guard }: { template: Template; people: Contact[]; guard: RefObject<Guard | null> }) {
  const [name, setName] = useState(template.name);
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [contactId, setContactId] = useState(people[0]?.id ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const edited = name.trim() !== template.name.trim() || subject.trim() !== (template.subject ?? '').trim() || body.trim() !== template.body.trim();
  const leave = useUnsavedChanges(edited);
  useEffect(() => {
    // Choosing another template asks first too.
    guard.current = leave.confirm;
    return () => {
      guard.current = null;
    };
  }, [guard, leave.confirm]);
  const preview = useTemplatePreview({ contactId, subject, body });
  const save = useUpdateTemplate(template.id);
  const previewError = preview.error instanceof ApiError ? preview.error.message : null;
  return (
    <div className="grid-2">
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate(
            { name, subject: subject || null, body },
            {
              onSuccess: () => {
                setErrors({});
                setSaved(true);
              },
              onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
            },
          );
        }}
        aria-labelledby="edit-heading"
      >
        <h2 id="edit-heading">Edit “{template.name}”</h2>
        <div className="field">
          <label htmlFor="t-name">Name</label>
          <input id="t-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        {template.channel === 'email' ? (
          <div className="field">
            <label htmlFor="t-subject">Subject</label>
            <input id="t-subject" value={subject} onChange={(e) => setSubject(e.target.value)} aria-invalid={errors.subject ? true : undefined} />
            {errors.subject ? <div className="error">{errors.subject}</div> : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="t-body">Message</label>
          <textarea id="t-body" rows={12} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={errors.body ? true : undefined} aria-describedby="t-fields" />
          {errors.body ? <div className="error">{errors.body}</div> : null}
          <div className="hint" id="t-fields">
            Merge fields: {mergeFields.map((f) => `{{${f}}}`).join(' ')}
          </div>
        </div>
        {save.isError && Object.keys(errors).length === 0 ? <ErrorState error={save.error} /> : null}
        <SaveActions label="Save template" pending={save.isPending} saved={saved} />
        {leave.dialog}
      </form>
      <section className="card" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <div className="field">
          <label htmlFor="t-person">For</label>
          <select id="t-person" value={contactId} onChange={(e) => setContactId(e.target.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {people.length === 0 ? <p className="muted">Add a person to see the template filled in.</p> : null}
        {previewError ? (
          <p className="alert" role="alert">
            {previewError}
          </p>
        ) : null}
        {preview.data ? (
          <>
            {preview.data.subject ? (
              <p>
                <strong>{preview.data.subject}</strong>
              </p>
            ) : null}
            <p className="preview-body">{preview.data.body}</p>
            {template.channel === 'email' && (template.kind === 'request' || template.kind === 'follow-up' || template.kind === 'referral-intro') ? (
              <EmailFindings id="template-findings" text={`Subject: ${preview.data.subject ?? ''}\n\n${preview.data.body}`} />
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
}

/** Message templates for every kind and channel, edited with a live preview on a real person. */
export function TemplatesPage() {
  const templates = useTemplates();
  const people = useTemplatePeople();
  const [selected, setSelected] = useState<string>('');
  const editorGuard = useRef<Guard | null>(null);
  useEffect(() => {
    // Open on the template used most: the request email (the user's own before the built-in one).
    const items = templates.data?.items ?? [];
    const requests = items.filter((t) => t.kind === 'request' && t.channel === 'email');
    const first = requests.find((t) => !t.builtIn) ?? requests[0] ?? items[0];
    if (!selected && first) setSelected(first.id);
  }, [selected, templates.data]);
  const template = templates.data?.items.find((t) => t.id === selected);
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Templates</h1>
          <p>Starting points for every message: short, about them, advice not a job. Edit them; the preview fills them in for a real person.</p>
        </div>
      </div>
      {templates.isPending ? <Loading what="templates" /> : null}
      {templates.isError ? <ErrorState error={templates.error} /> : null}
      {templates.data ? (
        <div className="field">
          <label htmlFor="t-select">Template</label>
          <select
            id="t-select"
            value={selected}
            onChange={(e) => {
              const next = e.target.value;
              (editorGuard.current ?? ((then: () => void) => then()))(() => setSelected(next));
            }}
          >
            {Object.entries(kindLabels).map(([kind, label]) => (
              <optgroup key={kind} label={label}>
                {templates.data.items
                  .filter((t) => t.kind === kind)
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      ) : null}
      {template && people.data ? <Editor key={template.id} template={template} people={people.data.items} guard={editorGuard} /> : null}
    </section>
  );
}
