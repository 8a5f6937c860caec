import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { statusLabels } from '../../ui/labels.js';
import { Modal } from '../../ui/Modal.js';
import { ErrorState } from '../../ui/States.js';
import { openStatuses, usePlanInterview } from './interviews.api.js';

/**
 * An interview still open with this person for the same exploration (or for none, when
 * the new one names none): planning another would most likely be a duplicate.
 */
export function openDuplicate(existing: Interview[], explorationIds: string[] | undefined): Interview | undefined {
  return existing.find(
    (i) => openStatuses.includes(i.status) && (!explorationIds?.length || i.explorationIds.length === 0 || i.explorationIds.some((e) => explorationIds.includes(e))),
  );
}

const article = (status: Interview['status']) => (/^[aeiou]/i.test(statusLabels[status]) ? 'an' : 'a');

/**
 * "Plan an interview" with a person: makes the idea and opens it. When one is already
 * open with them for the same exploration, it asks first: open that one, or plan another.
 */
export function PlanInterviewButton({ contactId, contactName, explorationIds, className = 'primary' }: { contactId: string; contactName: string; explorationIds?: string[]; className?: string }) {
  const navigate = useNavigate();
  const [duplicate, setDuplicate] = useState<Interview | null>(null);
  const { check, create } = usePlanInterview(contactId, explorationIds, async (interview) => {
    setDuplicate(null);
    await navigate(`/interviews/${interview.id}`);
  });
  const plan = () => create.mutate();
  const start = () =>
    check.mutate(undefined, {
      onSuccess: (page) => {
        const found = openDuplicate(page.items, explorationIds);
        if (found) setDuplicate(found);
        else plan();
      },
    });
  const busy = check.isPending || create.isPending;
  return (
    <>
      <button type="button" className={className} onClick={start} disabled={busy}>
        Plan an interview
      </button>
      {/* While the question is open, a failure shows in it; otherwise beside the button. */}
      {(check.isError || create.isError) && !duplicate ? <ErrorState error={check.error ?? create.error} /> : null}
      {duplicate ? (
        <Modal title={`You already have an interview planned with ${contactName}`} isOpen onClose={() => setDuplicate(null)}>
          <p>
            There is already {article(duplicate.status)} {statusLabels[duplicate.status].toLowerCase()} interview with {contactName}
            {duplicate.objective ? ` (“${duplicate.objective}”)` : ''}. Open it, or plan another one anyway?
          </p>
          {create.isError ? <ErrorState error={create.error} /> : null}
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={() => void navigate(`/interviews/${duplicate.id}`)}>
              Open the {statusLabels[duplicate.status].toLowerCase()} interview
            </button>
            <button type="button" onClick={plan} disabled={create.isPending}>
              Plan another
            </button>
            <button type="button" onClick={() => setDuplicate(null)}>
              Cancel
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
