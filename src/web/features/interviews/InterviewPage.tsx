import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { allowedTransitions } from '../../../shared/lifecycle.js';
import { meetingFormats } from '../../../shared/schemas/contacts.js';
import { interviewPurposes, requestChannels, type Interview, type InterviewStatus } from '../../../shared/schemas/interviews.js';
import { api, ApiError } from '../../api/client.js';
import { SelectField, TextArea, TextField } from '../../ui/Field.js';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../ui/format.js';
import { statusLabels } from '../../ui/labels.js';
import { ConfirmDialog } from '../../ui/Modal.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { EmailFindings } from '../coach/EmailFindings.js';
import { InterviewQuestions } from '../questions/InterviewQuestions.js';
import { DebriefCard, ThankYouCard } from './Debrief.js';
import { PrepChecklist } from './PrepChecklist.js';
import { ScheduleDialog } from './ScheduleDialog.js';
import { useTransition } from './useTransition.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { ExplorationsField } from '../explorations/ExplorationsField.js';

const purposeLabels: Record<string, string> = {
  'explore-career': 'Explore a career path',
  'network-into-organization': 'Get to know an organisation',
  'practise-interviewing': 'Practise interviewing',
  'early-job-search': 'Early job search',
};

const nextStepHint: Partial<Record<InterviewStatus, string>> = {
  idea: 'Send a short request that asks for advice, not a job, and for a specific short time.',
  requested: 'No reply after three business days? Approach the next person; after seven, follow up once.',
  scheduled: 'Prepare: the organisation, the person, your pitch and three open questions. No résumé unless asked.',
  held: 'Thank them within 24 hours and write down your takeaways while they are fresh.',
  thanked: 'Keep in touch at the interval they agreed to, with something useful to share.',
};

export function InterviewPage() {
  const { id = '' } = useParams();
  const interview = useQuery({ queryKey: ['interview', id], queryFn: () => api.get<Interview>(`/api/v1/interviews/${id}`) });
  const transition = useTransition();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [requestText, setRequestText] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<Interview>(`/api/v1/interviews/${id}`, body),
    onSuccess: async () => {
      setErrors({});
      setSaved(true);
      await client.invalidateQueries();
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/interviews/${id}`),
    onSuccess: async () => {
      await client.invalidateQueries();
      navigate('/interviews');
    },
  });
  if (interview.isPending) return <Loading what="this interview" />;
  if (interview.isError) return <ErrorState error={interview.error} />;
  const i = interview.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const permission = text('followUpPermission');
    save.mutate({
      purpose: text('purpose') ?? 'explore-career',
      objective: text('objective'),
      format: text('format'),
      venue: text('venue'),
      link: text('link'),
      ...(i.status === 'scheduled' || text('scheduledAt') ? { scheduledAt: fromLocalInput(String(data.get('scheduledAt') ?? '')) } : {}),
      plannedMinutes: Number(data.get('plannedMinutes') ?? 20),
      requestChannel: text('requestChannel'),
      requestMessage: text('requestMessage'),
      notes: text('notes'),
      takeaways: text('takeaways'),
      followUpPermission: permission ? Number(permission) : null,
    });
  };

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
          {['scheduled', 'held'].includes(i.status) ? (
            <Link className="button primary" to={`/interviews/${i.id}/live`}>
              Interview mode
            </Link>
          ) : null}
          {i.scheduledAt ? (
            <a className="button" href={`/api/v1/interviews/${i.id}/calendar.ics`} download>
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
        {nextStepHint[i.status] ? <p>{nextStepHint[i.status]}</p> : null}
        {i.status === 'held' ? <p>Send the thank-you below; recording it marks the interview thanked.</p> : null}
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
      {['held', 'thanked', 'keeping-in-touch'].includes(i.status) || i.live.startedAt ? <DebriefCard key={i.updatedAt} interview={i} /> : null}
      <InterviewQuestions interview={i} />
      <ExplorationsField ids={i.explorationIds} endpoint={`/api/v1/interviews/${i.id}`} what="This conversation" />
      <form key={i.updatedAt} className="card" onSubmit={submit} noValidate aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <div className="row">
          <SelectField label="Purpose" name="purpose" defaultValue={i.purpose} options={interviewPurposes.map((p) => ({ value: p, label: purposeLabels[p] ?? p }))} />
          <SelectField label="Format" name="format" defaultValue={i.format ?? ''} options={[{ value: '', label: 'Not decided' }, ...meetingFormats.map((f) => ({ value: f, label: f }))]} />
        </div>
        <TextArea label="What you want to learn" name="objective" defaultValue={i.objective ?? ''} rows={2} />
        <div className="row">
          <TextField label="Date and time" name="scheduledAt" type="datetime-local" defaultValue={toLocalInput(i.scheduledAt)} error={errors.scheduledAt} />
          <TextField label="Planned minutes" name="plannedMinutes" type="number" min={5} max={240} defaultValue={i.plannedMinutes} error={errors.plannedMinutes} />
        </div>
        <div className="row">
          <TextField label="Place" name="venue" defaultValue={i.venue ?? ''} hint="Arrive on time, but no more than 15 minutes early." />
          <TextField label="Video link" name="link" type="url" defaultValue={i.link ?? ''} error={errors.link} />
        </div>
        <div className="row">
          <SelectField label="Request sent by" name="requestChannel" defaultValue={i.requestChannel ?? ''} options={[{ value: '', label: 'Not sent yet' }, ...requestChannels.map((c) => ({ value: c, label: c }))]} />
          <TextField
            label="Check in every (days)"
            name="followUpPermission"
            type="number"
            min={1}
            defaultValue={i.followUpPermission ?? ''}
            hint="The interval they agreed to; leave empty if they did not say."
            error={errors.followUpPermission}
          />
        </div>
        <TextArea
          label="Request message"
          name="requestMessage"
          defaultValue={i.requestMessage ?? ''}
          rows={6}
          onChange={(e) => setRequestText(e.target.value)}
          hint="Checked as you type: short, about them, how you know them, advice not a job, and a specific short time."
        />
        <EmailFindings id="request-findings" text={requestText ?? i.requestMessage ?? ''} />
        <TextArea label="Notes" name="notes" defaultValue={i.notes ?? ''} rows={6} />
        <TextArea label="Takeaways" name="takeaways" defaultValue={i.takeaways ?? ''} rows={3} hint="What you learned, and what you will do about it." />
        {save.isError && Object.keys(errors).length === 0 ? <ErrorState error={save.error} /> : null}
        <SaveActions label="Save details" pending={save.isPending} saved={saved} />
      </form>
      {scheduling ? (
        <ScheduleDialog
          name={i.contact.name}
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
    </section>
  );
}
