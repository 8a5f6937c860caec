import { AppError, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Restored } from '../../shared/schemas/trash.js';
import { refreshResponsiveness } from '../responsiveness/responsiveness.usecases.js';
import { required } from '../references.js';
import type { AppContext } from '../repositories.js';
import { contactDocument, interactionDocument, organizationDocument } from '../search/search.documents.js';
import { indexInterviews } from '../search/search.index.js';
import type { TrashType } from './trash.repository.js';

/** How long a deleted item can still be brought back. */
export const TRASH_KEEP_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Keeps what deleting this item will remove (the item, what hangs off it, and the
 * links other rows have to it) so the delete can be undone. Call it inside the
 * delete's transaction, before deleting. Entries older than the keeping time go.
 */
export async function moveToTrash(ctx: AppContext, item: { type: TrashType; id: string; label: string }): Promise<{ trashId: string; undoUntil: string }> {
  const at = ctx.clock.now();
  await ctx.repos.trash.purgeBefore(new Date(at.getTime() - TRASH_KEEP_DAYS * DAY_MS).toISOString());
  const trashId = newId();
  const snapshot = await ctx.repos.trash.snapshot(item.type, item.id);
  await ctx.repos.trash.insert({ id: trashId, type: item.type, entityId: item.id, label: item.label, snapshot, deletedAt: at.toISOString() });
  return { trashId, undoUntil: new Date(at.getTime() + TRASH_KEEP_DAYS * DAY_MS).toISOString() };
}

async function reindex(ctx: AppContext, type: TrashType, id: string): Promise<void> {
  if (type === 'organization') {
    await ctx.repos.search.upsert([organizationDocument(required(await ctx.repos.organizations.get(id), 'organizations', id))]);
    const people = await ctx.repos.contacts.getMany(await ctx.repos.contacts.idsAtOrganization(id));
    await ctx.repos.search.upsert(people.map(contactDocument));
    return;
  }
  if (type === 'interview') {
    const interview = required(await ctx.repos.interviews.get(id), 'interviews', id);
    await indexInterviews(ctx, [interview]);
    await refreshResponsiveness(ctx, interview.contactId);
    return;
  }
  const contact = required(await ctx.repos.contacts.get(id), 'contacts', id);
  await ctx.repos.search.upsert([contactDocument(contact)]);
  await indexInterviews(ctx, await ctx.repos.interviews.forContact(id));
  const interactions = await ctx.repos.interactions.forContact(id);
  await ctx.repos.search.upsert(interactions.map((i) => interactionDocument(i, contact.name)));
}

/** Undoes a delete: puts the item back with everything that hung off it, in one transaction. */
export async function restoreFromTrash({ ctx, id }: { ctx: AppContext; id: string }): Promise<Restored> {
  return ctx.transaction(async (tx) => {
    const entry = await tx.repos.trash.get(id);
    if (!entry) throw notFound('trash', id);
    if (await tx.repos.trash.exists(entry.type, entry.entityId)) {
      throw new AppError('trash.already_restored', 409, `${entry.label} is already back.`, { id, entityId: entry.entityId });
    }
    await tx.repos.trash.restore(entry.snapshot);
    await tx.repos.trash.remove(id);
    await reindex(tx, entry.type, entry.entityId);
    return { restored: true as const, type: entry.type, id: entry.entityId, label: entry.label };
  });
}

/** Forgets deleted items older than the keeping time. */
export async function purgeTrash({ ctx }: { ctx: AppContext }): Promise<{ purged: number }> {
  const before = new Date(ctx.clock.now().getTime() - TRASH_KEEP_DAYS * DAY_MS).toISOString();
  return { purged: await ctx.repos.trash.purgeBefore(before) };
}
