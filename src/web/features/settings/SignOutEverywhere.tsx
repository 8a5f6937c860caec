import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useAuthStatus } from '../../app/session.api.js';
import { useSignOutEverywhere } from './settings.api.js';

/**
 * On this computer a browser stays signed in for 30 days after its last visit. This signs
 * every browser out at once (this one too), for example after using a shared computer.
 */
export function SignOutEverywhere() {
  const status = useAuthStatus();
  const [confirming, setConfirming] = useState(false);
  const signOut = useSignOutEverywhere();
  // A shared server has accounts, each with its own sessions (signed out from the Account page).
  if (status.data?.mode !== 'local') return null;
  return (
    <section className="card" aria-labelledby="browsers-heading">
      <h2 id="browsers-heading">Signed-in browsers</h2>
      <p>
        A browser you open Inroads in stays signed in for 30 days after your last visit, also when it is closed. Sign every browser out if
        someone else may have used one of them. You sign in again with the link Inroads prints when it starts.
      </p>
      {signOut.error ? (
        <div className="alert" role="alert">
          {signOut.error instanceof ApiError ? signOut.error.message : 'That did not work. Please try again.'}
        </div>
      ) : null}
      <div className="actions">
        {confirming ? (
          <>
            <button type="button" className="danger" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
              Yes, sign out every browser
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <span className="muted">This browser is signed out too.</span>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Sign out every browser
          </button>
        )}
      </div>
    </section>
  );
}
