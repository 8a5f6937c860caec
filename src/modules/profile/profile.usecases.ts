import type { Profile, UpdateProfileInput } from '../../shared/schemas/profile.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { refreshAllResponsiveness } from '../responsiveness/responsiveness.usecases.js';

export async function getProfile({ ctx }: { ctx: AppContext }): Promise<{ profile: Profile }> {
  return { profile: await ctx.repos.profile.get() };
}

/** Saves the fields given; holidays are kept sorted and unique. */
export async function updateProfile({ ctx, input }: { ctx: AppContext; input: UpdateProfileInput }): Promise<{ profile: Profile }> {
  return ctx.transaction(async (tx) => {
    const current = await tx.repos.profile.get();
    const next: Profile = { ...current, ...input, updatedAt: now(tx) };
    next.holidays = [...new Set(next.holidays)].sort();
    next.workingDays = [...next.workingDays].sort((a, b) => a - b);
    await tx.repos.profile.save(next);
    const calendarChanged =
      next.timeZone !== current.timeZone || next.workingDays.join() !== current.workingDays.join() || next.holidays.join() !== current.holidays.join();
    if (calendarChanged) await refreshAllResponsiveness(tx);
    return { profile: await tx.repos.profile.get() };
  });
}
