import { useEffect, useState, type FormEvent } from 'react';
import { Link, Route, Routes, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import type { AuthStatus } from '../../app/session.api.js';
import { TextField } from '../../ui/Field.js';
import { useInvitationLink, useRegister, useSignIn } from './account.api.js';
import { ResetPassword } from './ResetPassword.js';
import { useSsoStatus } from './sso.api.js';
import { SsoButton, SsoCallback } from './SsoSignIn.js';
import { SSO_CALLBACK_PATH } from '../../../shared/vocabulary/sso.js';

function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : 'That did not work. Please try again.';
  return (
    <div className="alert" role="alert">
      {message}
    </div>
  );
}

const fieldError = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldErrors()[field] : undefined);

function SignIn({ status }: { status: AuthStatus }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const sso = useSsoStatus().data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  if (sso?.only) {
    return (
      <section className="card auth-card" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in to Inroads</h1>
        <p className="muted">Your informational interviews, follow-ups and notes, private to your account. Sign in with your {sso.name} account.</p>
        <SsoButton sso={sso} />
        <p className="muted">New here? Your career centre sends you an invitation first.</p>
      </section>
    );
  }
  return (
    <section className="card auth-card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in to Inroads</h1>
      <p className="muted">Your informational interviews, follow-ups and notes, private to your account.</p>
      {sso ? <SsoButton sso={sso} /> : null}
      <FormError error={signIn.error} />
      <form onSubmit={submit}>
        <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <div className="actions">
          <button type="submit" className="primary" disabled={signIn.isPending}>
            Sign in
          </button>
        </div>
      </form>
      <p className="muted">
        {status.registration === 'open' ? (
          <>
            New here? <Link to="/join">Create an account</Link>.
          </>
        ) : (
          'Accounts are by invitation: your career centre sends you a link to join.'
        )}{' '}
        Forgot your password, or locked out? Ask your career centre’s administrator for a password reset link.
      </p>
    </section>
  );
}

function Join({ status }: { status: AuthStatus }) {
  const [params] = useSearchParams();
  const invitation = params.get('invitation') ?? undefined;
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const join = useRegister();
  const sso = useSsoStatus().data;
  // The address the invitation was sent to fills the form in (the person can still see and correct it).
  const invited = useInvitationLink(invitation);
  const invitedEmail = invited.data?.email;
  // A cohort invitation knows the person's name too.
  const invitedName = invited.data?.name ?? '';
  useEffect(() => {
    if (invitedEmail) setForm((f) => ({ ...f, email: f.email || invitedEmail, name: f.name || invitedName }));
  }, [invitedEmail, invitedName]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate({ ...form, ...(invitation ? { invitation } : {}) });
  };
  if (!invitation && status.registration !== 'open') {
    return (
      <section className="card auth-card" aria-labelledby="join-heading">
        <h1 id="join-heading">Join Inroads</h1>
        <p>Accounts on this server are by invitation only. Open the link in your invitation email, or ask your career centre for one.</p>
        <p>
          <Link to="/">Back to sign in</Link>
        </p>
      </section>
    );
  }
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  if (sso?.only) {
    return (
      <section className="card auth-card" aria-labelledby="join-heading">
        <h1 id="join-heading">Join Inroads</h1>
        <p className="muted">{invitedEmail ? `Sign in with your ${sso.name} account for ${invitedEmail}: your Inroads account is made then.` : `Sign in with your ${sso.name} account: your Inroads account is made then.`}</p>
        {invited.isError ? (
          <div className="alert" role="alert">
            {invited.error instanceof ApiError ? invited.error.message : 'This invitation link could not be checked.'}
          </div>
        ) : null}
        <SsoButton sso={sso} invitation={invitation} />
      </section>
    );
  }
  return (
    <section className="card auth-card" aria-labelledby="join-heading">
      <h1 id="join-heading">Create your account</h1>
      <p className="muted">{invitation ? 'Use the email address your invitation was sent to.' : 'Anyone may join this server.'}</p>
      {invited.isError ? (
        <div className="alert" role="alert">
          {invited.error instanceof ApiError ? invited.error.message : 'This invitation link could not be checked.'}
        </div>
      ) : null}
      {sso && invitation ? <SsoButton sso={sso} invitation={invitation} /> : null}
      <FormError error={join.error && !(join.error instanceof ApiError && join.error.code === 'validation.failed') ? join.error : null} />
      <form onSubmit={submit}>
        <TextField label="Your name" autoComplete="name" required value={form.name} onChange={set('name')} error={fieldError(join.error, 'name')} />
        <TextField label="Email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={fieldError(join.error, 'email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={form.password}
          onChange={set('password')}
          hint="At least 8 characters; a few unrelated words make a strong, memorable passphrase."
          error={fieldError(join.error, 'password')}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={join.isPending}>
            Create account
          </button>
        </div>
      </form>
      <p className="muted">
        Already have an account? <Link to="/">Sign in</Link>.
      </p>
    </section>
  );
}

/** What a shared server shows before anyone signs in. */
export function SignedOut({ status }: { status: AuthStatus }) {
  return (
    <main className="auth-page" id="main">
      <p className="brand auth-brand">
        <img src="/favicon.svg" alt="" /> Inroads
      </p>
      <Routes>
        <Route path="/join" element={<Join status={status} />} />
        <Route path="/reset" element={<ResetPassword />} />
        <Route path={SSO_CALLBACK_PATH} element={<SsoCallback />} />
        <Route path="*" element={<SignIn status={status} />} />
      </Routes>
    </main>
  );
}
