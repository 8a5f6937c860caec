import { AppError, validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { PageResult } from '../../shared/schemas/common.js';
import type { CreateReferralInput, Referral, ReferralSortField, UpdateReferralInput } from '../../shared/schemas/referrals.js';
import { assertContact, assertInterview, now, required, type ListArgs, type EditArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { NewReferral, ReferralFilters } from './referrals.repository.js';

/**
 * Records that one person suggested talking to another. The referred person's
 * `referredById` is filled in when it was empty, so the referral graph stays whole.
 */
export async function createReferral({ ctx, input }: { ctx: AppContext; input: CreateReferralInput }): Promise<{ referral: Referral }> {
  if (input.fromContactId === input.toContactId) {
    throw validationError([{ field: 'toContactId', message: 'must be a different person from fromContactId' }]);
  }
  return ctx.transaction(async (tx) => {
    await assertContact(tx, 'fromContactId', input.fromContactId);
    await assertContact(tx, 'toContactId', input.toContactId);
    await assertInterview(tx, 'interviewId', input.interviewId);
    const existing = await tx.repos.referrals.findPair(input.fromContactId, input.toContactId);
    if (existing) {
      throw new AppError('referrals.duplicate', 409, 'This referral is already recorded.', { id: existing });
    }
    const at = now(tx);
    const row: NewReferral = {
      id: newId(),
      fromContactId: input.fromContactId,
      toContactId: input.toContactId,
      interviewId: input.interviewId ?? null,
      status: input.status,
      reportedBackAt: input.reportedBackAt ?? null,
      note: input.note ?? null,
      createdAt: at,
      updatedAt: at,
    };
    await tx.repos.referrals.insert(row);
    const referred = await tx.repos.contacts.get(input.toContactId);
    if (referred && !referred.referredById) {
      const chain = await tx.repos.contacts.referrerChain(input.fromContactId);
      if (!chain.includes(input.toContactId)) {
        await tx.repos.contacts.update(input.toContactId, { referredById: input.fromContactId, updatedAt: at });
      }
    }
    return { referral: required(await tx.repos.referrals.get(row.id), 'referrals', row.id) };
  });
}

export async function getReferral({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ referral: Referral }> {
  return { referral: required(await ctx.repos.referrals.get(id), 'referrals', id) };
}

export async function listReferrals({ ctx, filters, sort, page }: ListArgs<ReferralFilters, ReferralSortField>): Promise<PageResult<Referral>> {
  return ctx.repos.referrals.list(filters, sort, page);
}

export async function updateReferral({ ctx, id, input }: EditArgs<UpdateReferralInput>): Promise<{ referral: Referral }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.referrals.get(id), 'referrals', id);
    await assertInterview(tx, 'interviewId', input.interviewId);
    await tx.repos.referrals.update(id, { ...input, updatedAt: now(tx) });
    return { referral: required(await tx.repos.referrals.get(id), 'referrals', id) };
  });
}

export async function deleteReferral({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.referrals.get(id), 'referrals', id);
    await tx.repos.referrals.delete(id);
    return { id };
  });
}
