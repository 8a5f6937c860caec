import { useState, type FormEvent } from 'react';
import type { Account, GrantScope } from '../../../shared/schemas/accounts.js';
import { ApiError } from '../../api/client.js';
import { signOutRequest, useAccount, useSessionChange } from '../../app/session.api.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formatDate } from '../../ui/format.js';
import { useChangePassword, useReminderEmails, useShare, useSharing, useStopSharing } from './account.api.js';
import { AdviserCard } from './AdviserCard.js';
import { DownloadEverything } from './DownloadEverything.js';
import { PasswordFields } from './PasswordFields.js';

const scopeLabels: Record<GrantScope, string> = {
  progress: 'Progress only: counts, agenda and interview states',
  notes: 'Progress and my conversation notes',
};

function PasswordCard() {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const change = useChangePassword(() => setForm({ currentPassword: '', newPassword: '' }));
  const errors = change.error instanceof ApiError ? change.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(form);
  };
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      {change.isError && Object.keys(errors).length === 0 ? <ErrorState error={change.error} /> : null}
      <form onSubmit={submit}>
        <PasswordFields
          form={form}
          setForm={setForm}
          errors={errors}
          labels={{ current: 'Current password', next: 'New password', hint: 'At least 8 characters. Changing it signs you out everywhere else.' }}
        />
        <SaveActions label="Change password" pending={change.isPending} saved={change.isSuccess} savedText="Password changed; other sessions have ended." />
      </form>
    </section>
  );
}

function SharingCard() {
  const grants = useSharing();
  const [coachEmail, setCoachEmail] = useState('');
  const [scope, setScope] = useState<GrantScope>('progress');
  const share = useShare(() => setCoachEmail(''));
  const stop = useStopSharing();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    share.mutate({ coachEmail, scope });
  };
  const error = share.error instanceof ApiError ? share.error.message : undefined;
  return (
    <section className="card" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Share with a coach</h2>
      <p>
        A careers adviser can follow your progress and help you get unstuck. You choose what they see, and you can stop sharing at any time; it takes effect
        immediately.
      </p>
      {grants.isPending ? <Loading what="sharing" /> : grants.isError ? <ErrorState error={grants.error} retry={() => void grants.refetch()} /> : null}
      {grants.data && grants.data.items.length > 0 ? (
        <div className="table-wrap">
          <DataTable
            caption="Coaches you share with"
            columns={['Coach', 'They see', 'Since', 'Actions']}
            stack
            rows={grants.data.items.map((g) => ({
              key: g.coach.id,
              cells: [
                <span key="c">
                  {g.coach.name} <span className="muted">{g.coach.email}</span>
                </span>,
                scopeLabels[g.scope],
                formatDate(g.createdAt),
                <button key="s" type="button" onClick={() => stop.mutate(g.coach.id)} aria-label={`Stop sharing with ${g.coach.name}`}>
                  Stop sharing
                </button>,
              ],
            }))}
          />
        </div>
      ) : grants.data ? (
        <p className="muted">You are not sharing with anyone.</p>
      ) : null}
      {stop.isError ? <ErrorState error={stop.error} /> : null}
      <form onSubmit={submit}>
        <div className="row">
          <TextField label="Coach’s email" type="email" required value={coachEmail} onChange={(e) => setCoachEmail(e.target.value)} error={error} />
          <SelectField label="What they see" value={scope} onChange={(e) => setScope(e.target.value as GrantScope)} options={Object.entries(scopeLabels).map(([value, label]) => ({ value, label }))} />
        </div>
        <SaveActions label="Share" pending={share.isPending} saved={share.isSuccess} savedText="Shared." />
      </form>
    </section>
  );
}

function RemindersCard({ account }: { account: Account }) {
  const save = useReminderEmails();
  return (
    <section className="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Morning reminder</h2>
      <label className="checklist-item">
        <input type="checkbox" checked={save.isPending ? Boolean(save.variables) : account.reminderEmails} onChange={(e) => save.mutate(e.target.checked)} />
        Email me each morning when thank-yous, follow-ups or preparation are due
      </label>
      <span role="status" className="muted">
        {save.isSuccess ? 'Saved.' : ''}
      </span>
      {save.isError ? <ErrorState error={save.error} /> : null}
    </section>
  );
}

/** One's own account on a shared server: who, password, reminders, sharing, signing out. */
export function AccountPage() {
  const account = useAccount();
  const signOut = useSessionChange(signOutRequest);
  if (!account) return <Loading what="your account" />;
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Account</h1>
          <p>
            Signed in as {account.name} ({account.email}).
          </p>
        </div>
        <button type="button" onClick={() => signOut.mutate(undefined)}>
          Sign out
        </button>
      </div>
      {signOut.isError ? <ErrorState error={signOut.error} /> : null}
      {account.role === 'explorer' ? <AdviserCard /> : null}
      <SharingCard />
      <RemindersCard account={account} />
      <PasswordCard />
      <DownloadEverything />
    </section>
  );
}
