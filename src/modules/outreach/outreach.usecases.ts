import { AppError, validationError } from '../../shared/errors.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import type { RequestDraft, RequestDraftInput, RequestSentInput } from '../../shared/schemas/outreach.js';
import { setAgendaItemState } from '../followups/followups.usecases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { createInterview, transitionInterview, updateInterview } from '../interviews/interviews.usecases.js';
import { assertContact, now, required } from '../references.js';
import type { AppContext } from '../repositories.js';
import { pickTemplate, previewTemplate } from '../templates/templates.usecases.js';

const newestFirst = (a: Interview, b: Interview) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/**
 * The exploration a request to this person is about, when the caller did not say:
 * the one of their latest interview, else one their organisation belongs to (an
 * active one first), else the newest active exploration.
 */
async function defaultExploration(ctx: AppContext, contactId: string, interviews: Interview[]): Promise<string | null> {
  const fromInterview = [...interviews].sort(newestFirst).flatMap((i) => i.explorationIds)[0];
  if (fromInterview) return fromInterview;
  const contact = required(await ctx.repos.contacts.get(contactId), 'contacts', contactId);
  const organization = contact.organization ? await ctx.repos.organizations.get(contact.organization.id) : undefined;
  const linked = await Promise.all((organization?.explorationIds ?? []).map((id) => ctx.repos.explorations.get(id)));
  const fromOrganization = linked.filter((e) => e !== undefined).sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'))[0];
  if (fromOrganization) return fromOrganization.id;
  const active = await ctx.repos.explorations.list({ status: ['active'] }, { field: 'createdAt', direction: 'desc' }, { limit: 1, offset: 0 });
  return active.items[0]?.id ?? null;
}

/** The idea interview a request for this person and exploration belongs to, if there is one. */
function ideaFor(interviews: Interview[], explorationId: string | null): Interview | undefined {
  return [...interviews]
    .sort(newestFirst)
    .find((i) => i.status === 'idea' && (explorationId ? i.explorationIds.includes(explorationId) : i.explorationIds.length === 0));
}

async function interviewOfContact(ctx: AppContext, interviewId: string, contactId: string): Promise<Interview> {
  const interview = await ctx.repos.interviews.get(interviewId);
  if (!interview || interview.contactId !== contactId) throw validationError([{ field: 'interviewId', message: `no interview with id ${interviewId} for this person` }]);
  return interview;
}

/**
 * A request for a conversation, drafted from the user's own request template and
 * filled in for this person and exploration. Fields nothing can fill stay visible
 * as [placeholders], which the email checker flags as `unfilled-placeholder`.
 */
export async function draftRequest({ ctx, input }: { ctx: AppContext; input: RequestDraftInput }): Promise<RequestDraft> {
  await assertContact(ctx, 'contactId', input.contactId);
  const contact = required(await ctx.repos.contacts.get(input.contactId), 'contacts', input.contactId);
  const interviews = await ctx.repos.interviews.forContact(input.contactId);
  const interview = input.interviewId ? await interviewOfContact(ctx, input.interviewId, input.contactId) : undefined;
  const explorationId =
    input.explorationId !== undefined ? input.explorationId : (interview?.explorationIds[0] ?? (await defaultExploration(ctx, input.contactId, interviews)));
  const exploration = explorationId ? await ctx.repos.explorations.get(explorationId) : undefined;
  if (explorationId && !exploration) throw validationError([{ field: 'explorationId', message: `no exploration with id ${explorationId}` }]);
  const template = await pickTemplate(ctx, 'request', 'email');
  const fallback = {
    subject: 'A question about your work at {{organization.name}}',
    body: 'Hi {{contact.givenName}},\n\n{{connection}}. I am exploring {{exploration.title}}. Would you have 20 minutes in the next couple of weeks for a short call? I am looking for advice, not a job.\n\nThank you,\n{{profile.name}}',
  };
  const filled = await previewTemplate({
    ctx,
    contactId: contact.id,
    explorationId: exploration?.id ?? null,
    ...(template ? { templateId: template.id } : fallback),
  });
  const target = interview ?? ideaFor(interviews, exploration?.id ?? null);
  return {
    subject: filled.subject,
    body: filled.body,
    templateId: template?.id ?? null,
    contact: { id: contact.id, name: contact.name, email: contact.emails[0]?.value ?? null },
    exploration: exploration ? { id: exploration.id, name: exploration.title } : null,
    interviewId: target?.id ?? null,
  };
}

/**
 * "I sent it": in one transaction, the idea interview for this person and
 * exploration (made first when there is none) moves to requested at that moment,
 * keeps the message as its request, and the email goes on the person's timeline.
 */
export async function recordRequestSent({ ctx, input }: { ctx: AppContext; input: RequestSentInput }): Promise<{ interview: Interview; createdInterview: boolean }> {
  return ctx.transaction(async (tx) => {
    await assertContact(tx, 'contactId', input.contactId);
    const at = input.at ? new Date(input.at).toISOString() : now(tx);
    const interviews = await tx.repos.interviews.forContact(input.contactId);
    let interview = input.interviewId ? await interviewOfContact(tx, input.interviewId, input.contactId) : undefined;
    const explorationId = input.explorationId !== undefined ? input.explorationId : (interview?.explorationIds[0] ?? (await defaultExploration(tx, input.contactId, interviews)));
    interview ??= ideaFor(interviews, explorationId);
    if (interview && interview.status !== 'idea') {
      throw new AppError('outreach.already_requested', 409, `This conversation is already ${interview.status}: its request was recorded before.`, { status: interview.status });
    }
    let createdInterview = false;
    if (!interview) {
      // A second "I sent it" (a double click, another tab) must not open a second conversation.
      const open = interviews.find((i) => ['requested', 'no-reply', 'scheduled'].includes(i.status) && (explorationId ? i.explorationIds.includes(explorationId) : i.explorationIds.length === 0));
      if (open) {
        throw new AppError('outreach.already_requested', 409, `You already asked ${open.contact.name} for this exploration (the conversation is ${open.status}).`, { interviewId: open.id, status: open.status });
      }
      interview = (await createInterview({ ctx: tx, input: { contactId: input.contactId, explorationIds: explorationId ? [explorationId] : [], purpose: 'explore-career', plannedMinutes: 20, status: 'idea' } })).interview;
      createdInterview = true;
    }
    const subject = input.subject?.trim() || null;
    const message = subject ? `Subject: ${subject}\n\n${input.body}` : input.body;
    await updateInterview({ ctx: tx, id: interview.id, input: { requestMessage: message, requestChannel: 'email' } });
    const moved = await transitionInterview({ ctx: tx, id: interview.id, input: { to: 'requested', at } });
    await createInteraction({ ctx: tx, input: { contactId: input.contactId, interviewId: interview.id, kind: 'email-sent', occurredAt: at, summary: message } });
    if (input.settlesAgendaItem) await setAgendaItemState({ ctx: tx, key: input.settlesAgendaItem, state: 'done' });
    return { interview: required(await tx.repos.interviews.get(moved.interview.id), 'interviews', interview.id), createdInterview };
  });
}
