import { useState, type FormEvent } from 'react';
import { roles } from '../../../shared/vocabulary/accounts.js';
import type { ListedUser, PasswordReset, Role } from '../../../shared/schemas/accounts.js';
import { ApiError } from '../../api/client.js';
import { TextField } from '../../ui/Field.js';
import { ConfirmDialog, Modal } from '../../ui/Modal.js';
import { ErrorState } from '../../ui/States.js';
import { formatDateTime } from '../../ui/format.js';
import { useDeleteUser, useDisableUser, useEnableUser, useSetRole, useUnlockUser } from './admin.api.js';
import { useSsoStatus } from '../account/sso.api.js';
import { useCopy } from '../../ui/useCopy.js';

export const roleLabels: Record<Role, string> = { explorer: 'Explorer', coach: 'Coach', admin: 'Admin' };

/** An account's role, changed on the spot (the only active admin keeps theirs: the server says so). */
export function RoleSelect({ user }: { user: ListedUser }) {
  const setRole = useSetRole();
  return (
    <>
      <select aria-label={`Role of ${user.name}`} value={setRole.isPending ? setRole.variables.role : user.role} onChange={(e) => setRole.mutate({ id: user.id, role: e.target.value as Role })}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      {setRole.isError ? (
        <span className="error" role="alert">
          {setRole.error instanceof ApiError ? setRole.error.message : 'The role could not be changed.'}
        </span>
      ) : null}
    </>
  );
}

/** Deleting asks for the person's email, typed, and says first how they can take their data with them. */
function DeleteDialog({ user, onClose }: { user: ListedUser; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteUser(onClose);
  const matches = typed.trim().toLowerCase() === user.email;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches) remove.mutate(user.id);
  };
  return (
    <Modal title={`Delete ${user.name}’s account?`} isOpen onClose={onClose} dirty={false}>
      <p>
        This deletes {user.email}’s account and everything in their workspace: people, conversations, notes. It cannot be undone.
      </p>
      <p>
        Admins cannot open or download anyone’s workspace. If {user.name} wants to keep their data, ask them to sign in and use <strong>Download everything</strong>{' '}
        on their Account page first.
      </p>
      <form onSubmit={submit}>
        <TextField label={`Type ${user.email} to confirm`} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
        {remove.isError ? <ErrorState error={remove.error} /> : null}
        <div className="actions">
          <button type="submit" className="danger" disabled={!matches || remove.isPending}>
            Delete account and workspace
          </button>
          <button type="button" onClick={onClose}>
            Keep it
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * What an admin can do to one account: disable (after a confirmation) or enable,
 * unlock while sign-ins are blocked, make a reset link (unless sign-in is by SSO only), delete.
 */
export function AccountActions({ user, isMe, onReset, resetPending }: { user: ListedUser; isMe: boolean; onReset: (id: string) => void; resetPending: boolean }) {
  const [asking, setAsking] = useState<'disable' | 'delete' | null>(null);
  const disable = useDisableUser();
  const enable = useEnableUser();
  const unlock = useUnlockUser();
  const failed = [disable, enable, unlock].find((m) => m.isError)?.error;
  // With single sign-on only there are no passwords to reset (and none is offered before the server says).
  const sso = useSsoStatus();
  const passwords = sso.isError || sso.data?.only === false;
  return (
    <div className="actions">
      {user.disabledAt ? (
        <button type="button" onClick={() => enable.mutate(user.id)} disabled={enable.isPending} aria-label={`Enable ${user.name}`}>
          Enable
        </button>
      ) : isMe ? null : (
        <button type="button" onClick={() => setAsking('disable')} aria-label={`Disable ${user.name}`}>
          Disable
        </button>
      )}
      {user.lockedUntil ? (
        <button type="button" onClick={() => unlock.mutate(user.id)} disabled={unlock.isPending} aria-label={`Unlock ${user.name}`}>
          Unlock
        </button>
      ) : null}
      {user.disabledAt || !passwords ? null : (
        <button type="button" onClick={() => onReset(user.id)} disabled={resetPending} aria-label={`Reset password for ${user.name}`}>
          Reset password
        </button>
      )}
      {isMe ? null : (
        <button type="button" className="danger" onClick={() => setAsking('delete')} aria-label={`Delete ${user.name}`}>
          Delete
        </button>
      )}
      {failed ? (
        <span className="error" role="alert">
          {failed instanceof ApiError ? failed.message : 'That did not work.'}
        </span>
      ) : null}
      <ConfirmDialog
        title={`Disable ${user.name}?`}
        message={`${user.email} is signed out everywhere at once and cannot sign in until the account is enabled again. Nothing in their workspace is deleted.`}
        confirmLabel="Disable account"
        isOpen={asking === 'disable'}
        onConfirm={() => {
          setAsking(null);
          disable.mutate(user.id);
        }}
        onClose={() => setAsking(null)}
      />
      {asking === 'delete' ? <DeleteDialog user={user} onClose={() => setAsking(null)} /> : null}
    </div>
  );
}

/** A reset link, shown once, with a copy button; says whether it went out by email too. */
export function ResetLinkNotice({ reset }: { reset: PasswordReset }) {
  const link = `${window.location.origin}${reset.path}`;
  const { copied, copy: copyText } = useCopy();
  const copy = () => copyText(link);
  return (
    <div className="notice" role="status">
      <p>
        {reset.emailed ? `We emailed this link to ${reset.email}. ` : `Send this link to ${reset.email} yourself (this server has no email set up). `}
        It works once, until {formatDateTime(reset.expiresAt)}, and is shown only now. Using it signs them out everywhere else.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor="reset-link">Password reset link</label>
          <input id="reset-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </div>
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}
