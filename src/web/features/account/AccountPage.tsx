import { useState, type FormEvent } from 'react';
import type { Account } from '../../../shared/schemas/accounts.js';
import { ApiError } from '../../api/client.js';
import { signOutRequest, useAccount, useSessionChange } from '../../app/session.api.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useChangePassword, useReminderEmails } from './account.api.js';
import { AccessLogCard } from './AccessLogCard.js';
import { AdviserCard } from './AdviserCard.js';
import { DownloadEverything } from './DownloadEverything.js';
import { PasswordFields } from './PasswordFields.js';
import { SharingCard } from './SharingCard.js';
import { useSsoStatus } from './sso.api.js';

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
  // (Where single sign-on is the only way in, there is no password to change.)
  // The password card waits until the server has said whether passwords are in use (not with SSO only).
  const sso = useSsoStatus();
  const passwords = sso.isError || sso.data?.only === false;
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
      <AccessLogCard />
      <RemindersCard account={account} />
      {passwords ? <PasswordCard /> : null}
      <DownloadEverything />
    </section>
  );
}
