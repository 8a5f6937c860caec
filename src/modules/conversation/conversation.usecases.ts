import { validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Contact } from '../../shared/schemas/contacts.js';
import type {
  CreateNoteInput,
  Debrief,
  DebriefInput,
  InterviewNote,
  QuickReferralInput,
  ThankYouDraft,
  UpdateLiveInput,
  UpdateNoteInput,
} from '../../shared/schemas/conversation.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import type { Referral } from '../../shared/schemas/referrals.js';
import { sortKey } from '../../shared/text.js';
import { createContact } from '../contacts/contacts.usecases.js';
import { reindex, transitionInterview } from '../interviews/interviews.usecases.js';
import { findOrCreateOrganization } from '../organizations/organizations.usecases.js';
import { createReferral } from '../referrals/referrals.usecases.js';
import { now, required } from '../references.js';
import type { AppContext } from '../repositories.js';
import { pickTemplate, previewTemplate } from '../templates/templates.usecases.js';
import { pickTakeaway, thankYouFormatFor } from './conversation.rules.js';

const interviewOf = async (ctx: AppContext, id: string) => required(await ctx.repos.interviews.get(id), 'interviews', id);

async function assertQuestion(ctx: AppContext, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const missing = await ctx.repos.questions.missing([id]);
  if (missing.length) throw validationError([{ field: 'questionId', message: `no question with id ${id}` }]);
}

async function noteOf(ctx: AppContext, interviewId: string, noteId: string): Promise<InterviewNote> {
  const note = await ctx.repos.conversation.note(noteId);
  // A note of another interview is as missing as one that does not exist.
  if (!note || note.interviewId !== interviewId) return required<InterviewNote>(undefined, 'notes', noteId);
  return note;
}

export async function listNotes({ ctx, interviewId }: { ctx: AppContext; interviewId: string }): Promise<{ items: InterviewNote[] }> {
  await interviewOf(ctx, interviewId);
  return { items: await ctx.repos.conversation.notes([interviewId]) };
}

/** Adds a note to an interview; the interview's search document picks it up. */
export async function addNote({ ctx, interviewId, input }: { ctx: AppContext; interviewId: string; input: CreateNoteInput }): Promise<{ note: InterviewNote }> {
  return ctx.transaction(async (tx) => {
    await interviewOf(tx, interviewId);
    await assertQuestion(tx, input.questionId);
    const at = now(tx);
    const id = newId();
    await tx.repos.conversation.insertNote({
      id,
      interviewId,
      body: input.body,
      agendaStep: input.agendaStep ?? null,
      questionCategory: input.questionCategory ?? null,
      keyQuestion: input.keyQuestion ?? null,
      stance: input.keyQuestion ? (input.stance ?? null) : null,
      questionId: input.questionId ?? null,
      createdAt: at,
      updatedAt: at,
    });
    await reindex(tx, interviewId);
    return { note: await noteOf(tx, interviewId, id) };
  });
}

export async function updateNote({
  ctx,
  interviewId,
  noteId,
  input,
}: {
  ctx: AppContext;
  interviewId: string;
  noteId: string;
  input: UpdateNoteInput;
}): Promise<{ note: InterviewNote }> {
  return ctx.transaction(async (tx) => {
    const current = await noteOf(tx, interviewId, noteId);
    await assertQuestion(tx, input.questionId);
    const keyQuestion = input.keyQuestion === undefined ? current.keyQuestion : input.keyQuestion;
    const patch = { ...input, updatedAt: now(tx), ...(keyQuestion === null ? { stance: null } : {}) };
    await tx.repos.conversation.updateNote(noteId, patch);
    await reindex(tx, interviewId);
    return { note: await noteOf(tx, interviewId, noteId) };
  });
}

export async function deleteNote({ ctx, interviewId, noteId }: { ctx: AppContext; interviewId: string; noteId: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    await noteOf(tx, interviewId, noteId);
    await tx.repos.conversation.deleteNote(noteId);
    await reindex(tx, interviewId);
    return { id: noteId };
  });
}

/** Starts or stops the timer, moves to an agenda step, ticks questions off. */
export async function updateLive({
  ctx,
  interviewId,
  input,
}: {
  ctx: AppContext;
  interviewId: string;
  input: UpdateLiveInput;
}): Promise<{ interview: Interview }> {
  return ctx.transaction(async (tx) => {
    const interview = await interviewOf(tx, interviewId);
    const missing = await tx.repos.questions.missing(input.askedQuestionIds ?? []);
    if (missing[0]) throw validationError([{ field: 'askedQuestionIds', message: `no question with id ${missing[0]}` }]);
    await tx.repos.conversation.setLive(interviewId, { ...interview.live, ...input }, now(tx));
    return { interview: await reindex(tx, interviewId) };
  });
}

/**
 * Saves the debrief: what was learned becomes the interview's takeaways (which
 * settles the debrief item on the agenda), the rest is kept beside it.
 */
export async function saveDebrief({ ctx, interviewId, input }: { ctx: AppContext; interviewId: string; input: DebriefInput }): Promise<{ interview: Interview }> {
  return ctx.transaction(async (tx) => {
    const interview = await interviewOf(tx, interviewId);
    const cited = Object.values(input.evidence ?? {}).flat();
    const own = await tx.repos.conversation.noteIdsOf(interviewId, cited);
    for (const [question, ids] of Object.entries(input.evidence ?? {})) {
      const stranger = ids.find((id) => !own.has(id));
      if (stranger) throw validationError([{ field: `evidence.${question}`, message: `note ${stranger} is not one of this interview's notes` }]);
    }
    const debrief: Debrief = {
      fit: input.fit ?? interview.debrief?.fit ?? null,
      unknowns: input.unknowns ?? interview.debrief?.unknowns ?? null,
      whoElse: input.whoElse ?? interview.debrief?.whoElse ?? null,
      leanings: { success: null, fit: null, desire: null, prospects: null, ...interview.debrief?.leanings, ...input.leanings },
      evidence: { ...interview.debrief?.evidence, ...input.evidence },
      completedAt: now(tx),
    };
    await tx.repos.conversation.setDebrief(interviewId, debrief, input.learned, now(tx));
    return { interview: await reindex(tx, interviewId) };
  });
}

/**
 * "Who else should I talk to?": the suggested person becomes a contact referred by
 * the interviewee, with the referral recorded against this interview, in one step.
 * Someone already in Inroads under the same name (at the same organisation, when
 * one is given) is linked rather than added twice.
 */
export async function quickReferral({
  ctx,
  interviewId,
  input,
}: {
  ctx: AppContext;
  interviewId: string;
  input: QuickReferralInput;
}): Promise<{ contact: Contact; referral: Referral; existing: boolean }> {
  return ctx.transaction(async (tx) => {
    const interview = await interviewOf(tx, interviewId);
    const organizationId = await findOrCreateOrganization({
      ctx: tx,
      name: input.organization,
      defaults: { target: true, motivation: 0, posting: 1, advocacy: false, explorationIds: [] },
    });
    const [knownId] = (await tx.repos.contacts.idsByName(sortKey(input.name), organizationId)).filter((id) => id !== interview.contactId);
    const contactId =
      knownId ??
      (
        await createContact({
          ctx: tx,
          input: {
            name: input.name,
            title: input.title ?? null,
            organizationId,
            relationship: 'referral',
            referredById: interview.contactId,
            howWeMet: `Suggested by ${interview.contact.name}`,
            emails: [],
            phones: [],
            tags: [],
            // Someone suggested in a conversation belongs to what that conversation was exploring.
            explorationIds: interview.explorationIds,
          },
        })
      ).contact.id;
    const already = await tx.repos.referrals.findPair(interview.contactId, contactId);
    const { referral } = already
      ? { referral: required(await tx.repos.referrals.get(already), 'referrals', already) }
      : await createReferral({
          ctx: tx,
          input: { fromContactId: interview.contactId, toContactId: contactId, interviewId, status: 'suggested', note: input.note ?? null },
        });
    // Read once, after the referral, which may have linked a known person to who referred them.
    const contact = required(await tx.repos.contacts.get(contactId), 'contacts', contactId);
    return { contact, referral, existing: Boolean(knownId) };
  });
}

/**
 * A thank-you drafted from the user's thank-you template for the suggested format,
 * quoting one specific takeaway from this conversation.
 */
export async function thankYouDraft({ ctx, interviewId }: { ctx: AppContext; interviewId: string }): Promise<ThankYouDraft> {
  const interview = await interviewOf(ctx, interviewId);
  const contact = required(await ctx.repos.contacts.get(interview.contactId), 'contacts', interview.contactId);
  const notes = await ctx.repos.conversation.notes([interviewId]);
  const takeaway = pickTakeaway(interview.takeaways, notes);
  const { format, reason } = thankYouFormatFor(contact.seniority);
  const channel = format === 'handwritten' ? 'letter' : 'email';
  const template = await pickTemplate(ctx, 'thank-you', channel);
  const fallback = {
    subject: 'Thank you',
    body: `Dear {{contact.givenName}},\n\nThank you for your time. {{lastTakeaway}}\n\nWith thanks,\n{{profile.name}}`,
  };
  const filled = await previewTemplate({
    ctx,
    contactId: contact.id,
    templateId: template?.id,
    ...(template ? {} : fallback),
    takeaway: takeaway ?? '',
  });
  return { format, reason, subject: channel === 'letter' ? null : filled.subject, body: filled.body, takeaway, templateId: template?.id ?? null };
}

/** Marks the interview thanked; the transition puts the thank-you, with what was sent, on the timeline. */
export async function recordThankYou({
  ctx,
  interviewId,
  input,
}: {
  ctx: AppContext;
  interviewId: string;
  input: { format: 'email' | 'handwritten'; message?: string | null | undefined; at?: string | undefined };
}): Promise<{ interview: Interview }> {
  return transitionInterview({ ctx, id: interviewId, input: { to: 'thanked', at: input.at, thankYouFormat: input.format }, thankYouMessage: input.message });
}
