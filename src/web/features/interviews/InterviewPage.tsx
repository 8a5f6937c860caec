import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { allowedTransitions } from '../../../shared/lifecycle.js';
import type { InterviewStatus } from '../../../shared/schemas/interviews.js';
import { formatDateTime } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';
import { ConfirmDialog } from '../../ui/Modal.js';
import { useUndoableDelete } from '../../ui/undo.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { InterviewQuestions } from '../questions/InterviewQuestions.js';
import { DebriefCard, ThankYouCard } from './Debrief.js';
import { LeadList } from '../leads/LeadList.js';
import { InterviewDetails } from './InterviewDetails.js';
import { InterviewGone } from './InterviewGone.js';
import { deleteInterview, interviewCalendarUrl, isMissing, updateInterview, offersInterviewMode, useInterview, useInterviewNotes, useTransition } from './interviews.api.js';
import { NoteList } from './NoteList.js';
import { PrepChecklist } from './PrepChecklist.js';
import { ScheduleDialog } from './ScheduleDialog.js';
import { useDraftRequestDialog } from '../outreach/DraftRequest.js';
import { ExplorationsField } from '../explorations/ExplorationsField.js';

const nextStepHint: Partial<Record<InterviewStatus, string>> = {
  idea: 'Send a short request that asks for advice, not a job, and for a specific short time.',
  requested: 'No reply after three business days? Approach the next person; after seven, follow up once.',
  scheduled: 'Prepare: the organisation, the person, your pitch and three open questions. No résumé unless asked.',
  held: 'Thank them within 24 hours and write down your takeaways while they are fresh.',
  thanked: 'Keep in touch at the interval they agreed to, with something useful to share.',
};

/** Notes taken in interview mode, to read again and correct after the conversation. */
function ConversationNotes({ interviewId }: { interviewId: string }) {
  const notes = useInterviewNotes(interviewId);
  const items = (notes.data?.items ?? []).filter((n) => n.body.trim());
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="conversation-notes-heading">
      <h2 id="conversation-notes-heading">Notes from the conversation</h2>
      <NoteList interviewId={interviewId} notes={items} className="im-note-list" />
    </section>
  );
}

export function InterviewPage() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const transition = useTransition();
  const navigate = useNavigate();
  const [scheduling, setScheduling] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Kept at page level, not in the idea-only block: the dialog stays to confirm once the interview is requested.
  const requestDialog = useDraftRequestDialog();
  // Deleting can be undone for a while (the Undo offer appears on the board).
  const remove = useUndoableDelete({
    request: () => deleteInterview(id),
    label: `The interview with ${interview.data?.contact.name ?? 'them'}`,
    restoredPath: `/interviews/${id}`,
    homePath: '/interviews',
    onDeleted: () => navigate('/interviews', { state: { notice: `The interview with ${interview.data?.contact.name ?? 'them'} was deleted.` } }),
  });
  if (interview.isPending) return <Loading what="this interview" />;
  if (interview.isError) return isMissing(interview.error) ? <InterviewGone /> : <ErrorState error={interview.error} retry={() => void interview.refetch()} />;
  const i = interview.data;

  const moveTo = (to: InterviewStatus) => {
    if (to === 'scheduled' && !i.scheduledAt) return setScheduling(true);
    transition.mutate({ id, to });
  };
  // A held interview is thanked from the thank-you card below, which drafts the message too.
  const moves = allowedTransitions[i.status].filter((to) => !(i.status === 'held' && to === 'thanked'));
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Interview with {i.contact.name}</h1>
          <p>
            <Link to={`/people/${i.contact.id}`}>{i.contact.name}</Link>
            {i.organization ? (
              <>
                {' at '}
                <Link to={`/organizations/${i.organization.id}`}>{i.organization.name}</Link>
              </>
            ) : null}{' '}
            · <span className="badge accent">{statusLabels[i.status]}</span>
          </p>
        </div>
        <div className="actions">
          {offersInterviewMode(i.status) ? (
            <Link className="button primary" to={`/interviews/${i.id}/live`}>
              Interview mode
            </Link>
          ) : null}
          {i.scheduledAt ? (
            <a className="button" href={interviewCalendarUrl(i.id)} download>
              Add to calendar
            </a>
          ) : null}
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete
          </button>
        </div>
      </div>
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">Where it stands</h2>
        {i.status === 'requested' && i.repliedAt ? <p>They replied: agree a time, then mark the conversation scheduled.</p> : nextStepHint[i.status] ? <p>{nextStepHint[i.status]}</p> : null}
        {i.status === 'held' ? <p>Send the thank-you below; recording it marks the interview thanked.</p> : null}
        {i.status === 'idea' ? (
          <p className="actions">
            <button type="button" className="primary" onClick={() => requestDialog.open({ contactId: i.contact.id, interviewId: i.id })}>
              Draft request
            </button>
          </p>
        ) : null}
        {requestDialog.dialog}
        {moves.length ? (
          <div className="actions" role="group" aria-label="Move this interview">
            {moves.map((to) => (
              <button key={to} type="button" onClick={() => moveTo(to)} disabled={transition.isPending}>
                Mark as {statusLabels[to].toLowerCase()}
              </button>
            ))}
          </div>
        ) : i.status === 'held' ? null : (
          <p className="muted">“{statusLabels[i.status]}” is a final state.</p>
        )}
        {transition.isError ? <ErrorState error={transition.error} /> : null}
        <dl className="facts">
          {i.requestedAt ? (
            <>
              <dt>Requested</dt>
              <dd>{formatDateTime(i.requestedAt)}</dd>
            </>
          ) : null}
          {i.repliedAt ? (
            <>
              <dt>Replied</dt>
              <dd>{formatDateTime(i.repliedAt)}</dd>
            </>
          ) : null}
          {i.heldAt ? (
            <>
              <dt>Held</dt>
              <dd>{formatDateTime(i.heldAt)}</dd>
            </>
          ) : null}
          {i.thankedAt ? (
            <>
              <dt>Thanked</dt>
              <dd>
                {formatDateTime(i.thankedAt)} ({i.thankYouFormat})
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      {['idea', 'requested', 'scheduled', 'no-reply'].includes(i.status) ? <PrepChecklist interview={i} /> : null}
      {i.status === 'held' ? <ThankYouCard interview={i} /> : null}
      {['held', 'thanked', 'keeping-in-touch'].includes(i.status) || i.live.startedAt ? <DebriefCard key={i.id} interview={i} /> : null}
      {['held', 'thanked', 'keeping-in-touch'].includes(i.status) || i.live.startedAt ? (
        <LeadList filters={{ interviewId: i.id }} title="Leads heard in this conversation" empty="Nothing noted yet. Did they mention a role, a project or someone to meet?" newLead={{ interviewId: i.id }} showOrigin={false} />
      ) : null}
      <InterviewQuestions interview={i} />
      <ExplorationsField ids={i.explorationIds} save={(explorationIds) => updateInterview(i.id, { explorationIds })} what="This conversation" />
      <ConversationNotes interviewId={i.id} />
      <InterviewDetails interview={i} />
      {scheduling ? (
        <ScheduleDialog
          name={i.contact.name}
          contactId={i.contact.id}
          onClose={() => setScheduling(false)}
          onSchedule={(scheduledAt) => {
            transition.mutate({ id, to: 'scheduled', scheduledAt });
            setScheduling(false);
          }}
        />
      ) : null}
      <ConfirmDialog
        title="Delete this interview?"
        message="Its notes and takeaways go with it. Interactions logged against it stay on the person's timeline."
        confirmLabel="Delete interview"
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
      />
      {remove.isError ? <ErrorState error={remove.error} /> : null}
    </section>
  );
}
