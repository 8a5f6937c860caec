import type { Profile, UpdateProfileInput } from '../../shared/schemas/profile.js';
import { validationError } from '../../shared/errors.js';
import { isKnownPlace } from '../holidays/holidays.calendar.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { refreshAllResponsiveness } from '../responsiveness/responsiveness.usecases.js';

function checkPlace(country: string, region: string): void {
  if (!isKnownPlace(country, '')) throw validationError([{ field: 'country', message: `we have no public holidays for ${country}` }]);
  if (!isKnownPlace(country, region)) throw validationError([{ field: 'region', message: country ? `${region} is not a region of ${country}` : 'choose a country first' }]);
}

export async function getProfile({ ctx }: { ctx: AppContext }): Promise<{ profile: Profile }> {
  return { profile: await ctx.repos.profile.get() };
}

/** Saves the fields given; holidays are kept sorted and unique. */
export async function updateProfile({ ctx, input }: { ctx: AppContext; input: UpdateProfileInput }): Promise<{ profile: Profile }> {
  return ctx.transaction(async (tx) => {
    const current = await tx.repos.profile.get();
    const next: Profile = { ...current, ...input, updatedAt: now(tx) };
    // A new country without a region drops the old country's region.
    if (input.country !== undefined && input.country !== current.country && input.region === undefined) next.region = '';
    checkPlace(next.country, next.region);
    next.holidays = [...new Set(next.holidays)].sort();
    next.workingDays = [...next.workingDays].sort((a, b) => a - b);
    await tx.repos.profile.save(next);
    const calendarChanged =
      next.timeZone !== current.timeZone || next.workingDays.join() !== current.workingDays.join() || next.holidays.join() !== current.holidays.join() ||
      next.country !== current.country ||
      next.region !== current.region;
    if (calendarChanged) await refreshAllResponsiveness(tx);
    return { profile: await tx.repos.profile.get() };
  });
}
