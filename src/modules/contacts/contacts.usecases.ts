import { validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { PageResult } from '../../shared/schemas/common.js';
import type { Contact, ContactSortField, CreateContactInput, UpdateContactInput } from '../../shared/schemas/contacts.js';
import { looksLikeHR } from '../../shared/text.js';
import type { AppContext } from '../repositories.js';
import { assertContact, assertExplorations, assertOrganization, now, required, type ListArgs, type EditArgs } from '../references.js';
import { contactDocument, interactionDocument } from '../search/search.documents.js';
import { indexInterviews } from '../search/search.index.js';
import { moveToTrash } from '../trash/trash.usecases.js';
import { findOrCreateOrganization } from '../organizations/organizations.usecases.js';
import type { ContactChanges, ContactFilters, NewContact } from './contacts.repository.js';

function displayName(input: { name?: string | undefined; givenName?: string | null | undefined; familyName?: string | null | undefined }) {
  const name = input.name?.trim() || [input.givenName, input.familyName].filter(Boolean).join(' ').trim();
  if (!name) throw validationError([{ field: 'name', message: 'is required (or give givenName / familyName)' }]);
  return name;
}

async function reindex(ctx: AppContext, id: string): Promise<Contact> {
  const contact = required(await ctx.repos.contacts.get(id), 'contacts', id);
  await ctx.repos.search.upsert([contactDocument(contact)]);
  return contact;
}

/** Interviews and interactions show the person's name in search, so a rename refreshes them. */
async function reindexActivity(ctx: AppContext, contact: Contact): Promise<void> {
  const interviews = await ctx.repos.interviews.forContact(contact.id);
  const interactions = await ctx.repos.interactions.forContact(contact.id);
  await indexInterviews(ctx, interviews);
  await ctx.repos.search.upsert(interactions.map((i) => interactionDocument(i, contact.name)));
}

/** Adds a person. HR is derived from title and department unless `isHR` says otherwise. */
export async function createContact({ ctx, input }: { ctx: AppContext; input: CreateContactInput }): Promise<{ contact: Contact }> {
  const name = displayName(input);
  return ctx.transaction(async (tx) => {
    await assertOrganization(tx, 'organizationId', input.organizationId);
    await assertContact(tx, 'referredById', input.referredById);
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    const organizationId =
      input.organizationId ??
      (await findOrCreateOrganization({
        ctx: tx,
        name: input.organizationName,
        defaults: { target: true, motivation: 0, posting: 1, advocacy: false, explorationIds: input.explorationIds },
      }));
    const at = now(tx);
    const id = newId();
    const row: NewContact = {
      id,
      name,
      givenName: input.givenName ?? null,
      familyName: input.familyName ?? null,
      title: input.title ?? null,
      organizationId: organizationId ?? null,
      seniority: input.seniority ?? null,
      department: input.department ?? null,
      isHR: input.isHR ?? looksLikeHR(input.title, input.department),
      isHRManual: input.isHR !== undefined,
      relationship: input.relationship,
      referredById: input.referredById ?? null,
      howWeMet: input.howWeMet ?? null,
      emails: input.emails,
      phones: input.phones,
      linkedinUrl: input.linkedinUrl ?? null,
      notes: input.notes ?? null,
      connectedOn: input.connectedOn ?? null,
      preferredFormat: input.preferredFormat ?? null,
      responsiveness: 'unknown',
      timeZone: input.timeZone ?? null,
      createdAt: at,
      updatedAt: at,
    };
    await tx.repos.contacts.insert(row, input.tags, input.explorationIds);
    return { contact: await reindex(tx, id) };
  });
}

export async function getContact({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ contact: Contact }> {
  return { contact: required(await ctx.repos.contacts.get(id), 'contacts', id) };
}

export async function listContacts({ ctx, filters, sort, page }: ListArgs<ContactFilters, ContactSortField>): Promise<PageResult<Contact>> {
  return ctx.repos.contacts.list(filters, sort, page);
}

/** Changes only the fields given. `isHR: null` hands the flag back to the title/department rule. */
export async function updateContact({ ctx, id, input }: EditArgs<UpdateContactInput>): Promise<{ contact: Contact }> {
  return ctx.transaction(async (tx) => {
    const current = required(await tx.repos.contacts.get(id), 'contacts', id);
    if (input.organizationId !== undefined) await assertOrganization(tx, 'organizationId', input.organizationId);
    if (input.referredById) {
      await assertContact(tx, 'referredById', input.referredById);
      const chain = [input.referredById, ...(await tx.repos.contacts.referrerChain(input.referredById))];
      if (chain.includes(id)) throw validationError([{ field: 'referredById', message: 'would make this person their own referrer' }]);
    }
    await assertExplorations(tx, 'explorationIds', input.explorationIds);
    const { tags, isHR, explorationIds, ...simple } = input;
    const patch: ContactChanges = { ...simple, updatedAt: now(tx) };
    if (input.name !== undefined || input.givenName !== undefined || input.familyName !== undefined) {
      const name =
        input.name ??
        (input.givenName !== undefined || input.familyName !== undefined
          ? displayName({ givenName: input.givenName ?? current.givenName, familyName: input.familyName ?? current.familyName })
          : current.name);
      patch.name = name;
    }
    const manual = isHR === undefined ? current.isHRManual : isHR !== null;
    patch.isHRManual = manual;
    const title = input.title !== undefined ? input.title : current.title;
    const department = input.department !== undefined ? input.department : current.department;
    patch.isHR = manual ? (isHR ?? current.isHR) : looksLikeHR(title, department);
    await tx.repos.contacts.update(id, patch, tags, explorationIds);
    const contact = await reindex(tx, id);
    if (contact.name !== current.name) await reindexActivity(tx, contact);
    return { contact };
  });
}

/** Removes a person with their interviews, interactions and referrals; the trash keeps them for an undo. */
export async function deleteContact({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string; trashId: string; undoUntil: string }> {
  return ctx.transaction(async (tx) => {
    const contact = required(await tx.repos.contacts.get(id), 'contacts', id);
    const undo = await moveToTrash(tx, { type: 'contact', id, label: contact.name });
    await tx.repos.search.remove('interview', await tx.repos.interviews.idsForContact(id));
    await tx.repos.search.remove('interaction', await tx.repos.interactions.idsForContact(id));
    await tx.repos.search.remove('contact', [id]);
    await tx.repos.contacts.delete(id);
    return { id, ...undo };
  });
}
