import { useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/States.js';
import { useUnsavedChanges } from '../../ui/unsaved.js';
import { useAddReferral, useInterviewReferrals } from './interviews.api.js';

/** "Who else should I talk to?": a name (and an organisation) becomes a person referred by the interviewee, in one step. */
export function ReferralPanel({
  interviewId,
  referrerName,
  inputRef,
  onAdded,
}: {
  interviewId: string;
  referrerName: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onAdded: (message: string) => void;
}) {
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const referrals = useInterviewReferrals(interviewId);
  const leave = useUnsavedChanges(name.trim() !== '' || organization.trim() !== '');
  const add = useAddReferral(interviewId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    add.mutate(
      { name: name.trim(), ...(organization.trim() ? { organization: organization.trim() } : {}) },
      {
        onSuccess: (result) => {
          setName('');
          setOrganization('');
          onAdded(`${result.existing ? 'Linked' : 'Added'} ${result.contact.name}${result.existing ? ' (already in Inroads)' : ''}, suggested by ${referrerName}.`);
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="im-referral-heading">
      <h2 id="im-referral-heading">Who else to talk to</h2>
      <form onSubmit={submit} className="im-referral">
        <div className="field">
          <label htmlFor="im-referral-name">Name</label>
          <input id="im-referral-name" ref={inputRef} value={name} onChange={(e) => setName(e.target.value)} aria-keyshortcuts="Alt+R" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="im-referral-org">Organisation (optional)</label>
          <input id="im-referral-org" value={organization} onChange={(e) => setOrganization(e.target.value)} autoComplete="off" />
        </div>
        <button type="submit" disabled={!name.trim() || add.isPending}>
          Add person
        </button>
        {leave.dialog}
      </form>
      {add.isError ? <ErrorState error={add.error} /> : null}
      <ul>
        {(referrals.data?.items ?? []).map((r) => (
          <li key={r.id}>
            <Link to={`/people/${r.to.id}`}>{r.to.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
