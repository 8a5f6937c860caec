import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import type { SendableKind, SendMailInput, SendMailResult } from '../../../shared/schemas/mail.js';
import { sendableKinds } from '../../../shared/vocabulary/mail.js';
import { ApiError } from '../../api/client.js';
import { statusLabels } from '../../ui/labels.js';
import { ErrorState } from '../../ui/States.js';
import { useMailbox, useRefreshOnNewMail, useSendMail } from './mail.api.js';
import './mail.css';

const sentWhat: Record<SendableKind, string> = {
  request: 'Request sent',
  'follow-up': 'Follow-up sent',
  'thank-you': 'Thank-you sent',
  'check-in': 'Check-in sent',
  'report-back': 'Update sent',
};

/** "Request sent; the conversation is now requested." — what sending did, in one sentence. */
export function sentMessage(kind: SendableKind, result: SendMailResult, to?: string): string {
  const status = result.interviewStatus as keyof typeof statusLabels | null;
  const label = status && status in statusLabels ? statusLabels[status].toLowerCase() : null;
  const who = to ? ` to ${to}` : '';
  return label && (kind === 'request' || kind === 'thank-you')
    ? `${sentWhat[kind]}${who}; the conversation is now ${label}.`
    : `${sentWhat[kind]}${who} and logged on their timeline.`;
}

export const isSendable = (kind: string): kind is SendableKind => (sendableKinds as readonly string[]).includes(kind);

/**
 * "Send from <address>": shown beside a draft's copy and "I sent it" buttons when a mailbox is
 * connected. A draft without a subject asks for one here; blanks left in the draft ask once more.
 */
export function SendFromMailbox({
  input,
  blanks = [],
  name,
  onSent,
}: {
  input: Omit<SendMailInput, 'subject'> & { subject: string | null };
  /** Placeholders still in the draft ("[contact.title]"). */
  blanks?: string[];
  /** Whom it goes to, for the notice. */
  name?: string | undefined;
  onSent: (result: SendMailResult, notice: string) => void;
}) {
  const id = useId();
  const mailbox = useMailbox();
  const send = useSendMail();
  const [ownSubject, setOwnSubject] = useState('');
  const [warned, setWarned] = useState(false);
  if (!mailbox.data?.connected || !mailbox.data.address) return null;
  const needsSubject = !input.subject?.trim();
  const subject = needsSubject ? ownSubject.trim() : (input.subject ?? '').trim();
  const go = () => {
    if (!subject) return;
    if (blanks.length && !warned) return setWarned(true);
    setWarned(false);
    // The promise, not mutate's callbacks: on Today the settled item (and this button with it) may be gone by the time the refresh is done.
    send
      .mutateAsync({ ...input, subject })
      .then((result) => onSent(result, sentMessage(input.kind, result, name)))
      .catch(() => undefined);
  };
  return (
    <div className="mail-send">
      {needsSubject ? (
        <div className="field">
          <label htmlFor={`${id}-subject`}>Subject for sending</label>
          <input id={`${id}-subject`} value={ownSubject} onChange={(e) => setOwnSubject(e.target.value)} />
        </div>
      ) : null}
      {warned && blanks.length ? (
        <p role="alert" className="alert">
          The draft still has {blanks.length === 1 ? 'a blank' : `${blanks.length} blanks`} to fill in: {blanks.map((b) => `“${b}”`).join(', ')}. Press Send anyway if
          that is what you mean to send.
        </p>
      ) : null}
      {send.isError ? <SendError error={send.error} /> : null}
      <button type="button" className="primary" onClick={go} disabled={send.isPending || !subject || !input.body.trim()}>
        {send.isPending ? 'Sending…' : warned && blanks.length ? 'Send anyway' : `Send from ${mailbox.data.address}`}
      </button>
    </div>
  );
}

/** Why nothing was sent: the server's words, and for a missing or refused address, where to fix it. */
function SendError({ error }: { error: Error }) {
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  const problems = Object.entries(fields);
  if (!problems.length) return <ErrorState error={error} />;
  return (
    <div className="alert" role="alert">
      <p>
        <strong>Not sent.</strong>{' '}
        {problems.map(([field, message]) => (field === 'to' ? `To: ${message}.` : `${field}: ${message}.`)).join(' ')}
        {fields.to ? ' Add or correct their email address on their page, then send again.' : ''}
      </p>
    </div>
  );
}

// What was last sent from a dialog that closes on success (Today's drafts go with their item).
let lastNotice = '';
const listeners = new Set<() => void>();

/** Shows `text` in the page's mail notice (see MailNotice). */
export function announceMail(text: string): void {
  lastNotice = text;
  for (const listener of listeners) listener();
}

/**
 * The last thing sent from a closed dialog, read out politely; leaving the page clears it. While it
 * is on the page, mail the watcher finds refreshes the page too.
 */
export function MailNotice() {
  useRefreshOnNewMail();
  useEffect(() => () => announceMail(''), []);
  const text = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => lastNotice,
  );
  return (
    <div role="status" className={text ? 'notice' : 'visually-hidden'}>
      {text ? (
        <p className="actions">
          <span>{text}</span>
          <button type="button" onClick={() => announceMail('')}>
            OK
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** In a draft dialog that stays open: what was sent, a way to the conversation, and Close. */
export function MailSent({ notice, interviewId, name, onClose }: { notice: string; interviewId: string | null; name: string; onClose: () => void }) {
  return (
    <div role="status" className="notice">
      <p>
        <strong>{notice}</strong>
      </p>
      <p className="actions">
        {interviewId ? (
          <Link to={`/interviews/${interviewId}`} onClick={onClose}>
            Open the conversation with {name}
          </Link>
        ) : null}
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </p>
    </div>
  );
}
