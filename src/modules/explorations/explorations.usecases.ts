import { newId } from '../../shared/ids.js';
import type { PageResult } from '../../shared/schemas/common.js';
import { notFound } from '../../shared/errors.js';
import type { CreateExplorationInput, DeletedExploration, Exploration, ExplorationSortField, UpdateExplorationInput } from '../../shared/schemas/explorations.js';
import { missingReference, now, required, type ListArgs, type EditArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { ExplorationFilters } from './explorations.repository.js';

/** Starts an exploration: a field, role or employer, with why and the four key questions open. */
export async function createExploration({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: CreateExplorationInput;
}): Promise<{ exploration: Exploration }> {
  const at = now(ctx);
  const given = input.leanings;
  const row: Exploration = {
    id: newId(),
    title: input.title,
    kind: input.kind,
    transition: input.transition,
    status: input.status,
    why: input.why ?? null,
    leanings: { success: given?.success ?? null, fit: given?.fit ?? null, desire: given?.desire ?? null, prospects: given?.prospects ?? null },
    conclusion: input.conclusion ?? null,
    createdAt: at,
    updatedAt: at,
  };
  return ctx.transaction(async (tx) => {
    await tx.repos.explorations.insert(row);
    // The first exploration (or the first after the active one went) becomes the one new things join.
    if (!(await activeExploration(tx))) await tx.repos.explorations.setActiveId(row.id, at);
    return { exploration: required(await tx.repos.explorations.get(row.id), 'explorations', row.id) };
  });
}

async function activeExploration(ctx: AppContext): Promise<Exploration | null> {
  const id = await ctx.repos.explorations.activeId();
  return (id ? await ctx.repos.explorations.get(id) : undefined) ?? null;
}

/** The exploration new people, organisations and interviews join unless the user says otherwise. */
export async function getActiveExploration({ ctx }: { ctx: AppContext }): Promise<{ exploration: Exploration | null }> {
  return { exploration: await activeExploration(ctx) };
}

/** Chooses the active exploration (`null`: none). */
export async function setActiveExploration({ ctx, explorationId }: { ctx: AppContext; explorationId: string | null }): Promise<{ exploration: Exploration | null }> {
  return ctx.transaction(async (tx) => {
    const exploration = explorationId ? await tx.repos.explorations.get(explorationId) : null;
    if (explorationId && !exploration) throw missingReference('explorationId', 'exploration', explorationId);
    await tx.repos.explorations.setActiveId(explorationId, now(tx));
    return { exploration: exploration ?? null };
  });
}

export async function getExploration({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ exploration: Exploration }> {
  return { exploration: required(await ctx.repos.explorations.get(id), 'explorations', id) };
}

export async function listExplorations({ ctx, filters, sort, page }: ListArgs<ExplorationFilters, ExplorationSortField>): Promise<PageResult<Exploration>> {
  return ctx.repos.explorations.list(filters, sort, page);
}

export async function updateExploration({ ctx, id, input }: EditArgs<UpdateExplorationInput>): Promise<{ exploration: Exploration }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.explorations.get(id), 'explorations', id);
    await tx.repos.explorations.update(id, { ...input, updatedAt: now(tx) });
    return { exploration: required(await tx.repos.explorations.get(id), 'explorations', id) };
  });
}

/**
 * Removes an exploration; its organisations, people and interviews stay. It goes to a bin with its links,
 * so `restoreExploration` can bring it back. When it was the active one, the most recently changed
 * exploration still being explored takes its place.
 */
export async function deleteExploration({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.explorations.get(id), 'explorations', id);
    const wasActive = (await tx.repos.explorations.activeId()) === id;
    await tx.repos.explorations.moveToBin(id, now(tx));
    if (wasActive) {
      const next = await tx.repos.explorations.list({ status: ['active'] }, { field: 'updatedAt', direction: 'desc' }, { limit: 1, offset: 0 });
      await tx.repos.explorations.setActiveId(next.items[0]?.id ?? null, now(tx));
    }
    return { id };
  });
}

/** Deleted explorations that can still be restored, the latest first. */
export async function listDeletedExplorations({ ctx }: { ctx: AppContext }): Promise<{ items: DeletedExploration[] }> {
  return { items: await ctx.repos.explorations.binned() };
}

/** Brings a deleted exploration back with its links to whatever still exists. */
export async function restoreExploration({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ exploration: Exploration }> {
  return ctx.transaction(async (tx) => {
    if (!(await tx.repos.explorations.restore(id))) {
      // Restoring twice (an Undo pressed again) finds it already back.
      const existing = await tx.repos.explorations.get(id);
      if (existing) return { exploration: existing };
      throw notFound('explorations', id);
    }
    if (!(await activeExploration(tx))) await tx.repos.explorations.setActiveId(id, now(tx));
    return { exploration: required(await tx.repos.explorations.get(id), 'explorations', id) };
  });
}

/**
 * The exploration a message to this person is about when no interview says so: the active one if they
 * belong to it, else one they were added to, else one their organisation is a target for, else the active one.
 */
export async function explorationForContact(
  ctx: AppContext,
  contact: { explorationIds: string[]; organizationId: string | null },
): Promise<Exploration | undefined> {
  const active = await activeExploration(ctx);
  const organization = contact.organizationId ? await ctx.repos.organizations.get(contact.organizationId) : undefined;
  const theirs = [...contact.explorationIds, ...(organization?.explorationIds ?? [])];
  if (active && (theirs.length === 0 || theirs.includes(active.id))) return active;
  for (const id of theirs) {
    const exploration = await ctx.repos.explorations.get(id);
    if (exploration) return exploration;
  }
  return undefined;
}
