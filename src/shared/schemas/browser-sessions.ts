import { z } from 'zod';

/** The answer to signing every browser out of a local workspace. */
export const signOutEverywhereResult = z.object({
  signedOut: z.number().int().describe('How many browsers were signed in before (this one included).'),
});
export type SignOutEverywhereResult = z.infer<typeof signOutEverywhereResult>;

export const SIGN_OUT_EVERYWHERE_PATH = '/api/v1/auth/sign-out-everywhere';
