import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { unfilledPlaceholders } from '../../../shared/placeholders.js';
import { formatDateTime } from '../../ui/format.js';
import { Modal } from '../../ui/Modal.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useUnsavedChanges } from '../../ui/unsaved.js';
import { EmailFindings } from '../coach/EmailFindings.js';
import { MailSent, SendFromMailbox } from '../mail/SendFromMailbox.js';
import { useExplorationOptions } from '../people/people.api.js';
import { mailtoHref, useRequestDraft, useRequestSent } from './outreach.api.js';

export interface DraftRequestProps {
  contactId: string;
  /** The exploration to write about; omitted: the server picks the person's own. */
  explorationId?: string | null | undefined;
  /** The idea interview this request is for. */
  interviewId?: string | undefined;
  /** An agenda item the request settles (Today's reach-next). */
  settlesAgendaItem?: string | undefined;
  onClose: () => void;
}

type Use = 'copy' | 'open';

/**
 * A request for a conversation, drafted from the user's template for one person
 * and exploration: editable, checked as it is typed, copied or opened in the mail
 * app, and recorded with "I sent it".
 */
export function DraftRequest({ contactId, explorationId: initialExploration, interviewId, settlesAgendaItem, onClose }: DraftRequestProps) {
  const uid = useId();
  const [explorationId, setExplorationId] = useState<string | null | undefined>(initialExploration);
  const draft = useRequestDraft({ contactId, ...(explorationId !== undefined ? { explorationId } : {}), ...(interviewId ? { interviewId } : {}) });
  const explorations = useExplorationOptions();
  const [subject, setSubject] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const [pending, setPending] = useState<Use | null>(null);
  const [copied, setCopied] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const sent = useRequestSent();
  const [mailed, setMailed] = useState<{ notice: string; interviewId: string | null } | null>(null);

  const data = draft.data;
  const subjectText = subject ?? data?.subject ?? '';
  const bodyText = body ?? data?.body ?? '';
  const blanks = unfilledPlaceholders(`${subjectText}\n${bodyText}`);
  const name = data?.contact.name ?? 'this person';
  const email = data?.contact.email ?? null;
  const href = mailtoHref(email, subjectText, bodyText);
  // What the user changed in the draft, until "I sent it" keeps it.
  const edited = !sent.isSuccess && !mailed && ((subject !== null && subject !== (data?.subject ?? '')) || (body !== null && body !== (data?.body ?? '')));
  const leave = useUnsavedChanges(edited);

  const copy = () => {
    const text = subjectText ? `Subject: ${subjectText}\n\n${bodyText}` : bodyText;
    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
    setPending(null);
  };
  const fillIn = () => {
    setPending(null);
    const field = bodyRef.current;
    const first = blanks.find((b) => bodyText.includes(b));
    if (!field) return;
    field.focus();
    if (first) field.setSelectionRange(bodyText.indexOf(first), bodyText.indexOf(first) + first.length);
  };
  const chooseExploration = (value: string) => {
    setExplorationId(value || null);
    setSubject(null);
    setBody(null);
  };

  return (
    <Modal title={`Request to ${name}`} isOpen onClose={onClose} dirty={edited}>
      {draft.isPending ? <Loading what="your draft" /> : null}
      {draft.isError ? <ErrorState error={draft.error} retry={() => void draft.refetch()} /> : null}
      {data && sent.isSuccess ? (
        <div role="status" className="notice">
          <p>
            <strong>Marked as requested</strong> on {formatDateTime(sent.data.interview.requestedAt ?? sent.data.interview.statusChangedAt)}. Inroads will remind you
            to approach someone else after three business days without a reply, and to follow up after seven.
          </p>
          <p className="actions">
            <Link to={`/interviews/${sent.data.interview.id}`} onClick={onClose}>
              Open the conversation with {name}
            </Link>
            <button type="button" onClick={onClose} autoFocus>
              Close
            </button>
          </p>
        </div>
      ) : null}
      {data && mailed ? <MailSent {...mailed} name={name} onClose={onClose} /> : null}
      {data && !sent.isSuccess && !mailed ? (
        <>
          <p className="muted">Filled in from your request template. Change anything: the checker below reads it as you type.</p>
          <div className="field">
            <label htmlFor={`${uid}-exploration`}>About</label>
            <select id={`${uid}-exploration`} value={data.exploration?.id ?? ''} onChange={(e) => chooseExploration(e.target.value)}>
              <option value="">No exploration</option>
              {data.exploration && !explorations.data?.items.some((e) => e.id === data.exploration?.id) ? (
                <option value={data.exploration.id}>{data.exploration.name}</option>
              ) : null}
              {(explorations.data?.items ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                  {e.status === 'active' ? '' : ` (${e.status})`}
                </option>
              ))}
            </select>
          </div>
          <p>
            <strong>To:</strong> {name}
            {email ? ` <${email}>` : null}
            {email ? null : (
              <span className="muted">
                {' '}
                — no email address saved. Copy the message, or <Link to={`/people/${contactId}`}>add an address on their page</Link>.
              </span>
            )}
          </p>
          <div className="field">
            <label htmlFor={`${uid}-subject`}>Subject</label>
            <input id={`${uid}-subject`} value={subjectText} onChange={(e) => setSubject(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-body`}>Message</label>
            <textarea
              id={`${uid}-body`}
              ref={bodyRef}
              rows={11}
              value={bodyText}
              onChange={(e) => setBody(e.target.value)}
              aria-describedby={`${uid}-findings`}
            />
          </div>
          <EmailFindings id={`${uid}-findings`} text={`Subject: ${subjectText}\n\n${bodyText}`} editor={{ id: `${uid}-body`, offset: `Subject: ${subjectText}\n\n`.length }} />
          {pending && blanks.length ? (
            <div role="alert" className="alert">
              <p>
                This draft still has {blanks.length === 1 ? 'a blank' : `${blanks.length} blanks`} to fill in: {blanks.map((b) => `“${b}”`).join(', ')}. Sent
                like this, it reads like a form letter.
              </p>
              <p className="actions">
                <button type="button" className="primary" onClick={fillIn} autoFocus>
                  Fill {blanks.length === 1 ? 'it' : 'them'} in
                </button>
                {pending === 'copy' ? (
                  <button type="button" onClick={copy}>
                    Copy anyway
                  </button>
                ) : (
                  <a className="button" href={href} onClick={() => setPending(null)}>
                    Open anyway
                  </a>
                )}
              </p>
            </div>
          ) : null}
          {sent.isError ? <ErrorState error={sent.error} /> : null}
          <SendFromMailbox
            input={{ kind: 'request', contactId, explorationId: data.exploration?.id ?? null, interviewId: data.interviewId ?? null, subject: subjectText, body: bodyText, ...(settlesAgendaItem ? { settlesAgendaItem } : {}) }}
            blanks={blanks}
            name={name}
            onSent={(result, notice) => setMailed({ notice, interviewId: result.interviewId })}
          />
          <div className="actions">
            <button type="button" onClick={() => (blanks.length ? setPending('copy') : copy())}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <a
              className="button"
              href={href}
              onClick={(e) => {
                if (!blanks.length) return;
                e.preventDefault();
                setPending('open');
              }}
            >
              Open in my mail app
            </a>
            <button
              type="button"
              className="primary"
              disabled={sent.isPending || !bodyText.trim()}
              onClick={() =>
                sent.mutate({
                  contactId,
                  explorationId: data.exploration?.id ?? null,
                  ...(data.interviewId ? { interviewId: data.interviewId } : {}),
                  subject: subjectText || null,
                  body: bodyText,
                  ...(settlesAgendaItem ? { settlesAgendaItem } : {}),
                })
              }
            >
              I sent it
            </button>
            <button type="button" onClick={() => leave.confirm(onClose)}>
              Close
            </button>
          </div>
        </>
      ) : null}
      {leave.dialog}
    </Modal>
  );
}

/** A "Draft request" button that opens the drafting dialog for one person. */
export function DraftRequestButton({ name, className, ...props }: Omit<DraftRequestProps, 'onClose'> & { name?: string | undefined; className?: string | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} aria-label={name ? `Draft request to ${name}` : undefined}>
        Draft request
      </button>
      {open ? <DraftRequest {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/**
 * The drafting dialog for a list whose rows may disappear once a request is sent
 * (whom to ask next): the dialog lives beside the list, not inside the row.
 */
export function useDraftRequestDialog() {
  const [props, setProps] = useState<Omit<DraftRequestProps, 'onClose'> | null>(null);
  return {
    open: (next: Omit<DraftRequestProps, 'onClose'>) => setProps(next),
    dialog: props ? <DraftRequest {...props} onClose={() => setProps(null)} /> : null,
  };
}
