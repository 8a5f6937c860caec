import { z } from 'zod';
import { accountSchema } from './accounts.js';
import { SSO_CALLBACK_PATH } from '../vocabulary/sso.js';
export { SSO_CALLBACK_PATH };

/** Whether this server offers single sign-on, under which name, and whether it is the only way in. */
export const ssoStatusSchema = z.object({
  enabled: z.boolean(),
  /** What the button says: "Continue with <name>". */
  name: z.string().nullable(),
  /** Single sign-on only: no password sign-in, sign-up or reset. */
  only: z.boolean(),
});
export type SsoStatus = z.infer<typeof ssoStatusSchema>;

export const ssoStartInput = z.object({ invitation: z.string().trim().min(1).max(200).optional() }).strict();
export type SsoStartInput = z.infer<typeof ssoStartInput>;
export const ssoStartResponse = z.object({ url: z.string() });
export type SsoStartResponse = z.infer<typeof ssoStartResponse>;

/** The query string the provider sent back to SSO_CALLBACK_PATH, as it came (`?code=…&state=…&iss=…`). */
export const ssoFinishInput = z.object({ response: z.string().min(1).max(8000) }).strict();
export type SsoFinishInput = z.infer<typeof ssoFinishInput>;
export const ssoFinishResponse = z.object({ user: accountSchema, joined: z.boolean() });
export type SsoFinishResponse = z.infer<typeof ssoFinishResponse>;
