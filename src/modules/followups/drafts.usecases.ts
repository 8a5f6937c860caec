import type { AgendaKind } from '../../shared/schemas/agenda.js';
import type { Template } from '../../shared/schemas/templates.js';
import { thankYouDraft } from '../conversation/conversation.usecases.js';
import { now, required } from '../references.js';
import type { AppContext } from '../repositories.js';
import { pickTemplate, previewTemplate } from '../templates/templates.usecases.js';
import { dayMonth, mentionFirstRequest } from './drafts.rules.js';

/** Which of the user's templates serves each agenda item that calls for a message. */
const TEMPLATE_FOR: Partial<Record<AgendaKind, Template['kind']>> = {
  'thank-you': 'thank-you',
  'follow-up': 'follow-up',
  'check-in': 'check-in',
  'report-back': 'report-back',
  'reach-next': 'request',
  'contact-referral': 'referral-intro',
};

export interface AgendaDraft {
  subject: string | null;
  body: string;
  templateId: string | null;
}

/**
 * The message an agenda item calls for, drafted from the user's own templates
 * (filled in for the person and the exploration of the conversation) — a thank-you
 * quotes something from the conversation, a follow-up says when the first request went.
 * A confirmation has no template kind of its own and gets a short standard note.
 */
export async function draftForAgendaItem({
  ctx,
  kind,
  contactId,
  interviewId,
}: {
  ctx: AppContext;
  kind: AgendaKind;
  contactId: string;
  interviewId?: string | undefined;
}): Promise<AgendaDraft> {
  if (kind === 'thank-you' && interviewId) {
    const draft = await thankYouDraft({ ctx, interviewId });
    return { subject: draft.subject, body: draft.body, templateId: draft.templateId };
  }
  const templateKind = TEMPLATE_FOR[kind];
  const template = templateKind ? await pickTemplate(ctx, templateKind, 'email') : null;
  // The conversation the item is about decides the exploration the message speaks of.
  const interview = interviewId ? await ctx.repos.interviews.get(interviewId) : undefined;
  if (template) {
    const filled = await previewTemplate({ ctx, templateId: template.id, contactId, explorationId: interview?.explorationIds[0] });
    if (kind === 'follow-up' && interview?.requestedAt && interview.contactId === contactId) {
      const profile = await ctx.repos.profile.get();
      return { ...filled, body: mentionFirstRequest(filled.body, dayMonth(interview.requestedAt, now(ctx), profile.timeZone)), templateId: template.id };
    }
    return { ...filled, templateId: template.id };
  }
  const contact = required(await ctx.repos.contacts.get(contactId), 'contacts', contactId);
  const profile = await ctx.repos.profile.get();
  const first = contact.givenName ?? contact.name.split(' ')[0] ?? contact.name;
  return {
    subject: 'Looking forward to our conversation',
    body: `Hi ${first},\n\nJust confirming our conversation — I will keep to the time we agreed.\n\nSee you then,\n${profile.name}`.trim(),
    templateId: null,
  };
}
