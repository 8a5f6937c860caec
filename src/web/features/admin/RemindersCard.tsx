import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { Modal } from '../../ui/Modal.js';
import { formatDateTime } from '../../ui/format.js';
import { roundSummary, triggerLabels } from './reminder-summary.js';
import { useReminderRounds, useRunReminders } from './reminders.api.js';

/** The Administration page's morning reminders: send a round now, see how it went and what the last rounds did. */
export function RemindersCard() {
  const run = useRunReminders();
  const rounds = useReminderRounds();
  const [confirming, setConfirming] = useState(false);
  const startedId = run.data?.round.id;
  const started = rounds.data?.items.find((r) => r.id === startedId) ?? run.data?.round;
  const summary = started ? roundSummary(started) : null;
  const earlier = (rounds.data?.items ?? []).filter((r) => r.id !== startedId);
  const send = (anyway: boolean) => {
    setConfirming(false);
    run.mutate(anyway);
  };
  return (
    <section className="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Morning reminders</h2>
      <p>
        People who ask for it on their Account page get one email each morning with what is due, after 07:00 where they are. Sending today’s round now
        is safe: nobody gets a second email the same day, and anyone for whom it is not yet 07:00 gets theirs in their normal round.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => send(false)} disabled={run.isPending || (started !== undefined && started.finishedAt === null)}>
          Send today’s reminders
        </button>
        <button type="button" onClick={() => setConfirming(true)} disabled={run.isPending}>
          Send now anyway…
        </button>
      </div>
      <div role="status" aria-live="polite">
        {summary ? (
          <>
            <p>
              <strong>{summary.headline}</strong>
            </p>
            {summary.reasons.length > 0 ? (
              <ul>
                {summary.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      {run.error ? (
        <div className="alert" role="alert">
          {run.error instanceof ApiError ? run.error.message : 'That did not work.'}
        </div>
      ) : null}
      {earlier.length > 0 ? (
        <>
          <h3>Last rounds</h3>
          <ul className="reminder-rounds">
            {earlier.map((round) => (
              <li key={round.id}>
                {formatDateTime(round.startedAt)}, {triggerLabels[round.trigger]}: {roundSummary(round).headline}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Modal title="Send now, whatever the hour?" isOpen={confirming} onClose={() => setConfirming(false)}>
        <p>
          Everyone with something due gets today’s email at once, even where it is still night or early morning. It still counts as their one email
          today: they get no second one after 07:00.
        </p>
        <div className="actions">
          <button type="button" className="danger" onClick={() => send(true)}>
            Send to everyone now
          </button>
          <button type="button" onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </button>
        </div>
      </Modal>
    </section>
  );
}
