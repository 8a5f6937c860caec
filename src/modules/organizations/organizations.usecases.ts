import { newId } from '../../shared/ids.js';
import type { PageResult } from '../../shared/schemas/common.js';
import type { CreateOrganizationInput, Organization, OrganizationSortField, UpdateOrganizationInput } from '../../shared/schemas/organizations.js';
import { sortKey } from '../../shared/text.js';
import { assertExplorations, now, required, type ListArgs, type EditArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import { contactDocument, organizationDocument } from '../search/search.documents.js';
import { moveToTrash } from '../trash/trash.usecases.js';
import type { NewOrganization, OrganizationChanges, OrganizationFilters } from './organizations.repository.js';

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

function newOrganization(input: CreateOrganizationInput, target: boolean, at: string): NewOrganization {
  return {
    id: newId(),
    name: input.name,
    website: input.website ?? null,
    industry: input.industry ?? null,
    location: input.location ?? null,
    notes: input.notes ?? null,
    motivation: input.motivation,
    posting: input.posting,
    advocacy: input.advocacy,
    target,
    createdAt: at,
    updatedAt: at,
  };
}

async function insertOrganization(ctx: AppContext, input: CreateOrganizationInput, target: boolean): Promise<Organization> {
  return ctx.transaction(async (tx) => {
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    const row = newOrganization(input, target, now(tx));
    await tx.repos.organizations.insert(row, input.explorationIds);
    return reindex(tx, row.id);
  });
}

/** Adds an organisation the user chose: it goes on the target list. */
export async function createOrganization({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: CreateOrganizationInput;
}): Promise<{ organization: Organization }> {
  return { organization: await insertOrganization(ctx, input, true) };
}

/**
 * What an organisation met only by its name starts as when it is new. Every caller
 * says it explicitly: people added by hand or met in a conversation bring a target,
 * employers that came with imported people do not.
 */
export interface NewOrganizationDefaults {
  /** On the target list (see `Organization.target`). */
  target: boolean;
  motivation: number;
  posting: number;
  advocacy: boolean;
  /** A new organisation starts in these explorations; an existing one joins them. */
  explorationIds: readonly string[];
}

/** The name an organisation is known by, or null when there is none (blank). */
function organizationName(name: string | null | undefined): string | null {
  const trimmed = name?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Finds an organisation by name (case and accents aside, as `sortKey` compares) or adds
 * it with `defaults`. A blank name is no organisation (null).
 */
export async function findOrCreateOrganization({
  ctx,
  name,
  defaults,
}: {
  ctx: AppContext;
  name: string | null | undefined;
  defaults: NewOrganizationDefaults;
}): Promise<string | null> {
  const wanted = organizationName(name);
  if (!wanted) return null;
  const explorationIds = [...defaults.explorationIds];
  const found = await ctx.repos.organizations.findByName(sortKey(wanted));
  if (!found) {
    const input = { name: wanted, motivation: defaults.motivation, posting: defaults.posting, advocacy: defaults.advocacy, explorationIds };
    return (await insertOrganization(ctx, input, defaults.target)).id;
  }
  if (explorationIds.length > 0) {
    const current = required(await ctx.repos.organizations.get(found.id), 'organizations', found.id);
    const joined = [...new Set([...current.explorationIds, ...explorationIds])];
    if (joined.length > current.explorationIds.length) await ctx.repos.organizations.setExplorations(found.id, joined);
  }
  return found.id;
}

/**
 * The same find-or-create for many names at once (an import): every organisation is
 * looked up once, `idFor` answers straight away, and `flush` writes the new ones in
 * batches (call it before anything that points at them is written). New ones start
 * with `defaults` and no explorations.
 */
export async function organizationsByName({
  ctx,
  defaults,
}: {
  ctx: AppContext;
  defaults: Omit<NewOrganizationDefaults, 'explorationIds'>;
}): Promise<{ idFor: (name: string | null | undefined) => string | null; flush: () => Promise<void> }> {
  const at = now(ctx);
  const known = await ctx.repos.organizations.idsBySortName();
  const pending: NewOrganization[] = [];
  return {
    idFor(name) {
      const wanted = organizationName(name);
      if (!wanted) return null;
      const key = sortKey(wanted);
      let id = known.get(key);
      if (!id) {
        const row = newOrganization({ name: wanted, motivation: defaults.motivation, posting: defaults.posting, advocacy: defaults.advocacy, explorationIds: [] }, defaults.target, at);
        id = row.id;
        known.set(key, id);
        pending.push(row);
      }
      return id;
    },
    async flush() {
      const batch = pending.splice(0);
      if (batch.length === 0) return;
      await ctx.repos.organizations.insertMany(batch);
      await ctx.repos.search.upsert(batch.map((o) => organizationDocument({ ...o, explorationIds: [], rank: null })));
    },
  };
}

export async function getOrganization({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ organization: Organization }> {
  return { organization: required(await ctx.repos.organizations.get(id), 'organizations', id) };
}

/** The target list: ranked by motivation, then whether a posting exists, then advocacy. */
export async function listOrganizations({ ctx, filters, sort, page }: ListArgs<OrganizationFilters, OrganizationSortField>): Promise<PageResult<Organization>> {
  return ctx.repos.organizations.list(filters, sort, page);
}

export async function updateOrganization({ ctx, id, input }: EditArgs<UpdateOrganizationInput>): Promise<{ organization: Organization }> {
  return ctx.transaction(async (tx) => {
    const current = required(await tx.repos.organizations.get(id), 'organizations', id);
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    const { explorationIds, ...simple } = input;
    const patch: OrganizationChanges = { ...simple, updatedAt: now(tx) };
    // Ranking an organisation puts it on the target list (an imported employer joins it here).
    if (input.motivation !== undefined || input.posting !== undefined || input.advocacy !== undefined) patch.target = true;
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
