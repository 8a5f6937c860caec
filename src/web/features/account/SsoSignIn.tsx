import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.js';
import type { SsoStatus } from '../../../shared/schemas/sso.js';
import { Loading } from '../../ui/States.js';
import { useFinishSso, useStartSso } from './sso.api.js';

const problem = (error: unknown) => (error instanceof ApiError ? error.message : 'That did not work. Please try again.');

/**
 * "Continue with <provider>": on the sign-in page, and on the join page with the invitation it came with.
 * Followed by "or with your email and password" where a password form follows (`alone`: none does).
 */
export function SsoButton({ sso, invitation, alone = sso.only }: { sso: SsoStatus; invitation?: string | undefined; alone?: boolean }) {
  const start = useStartSso();
  if (!sso.enabled) return null;
  return (
    <div className="sso">
      {start.isError ? (
        <div className="alert" role="alert">
          {problem(start.error)}
        </div>
      ) : null}
      <button type="button" className={alone ? 'primary' : undefined} disabled={start.isPending || start.isSuccess} onClick={() => start.mutate(invitation)}>
        Continue with {sso.name}
      </button>
      {alone ? null : <p className="muted sso-or">or with your email and password:</p>}
    </div>
  );
}

/** Where each role starts. */
const homeOf = (role: string) => (role === 'coach' ? '/coaching' : role === 'admin' ? '/admin' : '/');

/** `/sso/callback?code=…&state=…`: where the provider sends people back; the answer goes to the server once, then home. */
export function SsoCallback() {
  const navigate = useNavigate();
  const finish = useFinishSso(({ user }) => void navigate(homeOf(user.role), { replace: true }));
  const sent = useRef(false);
  const { mutate } = finish;
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate(window.location.search);
  }, [mutate]);
  return (
    <section className="card auth-card" aria-labelledby="sso-heading">
      <h1 id="sso-heading">{finish.isError ? 'You are not signed in' : 'Signing you in'}</h1>
      {finish.isError ? (
        <>
          <div className="alert" role="alert">
            {problem(finish.error)}
          </div>
          <p>
            <Link to="/">Back to sign in</Link>
          </p>
        </>
      ) : (
        <Loading what="your account" />
      )}
    </section>
  );
}
