import type { OrganizationsTable } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { CreateOrganizationInput, Organization, UpdateOrganizationInput } from '../../shared/schemas/organizations.js';
import { sortKey } from '../../shared/text.js';
import { assertExplorations, now, required } from '../references.js';
import type { AppContext } from '../repositories.js';
import { contactDocument, organizationDocument } from '../search/search.documents.js';
import { moveToTrash } from '../trash/trash.usecases.js';
import type { OrganizationFilters, OrganizationSortField } from './organizations.repository.js';

async function reindex(ctx: AppContext, id: string): Promise<Organization> {
  const organization = required(await ctx.repos.organizations.get(id), 'organizations', id);
  await ctx.repos.search.upsert([organizationDocument(organization)]);
  return organization;
}

/** People are found by their organisation's name too, so renaming or removing it refreshes them. */
async function reindexPeople(ctx: AppContext, contactIds: string[]): Promise<void> {
  for (let i = 0; i < contactIds.length; i += 200) {
    const contacts = await ctx.repos.contacts.getMany(contactIds.slice(i, i + 200));
    await ctx.repos.search.upsert(contacts.map(contactDocument));
  }
}

export async function createOrganization({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: CreateOrganizationInput;
}): Promise<{ organization: Organization }> {
  return ctx.transaction(async (tx) => {
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    const at = now(tx);
    const row: OrganizationsTable = {
      id: newId(),
      name: input.name,
      sortName: sortKey(input.name),
      website: input.website ?? null,
      industry: input.industry ?? null,
      notes: input.notes ?? null,
      motivation: input.motivation,
      posting: input.posting,
      advocacy: input.advocacy ? 1 : 0,
      isTarget: 1,
      createdAt: at,
      updatedAt: at,
    };
    await tx.repos.organizations.insert(row, input.explorationIds);
    return { organization: await reindex(tx, row.id) };
  });
}

export async function getOrganization({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ organization: Organization }> {
  return { organization: required(await ctx.repos.organizations.get(id), 'organizations', id) };
}

/** The target list: ranked by motivation, then whether a posting exists, then advocacy. */
export async function listOrganizations({
  ctx,
  filters,
  sort,
  page,
}: {
  ctx: AppContext;
  filters: OrganizationFilters;
  sort: Sort<OrganizationSortField>;
  page: Page;
}): Promise<PageResult<Organization>> {
  return ctx.repos.organizations.list(filters, sort, page);
}

export async function updateOrganization({
  ctx,
  id,
  input,
}: {
  ctx: AppContext;
  id: string;
  input: UpdateOrganizationInput;
}): Promise<{ organization: Organization }> {
  return ctx.transaction(async (tx) => {
    const current = required(await tx.repos.organizations.get(id), 'organizations', id);
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    const { explorationIds, advocacy, ...simple } = input;
    const patch: Partial<OrganizationsTable> = { ...simple, updatedAt: now(tx) };
    if (input.name !== undefined) patch.sortName = sortKey(input.name);
    if (advocacy !== undefined) patch.advocacy = advocacy ? 1 : 0;
    // Ranking an organisation puts it on the target list (an imported employer joins it here).
    if (input.motivation !== undefined || input.posting !== undefined || advocacy !== undefined) patch.isTarget = 1;
    await tx.repos.organizations.update(id, patch, explorationIds);
    const organization = await reindex(tx, id);
    if (organization.name !== current.name) await reindexPeople(tx, await tx.repos.contacts.idsAtOrganization(id));
    return { organization };
  });
}

/** Removes an organisation; its people stay, without an organisation. The trash keeps it for an undo. */
export async function deleteOrganization({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string; trashId: string; undoUntil: string }> {
  return ctx.transaction(async (tx) => {
    const organization = required(await tx.repos.organizations.get(id), 'organizations', id);
    const undo = await moveToTrash(tx, { type: 'organization', id, label: organization.name });
    const people = await tx.repos.contacts.idsAtOrganization(id);
    await tx.repos.organizations.delete(id);
    await tx.repos.search.remove('organization', [id]);
    await reindexPeople(tx, people);
    return { id, ...undo };
  });
}
