import { validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { PageResult } from '../../shared/schemas/common.js';
import type { CreateInteractionInput, Interaction, InteractionSortField, UpdateInteractionInput } from '../../shared/schemas/interactions.js';
import { assertContact, missingReference, now, required, type ListArgs, type EditArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import { interactionDocument } from '../search/search.documents.js';
import type { InteractionFilters } from './interactions.repository.js';

async function assertInterviewOfContact(ctx: AppContext, interviewId: string | null | undefined, contactId: string): Promise<void> {
  if (!interviewId) return;
  const interview = await ctx.repos.interviews.get(interviewId);
  if (!interview) throw missingReference('interviewId', 'interview', interviewId);
  if (interview.contactId !== contactId) {
    throw validationError([{ field: 'interviewId', message: 'belongs to a different contact' }]);
  }
}

async function reindex(ctx: AppContext, id: string): Promise<Interaction> {
  const interaction = required(await ctx.repos.interactions.get(id), 'interactions', id);
  const names = await ctx.repos.contacts.names([interaction.contactId]);
  await ctx.repos.search.upsert([interactionDocument(interaction, names.get(interaction.contactId) ?? '')]);
  return interaction;
}

/** Logs a contact moment (an email, a call, a check-in…) on the person's timeline. */
export async function createInteraction({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: CreateInteractionInput;
}): Promise<{ interaction: Interaction }> {
  return ctx.transaction(async (tx) => {
    await assertContact(tx, 'contactId', input.contactId);
    await assertInterviewOfContact(tx, input.interviewId, input.contactId);
    const at = now(tx);
    const row: Interaction = {
      id: newId(),
      contactId: input.contactId,
      interviewId: input.interviewId ?? null,
      kind: input.kind,
      occurredAt: input.occurredAt || at,
      summary: input.summary,
      createdAt: at,
    };
    await tx.repos.interactions.insert(row);
    return { interaction: await reindex(tx, row.id) };
  });
}

export async function getInteraction({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ interaction: Interaction }> {
  return { interaction: required(await ctx.repos.interactions.get(id), 'interactions', id) };
}

export async function listInteractions({ ctx, filters, sort, page }: ListArgs<InteractionFilters, InteractionSortField>): Promise<PageResult<Interaction>> {
  return ctx.repos.interactions.list(filters, sort, page);
}

export async function updateInteraction({ ctx, id, input }: EditArgs<UpdateInteractionInput>): Promise<{ interaction: Interaction }> {
  return ctx.transaction(async (tx) => {
    const current = required(await tx.repos.interactions.get(id), 'interactions', id);
    if (input.interviewId !== undefined) await assertInterviewOfContact(tx, input.interviewId, current.contactId);
    await tx.repos.interactions.update(id, input);
    return { interaction: await reindex(tx, id) };
  });
}

export async function deleteInteraction({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.interactions.get(id), 'interactions', id);
    await tx.repos.interactions.delete(id);
    await tx.repos.search.remove('interaction', [id]);
    return { id };
  });
}
