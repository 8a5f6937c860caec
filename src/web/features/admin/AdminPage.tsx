import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { roles } from '../../../shared/vocabulary/accounts.js';
import type { InstanceSettings, Role } from '../../../shared/schemas/accounts.js';
import { ApiError } from '../../api/client.js';
import { useAccount } from '../../app/session.api.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formatDate } from '../../ui/format.js';
import { formatDateTime } from '../../ui/format.js';
import { AccountActions, ResetLinkNotice, RoleSelect, roleLabels } from './AccountActions.js';
import { CohortInvitations } from './CohortInvitations.js';
import { CohortsCard } from './CohortsCard.js';
import { RemindersCard } from './RemindersCard.js';
import { AuditCard } from './AuditCard.js';
import { useCreateUser, useInstanceSettings, useInvite, useOpenInvitations, usePasswordReset, useSaveInstanceSettings, useUsers } from './admin.api.js';

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

function Users() {
  const me = useAccount();
  const users = useUsers();
  const [form, setForm] = useState<{ email: string; name: string; role: Role }>({ email: '', name: '', role: 'explorer' });
  const create = useCreateUser(() => setForm({ email: '', name: '', role: 'explorer' }));
  const reset = usePasswordReset();
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const otherError = create.error instanceof ApiError && Object.keys(errors).length === 0 ? create.error.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form);
  };
  return (
    <section className="card" aria-labelledby="users-heading">
      <h2 id="users-heading">People</h2>
      {users.isPending ? <Loading what="accounts" /> : users.isError ? <ErrorState error={users.error} retry={() => void users.refetch()} /> : null}
      {users.data ? (
        <div className="table-wrap">
          <DataTable
            caption="Accounts"
            stack
            columns={['Name', 'Email', 'Role', 'Since', 'Status', 'Actions']}
            rows={users.data.items.map((u) => ({
              key: u.id,
              cells: [
                u.name,
                u.email,
                <RoleSelect key="r" user={u} />,
                formatDate(u.createdAt),
                <span key="s" className="actions">
                  {u.disabledAt ? <span className="badge danger">Disabled {formatDate(u.disabledAt)}</span> : <span className="badge accent">Active</span>}
                  {u.lockedUntil ? <span className="badge warn">Locked until {formatDateTime(u.lockedUntil)}</span> : null}
                  {u.mustChangePassword && !u.disabledAt ? <span className="badge">First password</span> : null}
                </span>,
                <AccountActions key="a" user={u} isMe={u.id === me?.id} onReset={(id) => reset.mutate(id)} resetPending={reset.isPending} />,
              ],
            }))}
          />
        </div>
      ) : null}
      {reset.data ? <ResetLinkNotice reset={reset.data} /> : null}
      {reset.isError ? <ErrorState error={reset.error} /> : null}
      <h3>Add someone</h3>
      <form onSubmit={submit}>
        <div className="row">
          <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} />
          <TextField label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errors.email ?? otherError} />
          <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} options={roleOptions} />
        </div>
        <SaveActions label="Add account" pending={create.isPending} saved={false} />
      </form>
      {create.data?.password ? (
        <div className="notice" role="status">
          Account created for {create.data.user.email}. Their first password, shown only now: <code>{create.data.password}</code>. When they first sign in
          they choose their own.
        </div>
      ) : null}
    </section>
  );
}

function Registration() {
  const settings = useInstanceSettings();
  const save = useSaveInstanceSettings();
  if (!settings.data) return settings.isError ? <ErrorState error={settings.error} /> : <Loading what="settings" />;
  return (
    <section className="card" aria-labelledby="registration-heading">
      <h2 id="registration-heading">How people join</h2>
      <SelectField
        label="Registration"
        value={settings.data.registration}
        onChange={(e) => save.mutate(e.target.value as InstanceSettings['registration'])}
        options={[
          { value: 'invitation', label: 'By invitation only' },
          { value: 'open', label: 'Open: anyone who reaches this address may sign up' },
        ]}
      />
      <span role="status" className="muted">
        {save.isSuccess ? 'Saved.' : ''}
      </span>
      {save.isError ? <ErrorState error={save.error} /> : null}
    </section>
  );
}

function Invitations() {
  const open = useOpenInvitations();
  const [form, setForm] = useState<{ email: string; role: Role }>({ email: '', role: 'explorer' });
  const invite = useInvite(() => setForm({ email: '', role: 'explorer' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(form);
  };
  const link = invite.data ? `${window.location.origin}${invite.data.path}` : '';
  return (
    <section className="card" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <form onSubmit={submit}>
        <div className="row">
          <TextField label="Invite email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={invite.error instanceof ApiError ? invite.error.message : undefined} />
          <SelectField label="As" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} options={roleOptions} />
        </div>
        <SaveActions label="Make an invitation link" pending={invite.isPending} saved={false} />
      </form>
      {invite.data ? (
        <div className="notice" role="status">
          <p>
            Send this link to {invite.data.email}; it works once, until {formatDate(invite.data.expiresAt)}, and is shown only now.
          </p>
          <div className="field">
            <label htmlFor="invitation-link">Invitation link</label>
            <input id="invitation-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </div>
        </div>
      ) : null}
      {open.data && open.data.items.length > 0 ? (
        <div className="table-wrap">
          <DataTable
            caption="Invitations not yet used"
            columns={['Email', 'Role', 'Expires']}
            rows={open.data.items.map((i) => ({ key: `${i.email}-${i.expiresAt}`, cells: [i.email, roleLabels[i.role], formatDate(i.expiresAt)] }))}
          />
        </div>
      ) : (
        <p className="muted">No invitations waiting to be used.</p>
      )}
    </section>
  );
}

/** Accounts on a shared server: who is here, who may join, and how. */
export function AdminPage() {
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Administration</h1>
          <p>Accounts on this server. Admins manage accounts; they cannot see anyone’s job search.</p>
        </div>
        <Link to="/admin/report">Cohort report</Link>
      </div>
      <Users />
      <Registration />
      <Invitations />
      <CohortInvitations />
      <CohortsCard />
      <RemindersCard />
      <AuditCard />
    </section>
  );
}
