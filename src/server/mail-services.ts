import { createMailClient, type MailClientOptions } from '../modules/mail/mail.client.js';
import { parseEml } from '../modules/mail/eml.js';
import type { MailServices } from '../modules/mail/mail.usecases.js';
import { localMailKey, mailKeyFromEnv } from './mail-key.js';

/** The mailbox services of a running Inroads: the real client, the sealing key and the .eml reader. */
export function createMailServices(options: { key: Buffer | null; client?: MailClientOptions; onMailboxChanged?: () => void }): MailServices {
  return {
    client: createMailClient(options.client),
    key: options.key,
    parseEml: (raw) => parseEml(raw),
    ...(options.onMailboxChanged ? { onMailboxChanged: options.onMailboxChanged } : {}),
  };
}

/** Local mode: INROADS_MAIL_KEY when set, else the key file in the home (made on first use). */
export const localMailKeyFor = (home: string, env: NodeJS.ProcessEnv = process.env): Buffer => mailKeyFromEnv(env) ?? localMailKey(home);
