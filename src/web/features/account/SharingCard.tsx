import { useState, type FormEvent } from 'react';
import type { Grant, GrantScope } from '../../../shared/schemas/accounts.js';
import { ApiError } from '../../api/client.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formatDate } from '../../ui/format.js';
import { ExplorerView, NotesList } from '../coaching/ExplorerView.js';
import { useShare, useSharing, useSharingPreview, useStopSharing } from './account.api.js';
import './consent.css';

export const scopeLabels: Record<GrantScope, string> = {
  progress: 'Progress only',
  notes: 'Progress and my notes',
};
const scopeHints: Record<GrantScope, string> = {
  progress: 'Counts, what is due and the state of each conversation.',
  notes: 'Progress, and your notes from each conversation: what people told you.',
};

const seen = (g: Pick<Grant, 'scope' | 'showNames'>) => `${g.scope === 'notes' ? 'Progress and notes' : 'Progress only'}, ${g.showNames ? 'with names' : 'without names'}`;

/** The coach's page, drawn from one's own data with the choices in the form: exactly what they will see. */
function SharingPreview({ scope, showNames }: { scope: GrantScope; showNames: boolean }) {
  const preview = useSharingPreview(scope, showNames);
  return (
    <section className="sharing-preview" aria-labelledby="sharing-preview-heading" aria-busy={preview.isFetching}>
      <h3 id="sharing-preview-heading">What your coach will see</h3>
      <p className="muted">
        This is their page, made from your data with the choices above. {showNames ? '' : 'Names of people and organisations are replaced by labels, in your notes too; anything else you wrote is shown as written.'}
      </p>
      {preview.isPending ? <Loading what="the preview" /> : null}
      {preview.isError ? <ErrorState error={preview.error} retry={() => void preview.refetch()} /> : null}
      {preview.data ? (
        <div className="sharing-preview-frame">
          <ExplorerView progress={preview.data.progress} notes={preview.data.notes ? <NotesList notes={preview.data.notes} level={5} /> : null} level={3} idPrefix="preview-" />
        </div>
      ) : null}
    </section>
  );
}

/** Sharing one's progress with a coach: whom, what, whether names come with it, and a preview of exactly that. */
export function SharingCard() {
  const grants = useSharing();
  const [coachEmail, setCoachEmail] = useState('');
  const [scope, setScope] = useState<GrantScope>('progress');
  const [showNames, setShowNames] = useState(false);
  const share = useShare(() => setCoachEmail(''));
  const stop = useStopSharing();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    share.mutate({ coachEmail, scope, showNames });
  };
  const error = share.error instanceof ApiError ? share.error.message : undefined;
  return (
    <section className="card" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Share with a coach</h2>
      <p>
        A careers adviser can follow your progress and help you get unstuck. You choose what they see, and you can stop sharing at any time; it takes effect
        immediately. Every time they look, it shows in “Who has looked” below.
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
                seen(g),
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
          <TextField
            label="Coach’s email"
            type="email"
            required
            value={coachEmail}
            onChange={(e) => setCoachEmail(e.target.value)}
            error={error}
            hint="Sharing again with the same coach changes what they see."
          />
          <SelectField
            label="What they see"
            hint={scopeHints[scope]}
            value={scope}
            onChange={(e) => setScope(e.target.value as GrantScope)}
            options={Object.entries(scopeLabels).map(([value, label]) => ({ value, label }))} />
        </div>
        <label className="checklist-item">
          <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} />
          Also show the names of the people and organisations
        </label>
        <SharingPreview scope={scope} showNames={showNames} />
        <SaveActions label="Share" pending={share.isPending} saved={share.isSuccess} savedText="Shared." />
      </form>
    </section>
  );
}
