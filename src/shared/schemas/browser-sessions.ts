import { z } from 'zod';
import { SIGN_OUT_EVERYWHERE_PATH } from '../vocabulary/browser-sessions.js';
export { SIGN_OUT_EVERYWHERE_PATH };

/** The answer to signing every browser out of a local workspace. */
export const signOutEverywhereResult = z.object({
  signedOut: z.number().int().describe('How many browsers were signed in before (this one included).'),
});
export type SignOutEverywhereResult = z.infer<typeof signOutEverywhereResult>;
