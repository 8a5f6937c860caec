import { useState } from 'react';
import { TODAY_FIRST_ITEMS } from '../../../shared/vocabulary/first-requests.js';
import { Link } from 'react-router';
import type { Agenda, AgendaItem } from '../../../shared/schemas/agenda.js';
import { formatDateTime, relative } from '../../ui/format.js';
import { kindLabels } from '../../ui/labels.js';
import { Modal } from '../../ui/Modal.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { useUnsavedChanges } from '../../ui/unsaved.js';
import { EmailFindings } from '../coach/EmailFindings.js';
import { interactionKindFor } from './drafts.js';
import { useDraftRequestDialog, type DraftRequestProps } from '../outreach/DraftRequest.js';
import { unfilledPlaceholders } from '../../../shared/placeholders.js';
import { WeekCard } from '../week/WeekCard.js';
import { EmlDrop } from '../mail/EmlDrop.js';
import { MailItemActions, MailItemDetails } from '../mail/MailAgendaItem.js';
import { announceMail, isSendable, MailNotice, SendFromMailbox } from '../mail/SendFromMailbox.js';
import { useAgenda, useAgendaActions, useAgendaDraft, useAnyoneAdded, useFetchInterview, useLogSentMessage } from './today.api.js';

type GroupId = 'overdue' | 'today' | 'week';

/** The agenda's three groups; `total` counts every item of the group, shown or not. */
function groups({ items, at, todayEndsAt, totals }: Agenda): Array<{ id: GroupId; title: string; items: AgendaItem[]; total: number }> {
  return [
    { id: 'overdue', title: 'Overdue', items: items.filter((i) => i.due < at), total: totals.overdue },
    { id: 'today', title: 'Today', items: items.filter((i) => i.due >= at && i.due < todayEndsAt), total: totals.today },
    { id: 'week', title: 'This week', items: items.filter((i) => i.due >= todayEndsAt), total: totals.later },
  ];
}

function DraftDialog({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  // A follow-up goes to the person first asked, never to someone suggested instead.
  const contactId = item.kind === 'follow-up' ? item.contactId : (item.suggestedContactId ?? item.contactId);
  // Drafted on the server from your own templates, filled in for this person.
  const draftQuery = useAgendaDraft(item.key, {
    kind: item.kind,
    ...(contactId ? { contactId } : {}),
    ...(item.interviewId && contactId === item.contactId ? { interviewId: item.interviewId } : {}),
  });
  const draft = draftQuery.data ?? { subject: '', body: '' };
  const [body, setBody] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [warned, setWarned] = useState(false);
  const kind = interactionKindFor[item.kind];
  const log = useLogSentMessage(item, onClose);
  const logIt = () => {
    if (!contactId || !kind) return log.mutate(null);
    if (item.kind === 'thank-you' && item.interviewId) {
      // Marks the interview thanked and logs the thank-you, together.
      log.mutate({ thankYou: { interviewId: item.interviewId, format: item.suggestedFormat ?? 'email', message: body ?? draft.body } });
      return;
    }
    log.mutate({
      interaction: {
        contactId,
        ...(item.interviewId && contactId === item.contactId ? { interviewId: item.interviewId } : {}),
        kind,
        // The message itself goes on the timeline, not only its subject.
        summary: [draft.subject?.trim(), (body ?? draft.body).trim()].filter(Boolean).join('\n\n') || (kindLabels[item.kind] ?? ''),
      },
    });
  };
  const text = body ?? draft.body;
  // The draft as changed by the user, until it is logged.
  const edited = body !== null && body !== draft.body && !log.isSuccess;
  const leave = useUnsavedChanges(edited);
  const blanks = unfilledPlaceholders(`${draft.subject ?? ''}\n${text}`);
  return (
    <Modal title={item.title} isOpen onClose={onClose} dirty={edited}>
      <p className="muted">{item.action}</p>
      {item.suggestedFormat === 'handwritten' ? <p className="notice">A handwritten card is suggested: use this draft as your note.</p> : null}
      {draftQuery.isError ? <ErrorState error={draftQuery.error} /> : null}
      {draft.subject !== null ? (
        <div className="field">
          <label htmlFor="draft-subject">Subject</label>
          <input id="draft-subject" readOnly value={draft.subject} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="draft-body">Message</label>
        <textarea id="draft-body" rows={9} value={text} onChange={(e) => setBody(e.target.value)} aria-describedby="draft-findings" />
      </div>
      {item.kind === 'reach-next' || item.kind === 'contact-referral' || item.kind === 'follow-up' ? (
        <EmailFindings id="draft-findings" text={`Subject: ${draft.subject ?? ''}\n\n${text}`} editor={{ id: 'draft-body', offset: `Subject: ${draft.subject ?? ''}\n\n`.length }} />
      ) : null}
      {warned && blanks.length ? (
        <p role="alert" className="alert">
          This draft still has {blanks.length === 1 ? 'a blank' : `${blanks.length} blanks`} to fill in: {blanks.map((b) => `“${b}”`).join(', ')}. Fill{' '}
          {blanks.length === 1 ? 'it' : 'them'} in first, or press Copy anyway.
        </p>
      ) : null}
      {log.isError ? <ErrorState error={log.error} /> : null}
      {contactId && isSendable(item.kind) && item.suggestedFormat !== 'handwritten' ? (
        <SendFromMailbox
          input={{
            kind: item.kind,
            contactId,
            ...(item.interviewId && contactId === item.contactId ? { interviewId: item.interviewId } : {}),
            subject: draft.subject,
            body: text,
            settlesAgendaItem: item.key,
          }}
          blanks={blanks}
          onSent={(_, notice) => {
            announceMail(notice);
            onClose();
          }}
        />
      ) : null}
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            if (blanks.length && !warned) return setWarned(true);
            setWarned(false);
            void navigator.clipboard?.writeText(draft.subject ? `${draft.subject}\n\n${text}` : text).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : warned ? 'Copy anyway' : 'Copy'}
        </button>
        {kind ? (
          <button type="button" className="primary" onClick={logIt} disabled={log.isPending}>
            {item.kind === 'thank-you' ? 'I sent it — log the thank-you' : 'I sent it — log it'}
          </button>
        ) : null}
        <button type="button" onClick={() => leave.confirm(onClose)}>
          Close
        </button>
      </div>
      {leave.dialog}
    </Modal>
  );
}

/**
 * Reach-next: a request to the suggested next person at the organisation, about the
 * same exploration as the unanswered one; "I sent it" creates their interview and
 * settles the item. The dialog lives on the page, as the item goes once it is done.
 */
function useReachNextDraft(openDraft: (props: Omit<DraftRequestProps, 'onClose'>) => void) {
  const fetchInterview = useFetchInterview();
  return async (item: AgendaItem) => {
    if (!item.suggestedContactId) return;
    const original = item.interviewId ? await fetchInterview(item.interviewId) : null;
    openDraft({ contactId: item.suggestedContactId, explorationId: original?.explorationIds[0], settlesAgendaItem: item.key });
  };
}

function AgendaRow({ item, at, draftRequest }: { item: AgendaItem; at: string; draftRequest: (item: AgendaItem) => Promise<void> }) {
  const { setState } = useAgendaActions();
  const [drafting, setDrafting] = useState(false);
  const dayAfter = new Date(new Date(at).getTime() + 86_400_000).toISOString();
  const weekAfter = new Date(new Date(at).getTime() + 7 * 86_400_000).toISOString();
  return (
    <li className="agenda-item" aria-labelledby={`item-${item.key}`}>
      <div className="when">
        <span className={item.overdue ? 'overdue' : undefined}>{relative(item.due, new Date(at).getTime())}</span>
        <br />
        <span className="badge">{kindLabels[item.kind]}</span>
      </div>
      <div>
        <h3 id={`item-${item.key}`}>{item.title}</h3>
        <p>{item.reason}</p>
        <MailItemDetails item={item} />
        <p>
          <strong>Next:</strong> {item.action}
        </p>
        <p className="actions">
          {item.contactId ? <Link to={`/people/${item.contactId}`}>Open person</Link> : null}
          {item.suggestedContactId ? <Link to={`/people/${item.suggestedContactId}`}>Open suggested person</Link> : null}
          {item.interviewId ? <Link to={`/interviews/${item.interviewId}`}>Open interview</Link> : null}
          <span className="visually-hidden">Due {formatDateTime(item.due)}</span>
        </p>
        <div className="actions item-actions" role="group" aria-label={`Actions for: ${item.title}`}>
          {item.kind === 'reach-next' ? (
            item.suggestedContactId ? (
              <button type="button" className="primary" onClick={() => void draftRequest(item)}>
                Draft request
              </button>
            ) : (
              <Link className="button primary" to={item.organizationId ? `/next?organization=${item.organizationId}` : '/next'}>
                See whom else to ask
              </Link>
            )
          ) : interactionKindFor[item.kind] ? (
            <button type="button" className="primary" onClick={() => setDrafting(true)}>
              Draft message
            </button>
          ) : null}
          <MailItemActions item={item} />
          <button type="button" onClick={() => setState.mutate({ key: item.key, state: 'done' })}>
            Done
          </button>
          <button type="button" onClick={() => setState.mutate({ key: item.key, state: 'snoozed', until: dayAfter })}>
            Snooze a day
          </button>
          <button type="button" onClick={() => setState.mutate({ key: item.key, state: 'snoozed', until: weekAfter })}>
            Snooze a week
          </button>
          <button type="button" onClick={() => setState.mutate({ key: item.key, state: 'dismissed' })}>
            Dismiss
          </button>
        </div>
        {setState.isError ? <ErrorState error={setState.error} /> : null}
      </div>
      {drafting ? <DraftDialog item={item} onClose={() => setDrafting(false)} /> : null}
    </li>
  );
}

/**
 * How many items of a group are shown before "Show more": a long backlog stays readable, and the
 * server sends only what is shown (with each group's total), so the page stays quick.
 */
const SHOWN_AT_FIRST = TODAY_FIRST_ITEMS;
const MORE = SHOWN_AT_FIRST * 4;

function AgendaGroup({
  group,
  shown,
  onMore,
  at,
  draftRequest,
}: {
  group: ReturnType<typeof groups>[number];
  shown: number;
  onMore: () => void;
  at: string;
  draftRequest: Parameters<typeof AgendaRow>[0]['draftRequest'];
}) {
  const more = group.total - Math.min(shown, group.items.length);
  return (
    <section className="card agenda-group" aria-labelledby={`group-${group.id}`}>
      <h2 id={`group-${group.id}`}>
        {group.title} <span className="badge">{group.total}</span>
      </h2>
      <ul className="plain-list">
        {group.items.slice(0, shown).map((item) => (
          <AgendaRow key={item.key} item={item} at={at} draftRequest={draftRequest} />
        ))}
      </ul>
      {more > 0 ? (
        <p>
          <button type="button" onClick={onMore}>
            Show {Math.min(more, MORE)} more of {group.total}
          </button>
        </p>
      ) : null}
    </section>
  );
}

export function TodayPage() {
  const [shown, setShown] = useState<Record<GroupId, number>>({ overdue: SHOWN_AT_FIRST, today: SHOWN_AT_FIRST, week: SHOWN_AT_FIRST });
  const agenda = useAgenda(Math.max(shown.overdue, shown.today, shown.week));
  const requestDialog = useDraftRequestDialog();
  const draftRequest = useReachNextDraft(requestDialog.open);
  const quiet = agenda.data?.items.length === 0;
  // With nobody added yet, the next step is adding people, not choosing among them.
  const anyone = useAnyoneAdded(quiet);
  const nobody = anyone.data?.total === 0;
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Today</h1>
          <p>Whom to thank, chase, prepare for and check in with.</p>
        </div>
      </div>
      <MailNotice />
      <WeekCard />
      {agenda.isPending ? <Loading what="your agenda" /> : null}
      {agenda.isError ? <ErrorState error={agenda.error} retry={() => void agenda.refetch()} /> : null}
      {agenda.data && agenda.data.items.length === 0 ? (
        <div className="card">
          <Empty title="Nothing due this week">
            {!anyone.data ? null : nobody ? (
              <>
                <p>Start with people you already know — family, friends, classmates, former colleagues. Inroads then ranks whom to ask first, with the reasons.</p>
                <p>
                  <Link className="button primary" to="/people">
                    Next: add the people you know
                  </Link>
                </p>
              </>
            ) : (
              <>
                <p>The people worth asking first are ranked for you, with the reasons. Pick one and send a short request.</p>
                <p>
                  <Link className="button primary" to="/next">
                    Next: choose whom to ask
                  </Link>
                </p>
              </>
            )}
            {nobody ? null : (
              <p className="muted">
                A quiet moment is also a good one to <Link to="/people">add people</Link> or plan your next request on the{' '}
                <Link to="/interviews">interview board</Link>.
              </p>
            )}
          </Empty>
        </div>
      ) : null}
      {agenda.data
        ? groups(agenda.data).map((group) =>
            group.total === 0 ? null : (
              <AgendaGroup
                key={group.id}
                group={group}
                shown={shown[group.id]}
                onMore={() => setShown((now) => ({ ...now, [group.id]: now[group.id] + MORE }))}
                at={agenda.data.at}
                draftRequest={draftRequest}
              />
            )
          )
        : null}
      <section className="card" aria-labelledby="eml-heading">
        <h2 id="eml-heading">Add emails</h2>
        <EmlDrop />
      </section>
      {requestDialog.dialog}
    </section>
  );
}
