import { noContent } from '../../shared/schemas/common.js';
import {
  connectMailboxInput,
  importMailInput,
  importMailResponse,
  mailboxStatusSchema,
  mailMessagesQuery,
  mailMessagesResponse,
  markRequestedResponse,
  sendMailInput,
  sendMailResponse,
  syncResultSchema,
} from '../../shared/schemas/mail.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { connectMailbox, disconnectMailbox, importMail, listMailMessages, mailboxStatus, markRequested, sendMail, syncMailbox, type MailServices } from './mail.usecases.js';

/** The user's own mailbox: connect, send from drafts, read replies, drop .eml files. */
export function registerMailRoutes(app: App, ctx: AppContext, mail: MailServices): void {
  const tags = ['mail'];
  app.get('/api/v1/mail/mailbox', {
    schema: { tags, summary: 'The connected mailbox (never its password)', response: { 200: mailboxStatusSchema, ...errorResponses } },
    handler: async () => mailboxStatus({ ctx, mail }),
  });
  app.put('/api/v1/mail/mailbox', {
    schema: {
      tags,
      summary: 'Connect a mailbox: signs in to IMAP and SMTP first, and keeps nothing if either refuses',
      description:
        'The secret (an app password, or an OAuth access token with authKind xoauth2) is stored encrypted (AES-256-GCM) and never returned. Inroads reads only messages to or from people in Inroads, and keeps their headers, date and a short snippet.',
      body: connectMailboxInput,
      response: { 200: mailboxStatusSchema, ...errorResponses },
    },
    handler: async (request) => connectMailbox({ ctx, mail, input: request.body }),
  });
  app.delete('/api/v1/mail/mailbox', {
    schema: { tags, summary: 'Disconnect the mailbox and delete its password', response: { 204: noContent, ...errorResponses } },
    handler: async (_request, reply) => {
      await disconnectMailbox({ ctx, mail });
      return reply.code(204).send(null);
    },
  });
  app.post('/api/v1/mail/sync', {
    schema: { tags, summary: 'Read what is new in the mailbox now (one pass)', response: { 200: syncResultSchema, ...errorResponses } },
    handler: async () => syncMailbox({ ctx, mail }),
  });
  app.post('/api/v1/mail/send', {
    schema: {
      tags,
      summary: 'Send a draft from the connected mailbox and record it: the conversation moves and the message goes on the timeline, in one transaction',
      body: sendMailInput,
      response: { 200: sendMailResponse, ...errorResponses },
    },
    handler: async (request) => sendMail({ ctx, mail, input: request.body }),
  });
  app.get('/api/v1/mail/messages', {
    schema: { tags, summary: 'Kept messages (headers and a snippet), newest first', querystring: mailMessagesQuery, response: { 200: mailMessagesResponse, ...errorResponses } },
    handler: async (request) => listMailMessages({ ctx, contactId: request.query.contactId, limit: request.query.limit }),
  });
  app.post('/api/v1/mail/import', {
    schema: { tags, summary: 'Read .eml files (all or nothing) with the same matching and effects as the mailbox', body: importMailInput, response: { 200: importMailResponse, ...errorResponses } },
    handler: async (request) => importMail({ ctx, mail, input: request.body }),
  });
  app.post('/api/v1/mail/messages/:id/mark-requested', {
    schema: { tags, summary: 'Record a message sent from your own mail app as the request for that conversation', params: idParams, response: { 200: markRequestedResponse, ...errorResponses } },
    handler: async (request) => markRequested({ ctx, id: request.params.id }),
  });
}
