import type { ExplorationsTable } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { CreateExplorationInput, Exploration, UpdateExplorationInput } from '../../shared/schemas/explorations.js';
import { now, required } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { ExplorationFilters, ExplorationSortField } from './explorations.repository.js';

function leaningColumns(leanings: Partial<Exploration['leanings']> | undefined): Partial<ExplorationsTable> {
  const out: Partial<ExplorationsTable> = {};
  if (!leanings) return out;
  if (leanings.success !== undefined) out.leaningSuccess = leanings.success;
  if (leanings.fit !== undefined) out.leaningFit = leanings.fit;
  if (leanings.desire !== undefined) out.leaningDesire = leanings.desire;
  if (leanings.prospects !== undefined) out.leaningProspects = leanings.prospects;
  return out;
}

/** Starts an exploration: a field, role or employer, with why and the four key questions open. */
export async function createExploration({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: CreateExplorationInput;
}): Promise<{ exploration: Exploration }> {
  const at = now(ctx);
  const row: ExplorationsTable = {
    id: newId(),
    title: input.title,
    kind: input.kind,
    transition: input.transition,
    status: input.status,
    why: input.why ?? null,
    leaningSuccess: null,
    leaningFit: null,
    leaningDesire: null,
    leaningProspects: null,
    ...leaningColumns(input.leanings),
    conclusion: input.conclusion ?? null,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.repos.explorations.insert(row);
  return { exploration: required(await ctx.repos.explorations.get(row.id), 'explorations', row.id) };
}

export async function getExploration({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ exploration: Exploration }> {
  return { exploration: required(await ctx.repos.explorations.get(id), 'explorations', id) };
}

export async function listExplorations({
  ctx,
  filters,
  sort,
  page,
}: {
  ctx: AppContext;
  filters: ExplorationFilters;
  sort: Sort<ExplorationSortField>;
  page: Page;
}): Promise<PageResult<Exploration>> {
  return ctx.repos.explorations.list(filters, sort, page);
}

export async function updateExploration({
  ctx,
  id,
  input,
}: {
  ctx: AppContext;
  id: string;
  input: UpdateExplorationInput;
}): Promise<{ exploration: Exploration }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.explorations.get(id), 'explorations', id);
    const { leanings, ...simple } = input;
    await tx.repos.explorations.update(id, { ...simple, ...leaningColumns(leanings), updatedAt: now(tx) });
    return { exploration: required(await tx.repos.explorations.get(id), 'explorations', id) };
  });
}

/** Removes an exploration; its organisations, people and interviews stay. */
export async function deleteExploration({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.explorations.get(id), 'explorations', id);
    await tx.repos.explorations.delete(id);
    return { id };
  });
}
