import { useState, type FormEvent } from 'react';
import type { Account } from '../../../shared/schemas/accounts.js';
import { ApiError } from '../../api/client.js';
import { signOutRequest, useSessionChange } from '../../app/session.api.js';
import { ErrorState } from '../../ui/States.js';
import { useChoosePassword } from './account.api.js';
import { PasswordFields } from './PasswordFields.js';

/**
 * A person whose first password an admin set chooses their own before anything
 * else (the server refuses every other call until then).
 */
export function ChoosePassword({ account }: { account: Account }) {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const choose = useChoosePassword();
  const signOut = useSessionChange(signOutRequest);
  const errors = choose.error instanceof ApiError ? choose.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    choose.mutate(form);
  };
  return (
    <main className="auth-page" id="main">
      <p className="brand auth-brand">
        <img src="/favicon.svg" alt="" /> Inroads
      </p>
      <section className="card auth-card" aria-labelledby="choose-heading">
        <h1 id="choose-heading">Choose your own password</h1>
        <p>
          Welcome, {account.name}. The password you were given was only for signing in the first time: choose one of your own to start using Inroads.
        </p>
        {choose.isError && Object.keys(errors).length === 0 ? <ErrorState error={choose.error} /> : null}
        <form onSubmit={submit}>
          <PasswordFields
            form={form}
            setForm={setForm}
            errors={errors}
            labels={{ current: 'The password you were given', next: 'Your new password', hint: 'At least 8 characters; a few unrelated words make a strong, memorable passphrase.' }}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={choose.isPending}>
              Save my password
            </button>
            <button type="button" onClick={() => signOut.mutate(undefined)}>
              Sign out
            </button>
          </div>
        </form>
      </section>
    </main>
  );
}
