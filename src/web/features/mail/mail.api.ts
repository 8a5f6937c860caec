import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type {
  ConnectMailboxInput,
  ImportMailInput,
  ImportMailResult,
  MailboxStatus,
  MailMessage,
  SendMailInput,
  SendMailResult,
  SyncResult,
} from '../../../shared/schemas/mail.js';
import type { z } from 'zod';
import type { mailMessagesResponse, markRequestedResponse } from '../../../shared/schemas/mail.js';
import { api, ApiError } from '../../api/client.js';
import { invalidate, mailKeys, recordKeys } from '../../api/keys.js';

type MailMessages = z.infer<typeof mailMessagesResponse>;
type MarkRequested = z.infer<typeof markRequestedResponse>;

/**
 * The connected mailbox (never its password); `connected: false` when there is none. While connected
 * it is asked again now and then, so "watching" and the last check stay true to what the server does.
 */
export function useMailbox() {
  return useQuery({
    queryKey: mailKeys.mailbox,
    queryFn: fetchMailbox,
    refetchInterval: (query) => (query.state.data?.connected ? (query.state.data.watching ? 60_000 : 5_000) : false),
  });
}

const fetchMailbox = () => api.get<MailboxStatus>('/api/v1/mail/mailbox');

/**
 * On Today while a mailbox is watched: the status is asked for more often, and each new pass over
 * the mailbox (a reply may have moved a conversation) refreshes what is shown.
 */
export function useRefreshOnNewMail() {
  const client = useQueryClient();
  const mailbox = useQuery({ queryKey: mailKeys.mailbox, queryFn: fetchMailbox, refetchInterval: (query) => (query.state.data?.watching ? 15_000 : false) });
  const lastSyncAt = mailbox.data?.lastSyncAt ?? null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = lastSyncAt;
    if (before !== null && lastSyncAt !== null && lastSyncAt !== before) void invalidate(client, recordKeys);
  }, [client, lastSyncAt]);
}

/** Signs in to both servers first; nothing is stored unless both accept. */
export function useConnectMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectMailboxInput) => api.put<MailboxStatus>('/api/v1/mail/mailbox', input),
    onSuccess: (status) => client.setQueryData(mailKeys.mailbox, status),
  });
}

/** Forgets the mailbox and deletes its credentials. */
export function useDisconnectMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>('/api/v1/mail/mailbox'),
    onSuccess: () => invalidate(client, [mailKeys.mailbox]),
  });
}

/** One pass over the mailbox now: replies and bounces it finds change the records, so they all refresh. */
export function useSyncMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SyncResult>('/api/v1/mail/sync'),
    onSettled: () => invalidate(client, [mailKeys.mailbox, ...recordKeys]),
  });
}

/** Sends a draft through the user's own mail server; the conversation moves and the message is logged. */
export function useSendMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMailInput) => api.post<SendMailResult>('/api/v1/mail/send', input),
    onSuccess: () => invalidate(client, [mailKeys.mailbox, ...recordKeys]),
  });
}

/** The messages kept for one person (or all of them), newest first. */
export function useMailMessages(contactId: string | undefined, limit = 20) {
  return useQuery({
    queryKey: contactId ? mailKeys.ofContact(contactId) : mailKeys.messages,
    queryFn: () => api.get<MailMessages>('/api/v1/mail/messages', { contactId, limit }),
    select: (data): MailMessage[] => data.items,
  });
}

/** `.eml` files read as text and matched like mail from the mailbox. */
export function useImportMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportMailInput) => api.post<ImportMailResult>('/api/v1/mail/import', input),
    onSuccess: () => invalidate(client, recordKeys),
  });
}

/** A request the user sent from their own mail app, recorded in one click. */
export function useMarkRequested() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mailMessageId: string) => api.post<MarkRequested>(`/api/v1/mail/messages/${encodeURIComponent(mailMessageId)}/mark-requested`),
    onSuccess: () => invalidate(client, recordKeys),
  });
}

export type MailFailureReason = 'auth' | 'unreachable' | 'certificate' | 'timeout' | 'protocol' | 'rejected';

export interface ConnectFailure {
  reason: MailFailureReason;
  server: 'imap' | 'smtp';
  fingerprint: string | null;
  /** The form field to look at ('secret', 'imap.host' or 'smtp.host'), when the server names one. */
  field: string | null;
  message: string;
}

/** The details of a `mail.connect_failed` answer, or null for any other error. */
export function connectFailure(error: unknown): ConnectFailure | null {
  if (!(error instanceof ApiError) || error.code !== 'mail.connect_failed') return null;
  const details = (error.details ?? {}) as Partial<ConnectFailure>;
  return {
    reason: details.reason ?? 'rejected',
    server: details.server === 'smtp' ? 'smtp' : 'imap',
    fingerprint: typeof details.fingerprint === 'string' ? details.fingerprint : null,
    field: typeof details.field === 'string' ? details.field : null,
    message: error.message,
  };
}

/** Reads dropped or chosen files as text, as the import expects. */
export function readEmlFiles(files: readonly File[]): Promise<ImportMailInput['files']> {
  return Promise.all(files.map(async (file) => ({ name: file.name, content: await file.text() })));
}
