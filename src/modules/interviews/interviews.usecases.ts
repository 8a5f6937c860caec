import { validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { missingFieldsFor, planTransition } from '../../shared/lifecycle.js';
import type { PageResult } from '../../shared/schemas/common.js';
import {
  type CreateInterviewInput,
  emptyPrep,
  type Interview,
  type InterviewSortField,
  type TransitionInput,
  type UpdateInterviewInput,
} from '../../shared/schemas/interviews.js';
import { assertContact, assertExplorations, now, required, type ListArgs, type EditArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import { moveToTrash } from '../trash/trash.usecases.js';
import { refreshResponsiveness } from '../responsiveness/responsiveness.usecases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { indexInterviews } from '../search/search.index.js';
import type { InterviewChanges, InterviewFilters, NewInterview } from './interviews.repository.js';

async function assertQuestions(ctx: AppContext, ids: string[] | undefined): Promise<void> {
  const missing = await ctx.repos.questions.missing(ids ?? []);
  if (missing[0]) throw validationError([{ field: 'prep.questionIds', message: `no question with id ${missing[0]}` }]);
}

export async function reindex(ctx: AppContext, id: string): Promise<Interview> {
  const interview = required(await ctx.repos.interviews.get(id), 'interviews', id);
  await indexInterviews(ctx, [interview]);
  return interview;
}

/**
 * The explorations a conversation with this person belongs to when none are named: the ones the person
 * was added to and the ones their organisation is a target for; failing those, the active exploration.
 */
async function explorationsOfContact(ctx: AppContext, contactId: string): Promise<string[]> {
  const contact = await ctx.repos.contacts.get(contactId);
  if (!contact) return [];
  const organization = contact.organizationId ? await ctx.repos.organizations.get(contact.organizationId) : undefined;
  const theirs = [...new Set([...contact.explorationIds, ...(organization?.explorationIds ?? [])])];
  if (theirs.length > 0) return theirs;
  const active = await ctx.repos.explorations.activeId();
  return active && (await ctx.repos.explorations.missing([active])).length === 0 ? [active] : [];
}

/**
 * Records an interview. It starts as an idea, or directly in a later state when
 * the user is recording something that already happened.
 */
export async function createInterview({ ctx, input }: { ctx: AppContext; input: CreateInterviewInput }): Promise<{ interview: Interview }> {
  const times = { ...input };
  const at = now(ctx);
  if (input.status === 'requested' && !times.requestedAt) times.requestedAt = at;
  if (input.status === 'held' && !times.heldAt) times.heldAt = at;
  const missing = missingFieldsFor(input.status, times);
  if (missing.length > 0) {
    throw validationError(missing.map((field) => ({ field, message: `is required for an interview that is ${input.status}` })));
  }
  return ctx.transaction(async (tx) => {
    await assertContact(tx, 'contactId', input.contactId);
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    await assertQuestions(tx, input.prep?.questionIds);
    const row: NewInterview = {
      id: newId(),
      contactId: input.contactId,
      purpose: input.purpose,
      objective: input.objective ?? null,
      status: input.status,
      statusChangedAt: at,
      format: input.format ?? null,
      venue: input.venue ?? null,
      link: input.link ?? null,
      scheduledAt: times.scheduledAt ?? null,
      plannedMinutes: input.plannedMinutes,
      requestedAt: times.requestedAt ?? null,
      requestChannel: input.requestChannel ?? null,
      requestMessage: input.requestMessage ?? null,
      repliedAt: times.repliedAt ?? null,
      prep: input.prep ?? emptyPrep(),
      heldAt: times.heldAt ?? null,
      notes: input.notes ?? null,
      takeaways: input.takeaways?.trim() ? input.takeaways : null,
      followUpPermission: input.followUpPermission ?? null,
      thankedAt: times.thankedAt ?? null,
      thankYouFormat: input.thankYouFormat ?? null,
      createdAt: at,
      updatedAt: at,
    };
    await tx.repos.interviews.insert(row, input.explorationIds ?? (await explorationsOfContact(tx, input.contactId)));
    await refreshResponsiveness(tx, input.contactId);
    return { interview: await reindex(tx, row.id) };
  });
}

export async function getInterview({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ interview: Interview }> {
  return { interview: required(await ctx.repos.interviews.get(id), 'interviews', id) };
}

export async function listInterviews({ ctx, filters, sort, page }: ListArgs<InterviewFilters, InterviewSortField>): Promise<PageResult<Interview>> {
  return ctx.repos.interviews.list(filters, sort, page);
}

/** Edits details (schedule, notes, prep…). The status moves only through `transitionInterview`. */
export async function updateInterview({ ctx, id, input }: EditArgs<UpdateInterviewInput>): Promise<{ interview: Interview }> {
  return ctx.transaction(async (tx) => {
    const current = required(await tx.repos.interviews.get(id), 'interviews', id);
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    await assertQuestions(tx, input.prep?.questionIds);
    const { explorationIds, ...rest } = input;
    if (current.status === 'scheduled' && rest.scheduledAt === null) {
      throw validationError([{ field: 'scheduledAt', message: 'cannot be cleared while the interview is scheduled' }]);
    }
    const patch: InterviewChanges = { ...rest, updatedAt: now(tx) };
    // Blank takeaways are stored as missing, which is what the debrief rule looks for.
    if (rest.takeaways !== undefined && !rest.takeaways?.trim()) patch.takeaways = null;
    await tx.repos.interviews.update(id, patch, explorationIds);
    await refreshResponsiveness(tx, current.contactId);
    return { interview: await reindex(tx, id) };
  });
}

/**
 * Moves an interview along its lifecycle; an illegal move fails with 409 and writes
 * nothing. Thanking also puts the thank-you on the person's timeline (with what was
 * sent, when `thankYouMessage` says), however the move is made.
 */
export async function transitionInterview({
  ctx,
  id,
  input,
  thankYouMessage,
}: {
  ctx: AppContext;
  id: string;
  input: TransitionInput;
  thankYouMessage?: string | null | undefined;
}): Promise<{ interview: Interview }> {
  return ctx.transaction(async (tx) => {
    const current = required(await tx.repos.interviews.get(id), 'interviews', id);
    const at = input.at || now(tx);
    const patch = planTransition(current, {
      to: input.to,
      at,
      scheduledAt: input.scheduledAt || undefined,
      thankYouFormat: input.thankYouFormat,
    });
    await tx.repos.interviews.update(id, { ...patch, updatedAt: now(tx) });
    if (input.to === 'thanked') {
      const summary = thankYouMessage?.trim() || (patch.thankYouFormat === 'handwritten' ? 'Handwritten thank-you note sent' : 'Thank-you email sent');
      await createInteraction({ ctx: tx, input: { contactId: current.contactId, interviewId: id, kind: 'thank-you', occurredAt: at, summary } });
    }
    await refreshResponsiveness(tx, current.contactId);
    return { interview: await reindex(tx, id) };
  });
}

/** Removes an interview with its notes; the trash keeps it for an undo. */
export async function deleteInterview({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string; trashId: string; undoUntil: string }> {
  return ctx.transaction(async (tx) => {
    const current = required(await tx.repos.interviews.get(id), 'interviews', id);
    const undo = await moveToTrash(tx, { type: 'interview', id, label: `The interview with ${current.contact.name}` });
    await tx.repos.interviews.delete(id);
    await tx.repos.search.remove('interview', [id]);
    await refreshResponsiveness(tx, current.contactId);
    return { id, ...undo };
  });
}
