import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { TextField } from '../../ui/Field.js';
import { Loading } from '../../ui/States.js';
import { useResetLink, useResetPassword } from './account.api.js';

const problem = (error: unknown) => (error instanceof ApiError ? error.message : 'That did not work. Please try again.');

/** `/reset?token=…`: choosing a new password with the one-time link an administrator made. */
export function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useResetLink(token);
  const navigate = useNavigate();
  const reset = useResetPassword(() => void navigate('/', { replace: true }));
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ token, newPassword: password });
  };
  const fieldError = reset.error instanceof ApiError ? reset.error.fieldErrors().newPassword : undefined;
  return (
    <section className="card auth-card" aria-labelledby="reset-heading">
      <h1 id="reset-heading">Choose a new password</h1>
      {!token ? (
        <div className="alert" role="alert">
          This address is missing the code from your reset link. Open the whole link from your email or your administrator, or ask them for a new one.
        </div>
      ) : link.isPending ? (
        <Loading what="your reset link" />
      ) : link.isError ? (
        <div className="alert" role="alert">
          {problem(link.error)}
        </div>
      ) : (
        <>
          <p className="muted">
            For {link.data.name} ({link.data.email}). Saving it signs you in here and out everywhere else.
          </p>
          {reset.isError && !fieldError ? (
            <div className="alert" role="alert">
              {problem(reset.error)}
            </div>
          ) : null}
          <form onSubmit={submit}>
            <input type="email" hidden readOnly autoComplete="username" value={link.data.email} />
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              hint="At least 8 characters; a few unrelated words make a strong, memorable passphrase."
              error={fieldError}
            />
            <div className="actions">
              <button type="submit" className="primary" disabled={reset.isPending}>
                Save and sign in
              </button>
            </div>
          </form>
        </>
      )}
      <p className="muted">
        <Link to="/">Back to sign in</Link>
      </p>
    </section>
  );
}
