import { useState, type FormEvent } from 'react';
import type { CsvInvitations, InvitationState, InvitationStatus, IssuedInvitation } from '../../../shared/schemas/cohorts.js';
import { ApiError } from '../../api/client.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { roleLabels } from './AccountActions.js';
import { useCsvInvite, useInvitationStatuses, useRevokeInvitation } from './cohorts.api.js';
import { useCopy } from '../../ui/useCopy.js';

const stateLabels: Record<InvitationState, string> = { pending: 'Not used yet', emailed: 'Emailed', accepted: 'Joined', expired: 'Expired', revoked: 'Revoked' };
const stateClass: Record<InvitationState, string> = { pending: 'badge', emailed: 'badge accent', accepted: 'badge accent', expired: 'badge warn', revoked: 'badge danger' };

function CopyLink({ item }: { item: IssuedInvitation }) {
  const link = `${window.location.origin}${item.path}`;
  const { copied, copy: copyText } = useCopy();
  const copy = () => copyText(link);
  return (
    <li className="invite-link">
      <div className="field">
        <label htmlFor={`invite-${item.line}`}>
          {item.name} ({item.email}){item.emailed ? ', emailed' : ''}
        </label>
        <input id={`invite-${item.line}`} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <button type="button" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy link'}
        <span className="visually-hidden"> for {item.name}</span>
      </button>
    </li>
  );
}

function Issued({ result }: { result: CsvInvitations }) {
  const emailed = result.items.filter((i) => i.emailed).length;
  return (
    <div className="notice" role="status">
      <p>
        {result.items.length === 1 ? 'One invitation made' : `${result.items.length} invitations made`}
        {result.cohortsCreated.length > 0 ? `; new cohort${result.cohortsCreated.length === 1 ? '' : 's'}: ${result.cohortsCreated.join(', ')}` : ''}.{' '}
        {emailed === result.items.length
          ? 'Each one went out by email.'
          : emailed > 0
            ? `${emailed} went out by email; send the others yourself.`
            : 'This server does not send email, so send each link yourself.'}{' '}
        The links work once, for two weeks, and are shown only now.
      </p>
      <ul className="plain-list invite-links">
        {result.items.map((item) => (
          <CopyLink key={item.line} item={item} />
        ))}
      </ul>
    </div>
  );
}

function Problems({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return <ErrorState error={error as Error} />;
  const problems = error.code === 'cohorts.csv_invalid' && Array.isArray(error.details) ? (error.details as Array<{ message: string }>) : [];
  return (
    <div className="alert" role="alert">
      <p>{problems.length > 0 ? 'Nobody was invited: fix these lines and upload the file again.' : error.message}</p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const stateOf = (i: InvitationStatus) =>
  i.state === 'accepted' && i.acceptedAt ? `Joined ${formatDateTime(i.acceptedAt)}${i.acceptedBy ? ` as ${i.acceptedBy.name}` : ''}` : i.state === 'revoked' && i.revokedAt ? `Revoked ${formatDate(i.revokedAt)}` : stateLabels[i.state];

function Statuses() {
  const statuses = useInvitationStatuses();
  const revoke = useRevokeInvitation();
  if (statuses.isPending) return <Loading what="invitations" />;
  if (statuses.isError) return <ErrorState error={statuses.error} retry={() => void statuses.refetch()} />;
  if (statuses.data.items.length === 0) return <p className="muted">No invitations yet.</p>;
  return (
    <>
      <ul className="plain-list invitation-states" aria-label="Every invitation and where it stands">
        {statuses.data.items.map((i) => (
          <li key={`${i.email}-${i.createdAt}`}>
            <div>
              <strong>{i.name ?? i.email}</strong> {i.name ? <span className="muted">{i.email}</span> : null}
              <div className="muted">
                {roleLabels[i.role]}
                {i.cohort ? ` · ${i.cohort.name}` : ''} · {i.state === 'pending' || i.state === 'emailed' ? `expires ${formatDate(i.expiresAt)}` : `made ${formatDate(i.createdAt)}`}
              </div>
            </div>
            <div className="actions">
              <span className={stateClass[i.state]}>{stateOf(i)}</span>
              {i.state === 'pending' || i.state === 'emailed' ? (
                <button type="button" onClick={() => revoke.mutate(i.email)} disabled={revoke.isPending} aria-label={`Revoke the invitation for ${i.email}`}>
                  Revoke
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <span role="status" className="muted">
        {revoke.isSuccess ? `Revoked the invitation for ${revoke.data.email}; its link no longer works.` : ''}
      </span>
      {revoke.isError ? <ErrorState error={revoke.error} /> : null}
    </>
  );
}

/** Invites a whole cohort from a CSV file, shows each link once, and every invitation's state with a way to revoke it. */
export function CohortInvitations() {
  const [file, setFile] = useState<File | null>(null);
  const upload = useCsvInvite();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(await file.text());
  };
  return (
    <section className="card" aria-labelledby="cohort-invitations-heading">
      <h2 id="cohort-invitations-heading">Invite a cohort</h2>
      <p>
        Upload a CSV file with a header row and the columns <code>email</code>, <code>name</code>, <code>role</code>, <code>cohort</code> and{' '}
        <code>adviser</code> (the adviser’s email). Role is explorer (student) unless it says coach or admin; a new cohort name makes a new cohort. If any line
        has a problem, nobody is invited and every problem is listed.
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <div className="row">
          <div className="field">
            <label htmlFor="cohort-csv">CSV file</label>
            <input id="cohort-csv" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || upload.isPending}>
            {upload.isPending ? 'Inviting…' : 'Upload and invite'}
          </button>
        </div>
      </form>
      {upload.isError ? <Problems error={upload.error} /> : null}
      {upload.data ? <Issued result={upload.data} /> : null}
      <h3>All invitations</h3>
      <Statuses />
    </section>
  );
}
