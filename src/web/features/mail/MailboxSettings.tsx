import { useId, useState, type FormEvent } from 'react';
import type { ConnectMailboxInput, MailAuthKind, MailboxStatus, MailSecurity, MailServer, SyncResult } from '../../../shared/schemas/mail.js';
import { ApiError } from '../../api/client.js';
import { formatDateTime, plural } from '../../ui/format.js';
import { ConfirmDialog } from '../../ui/Modal.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { connectFailure, useConnectMailbox, useDisconnectMailbox, useMailbox, useSyncMail, type ConnectFailure } from './mail.api.js';
import { describeServer, mailProviders, providerForAddress, securityLabels } from './providers.js';
import './mail.css';

const serverNames = { imap: 'reading (IMAP)', smtp: 'sending (SMTP)' } as const;

/** What went wrong, in plain words, naming the server that said no. */
export function failureText(failure: ConnectFailure, servers: { imap: MailServer; smtp: MailServer }): string {
  const server = servers[failure.server];
  const where = `The ${serverNames[failure.server]} server${server.host ? ` at ${server.host}:${server.port}` : ''}`;
  switch (failure.reason) {
    case 'auth':
      return `${where} did not accept the user name and password. Check both; most providers want an app password here, not the one you sign in with.`;
    case 'unreachable':
      return `${where} could not be reached. Check the host name and port, and that this computer is online.`;
    case 'certificate':
      return `${where} showed a certificate that no certificate authority vouches for. If this is your own server and the fingerprint below is its certificate's, you can choose to trust it.`;
    case 'timeout':
      return `${where} did not answer in time. Check the port and security setting, or try again in a moment.`;
    case 'protocol':
      return `${where} answered in a way Inroads did not expect. Check that the port matches the security setting (usually TLS on 993 and 465, STARTTLS on 587).`;
    case 'rejected':
      return `${where} refused the connection.`;
  }
}

/** A few words beside the field the failure points at. */
const fieldNote: Record<ConnectFailure['reason'], string> = {
  auth: 'Not accepted by the server.',
  unreachable: 'Could not be reached.',
  certificate: 'Its certificate is not vouched for.',
  timeout: 'Did not answer in time.',
  protocol: 'Answered in an unexpected way.',
  rejected: 'Refused the connection.',
};

const privacyNote = (
  <div className="mail-privacy">
    <p>
      <strong>What Inroads reads.</strong> Only messages to or from people you have in Inroads. Of those it keeps the sender, the recipients, the subject, the
      date and a short snippet — never whole messages, never attachments. Everything else in your mailbox is left unread.
    </p>
    <p>Your password is stored encrypted on this computer and is never shown again. Disconnecting deletes it.</p>
  </div>
);

function ServerFields({ which, value, onChange, errors }: { which: 'imap' | 'smtp'; value: MailServer; onChange: (next: MailServer) => void; errors: Record<string, string> }) {
  const id = useId();
  const legend = which === 'imap' ? 'Reading mail (IMAP)' : 'Sending mail (SMTP)';
  const hostError = errors[`${which}.host`];
  const portError = errors[`${which}.port`];
  return (
    <fieldset className="mail-server">
      <legend>{legend}</legend>
      <div className="mail-server-fields">
        <div className="field">
          <label htmlFor={`${id}-host`}>{which === 'imap' ? 'IMAP server' : 'SMTP server'}</label>
          <input
            id={`${id}-host`}
            value={value.host}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ ...value, host: e.target.value.trim() })}
            aria-invalid={hostError ? true : undefined}
            aria-describedby={hostError ? `${id}-host-error` : undefined}
          />
          {hostError ? (
            <div className="error" id={`${id}-host-error`}>
              {hostError}
            </div>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-port`}>{which === 'imap' ? 'IMAP port' : 'SMTP port'}</label>
          <input
            id={`${id}-port`}
            inputMode="numeric"
            value={String(value.port)}
            onChange={(e) => onChange({ ...value, port: Number(e.target.value.replace(/\D/g, '')) || 0 })}
            aria-invalid={portError ? true : undefined}
            aria-describedby={portError ? `${id}-port-error` : undefined}
          />
          {portError ? (
            <div className="error" id={`${id}-port-error`}>
              {portError}
            </div>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-security`}>{which === 'imap' ? 'IMAP security' : 'SMTP security'}</label>
          <select id={`${id}-security`} value={value.security} onChange={(e) => onChange({ ...value, security: e.target.value as MailSecurity })}>
            {Object.entries(securityLabels).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}

function ConnectForm() {
  const connect = useConnectMailbox();
  const [providerId, setProviderId] = useState('other');
  const [providerChosen, setProviderChosen] = useState(false);
  const provider = mailProviders.find((p) => p.id === providerId) ?? mailProviders[mailProviders.length - 1]!;
  const [address, setAddress] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [authKind, setAuthKind] = useState<MailAuthKind>('password');
  const [imap, setImap] = useState<MailServer>(provider.imap);
  const [smtp, setSmtp] = useState<MailServer>(provider.smtp);
  const [saveSentCopy, setSaveSentCopy] = useState(provider.saveSentCopy);
  const [trust, setTrust] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const failure = connectFailure(connect.error);
  const fieldErrors = {
    ...(connect.error instanceof ApiError ? connect.error.fieldErrors() : {}),
    ...(failure?.field ? { [failure.field]: fieldNote[failure.reason] } : {}),
    ...missing,
  };
  const offeredFingerprint = failure?.reason === 'certificate' ? failure.fingerprint : null;

  const choose = (id: string) => {
    const next = mailProviders.find((p) => p.id === id);
    if (!next) return;
    setProviderId(id);
    setImap(next.imap);
    setSmtp(next.smtp);
    setSaveSentCopy(next.saveSentCopy);
    setTrust(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!address.trim()) problems.address = 'Enter the address you send mail from.';
    if (!secret) problems.secret = authKind === 'password' ? 'Enter the app password.' : 'Enter the access token.';
    if (!imap.host) problems['imap.host'] = 'Enter the IMAP server.';
    if (!smtp.host) problems['smtp.host'] = 'Enter the SMTP server.';
    setMissing(problems);
    if (Object.keys(problems).length) return;
    const input: ConnectMailboxInput = {
      address: address.trim(),
      ...(username.trim() ? { username: username.trim() } : {}),
      imap,
      smtp,
      authKind,
      secret,
      saveSentCopy,
      ...(trust && offeredFingerprint ? { trustCertificate: offeredFingerprint } : {}),
    };
    connect.mutate(input);
  };

  const uid = useId();
  const errorFor = (field: string) => fieldErrors[field];
  const described = (field: string, hint?: boolean) => [hint ? `${uid}-${field}-hint` : null, errorFor(field) ? `${uid}-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorLine = (field: string) =>
    errorFor(field) ? (
      <div className="error" id={`${uid}-${field}-error`}>
        {errorFor(field)}
      </div>
    ) : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="mailbox-heading">
      <div className="field">
        <label htmlFor={`${uid}-provider`}>Provider</label>
        <select
          id={`${uid}-provider`}
          value={providerId}
          onChange={(e) => {
            setProviderChosen(true);
            choose(e.target.value);
          }}
          aria-describedby={`${uid}-provider-hint`}
        >
          {mailProviders.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <div className="hint" id={`${uid}-provider-hint`}>
          Fills in the servers below; change them if your provider says otherwise.
        </div>
      </div>
      <div className="mail-fields">
        <div className="field">
          <label htmlFor={`${uid}-address`}>Email address</label>
          <input
            id={`${uid}-address`}
            type="email"
            autoComplete="email"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            onBlur={() => {
              const guess = providerForAddress(address);
              if (!providerChosen && guess && guess !== providerId) choose(guess);
            }}
            aria-invalid={errorFor('address') ? true : undefined}
            aria-describedby={described('address')}
          />
          {errorLine('address')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-username`}>User name</label>
          <input
            id={`${uid}-username`}
            autoComplete="username"
            value={username}
            placeholder={address || 'the email address'}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={errorFor('username') ? true : undefined}
            aria-describedby={described('username', true)}
          />
          <div className="hint" id={`${uid}-username-hint`}>
            Leave empty to sign in with the email address, as most providers expect.
          </div>
          {errorLine('username')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-auth`}>Sign in with</label>
          <select id={`${uid}-auth`} value={authKind} onChange={(e) => setAuthKind(e.target.value as MailAuthKind)}>
            <option value="password">App password</option>
            <option value="xoauth2">Access token (OAuth)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-secret`}>{authKind === 'password' ? 'App password' : 'Access token'}</label>
          <input
            id={`${uid}-secret`}
            type="password"
            autoComplete="new-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={errorFor('secret') ? true : undefined}
            aria-describedby={described('secret', true)}
          />
          <div className="hint" id={`${uid}-secret-hint`}>
            An app password is a separate password your provider makes for one app, which you can revoke at any time. {provider.hint}
          </div>
          {errorLine('secret')}
        </div>
      </div>
      <ServerFields which="imap" value={imap} onChange={setImap} errors={fieldErrors} />
      <ServerFields which="smtp" value={smtp} onChange={setSmtp} errors={fieldErrors} />
      <div className="field checkbox-field">
        <input id={`${uid}-sent-copy`} type="checkbox" checked={saveSentCopy} onChange={(e) => setSaveSentCopy(e.target.checked)} />
        <label htmlFor={`${uid}-sent-copy`}>Save a copy of mail sent from Inroads in my Sent folder</label>
      </div>
      {failure ? (
        <div className="alert" role="alert">
          <p>
            <strong>Not connected.</strong> {failureText(failure, { imap, smtp })}
          </p>
          {failure.message ? <p className="muted">{failure.message}</p> : null}
          {offeredFingerprint ? (
            <>
              <p>
                Certificate fingerprint (SHA-256): <code className="fingerprint">{offeredFingerprint}</code>
              </p>
              <div className="checkbox-field">
                <input id={`${uid}-trust`} type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} />
                <label htmlFor={`${uid}-trust`}>I trust this certificate</label>
              </div>
            </>
          ) : null}
        </div>
      ) : connect.isError ? (
        <ErrorState error={connect.error} />
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={connect.isPending}>
          {connect.isPending ? 'Connecting…' : offeredFingerprint && trust ? 'Trust it and connect' : 'Connect'}
        </button>
        {connect.isPending ? (
          <span className="muted" role="status">
            Signing in to both servers…
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function syncSummary(result: SyncResult): string {
  const found = [
    plural(result.replies, 'reply', 'replies'),
    plural(result.autoReplies, 'automatic reply', 'automatic replies'),
    plural(result.bounces, 'bounce'),
    plural(result.sent, 'message sent from your mail app', 'messages sent from your mail app'),
  ];
  return `Looked at ${plural(result.scanned, 'message')}; kept ${result.kept} to or from people in Inroads: ${found.join(', ')}.`;
}

function Connected({ status }: { status: MailboxStatus }) {
  const sync = useSyncMail();
  const disconnect = useDisconnectMailbox();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <dl className="facts mail-status">
        <dt>Address</dt>
        <dd>{status.address}</dd>
        {status.username && status.username !== status.address ? (
          <>
            <dt>User name</dt>
            <dd>{status.username}</dd>
          </>
        ) : null}
        <dt>Reads from</dt>
        <dd>{describeServer(status.imap)}</dd>
        <dt>Sends through</dt>
        <dd>{describeServer(status.smtp)}</dd>
        {status.trustedCertificate ? (
          <>
            <dt>Trusted certificate</dt>
            <dd>
              <code className="fingerprint">{status.trustedCertificate}</code>
            </dd>
          </>
        ) : null}
        <dt>Last check</dt>
        <dd>{status.lastSyncAt ? formatDateTime(status.lastSyncAt) : 'Not yet'}</dd>
        <dt>Status</dt>
        <dd>
          {status.state === 'error' && status.lastError ? (
            <span className="mail-state-error">Not reading mail: {status.lastError}</span>
          ) : status.watching ? (
            'Watching for new mail'
          ) : (
            'Checking for mail from time to time'
          )}
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="primary" onClick={() => sync.mutate()} disabled={sync.isPending}>
          {sync.isPending ? 'Checking…' : 'Check for mail now'}
        </button>
        <button type="button" className="danger" onClick={() => setAsking(true)} disabled={disconnect.isPending}>
          Disconnect
        </button>
      </div>
      {sync.isSuccess ? (
        <p role="status" className="notice">
          {syncSummary(sync.data)}
        </p>
      ) : null}
      {sync.isError ? <ErrorState error={sync.error} /> : null}
      {disconnect.isError ? <ErrorState error={disconnect.error} /> : null}
      <ConfirmDialog
        title="Disconnect your mailbox?"
        message="Inroads stops reading and sending mail and deletes the saved password. What it already recorded (replies, bounces, sent requests) stays."
        confirmLabel="Disconnect"
        isOpen={asking}
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          disconnect.mutate();
        }}
      />
    </>
  );
}

/** Settings → Mailbox: connect the user's own mailbox, see how it is doing, check now, or disconnect. */
export function MailboxSettings() {
  const mailbox = useMailbox();
  return (
    <section className="card" aria-labelledby="mailbox-heading">
      <h2 id="mailbox-heading">Mailbox</h2>
      <p>
        Connect your own mailbox to send requests and thank-yous from Inroads and to notice replies, bounces and mail you sent from your mail app, without
        typing them in.
      </p>
      {privacyNote}
      {mailbox.isPending ? <Loading what="your mailbox" /> : null}
      {mailbox.isError ? <ErrorState error={mailbox.error} retry={() => void mailbox.refetch()} /> : null}
      {mailbox.data ? mailbox.data.connected ? <Connected status={mailbox.data} /> : <ConnectForm /> : null}
    </section>
  );
}
