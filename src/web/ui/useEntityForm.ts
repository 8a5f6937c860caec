import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { invalidate, recordKeys } from '../api/keys.js';
import { formChanged, useUnsavedChanges } from './unsaved.js';

/**
 * The add-or-edit form of one kind of record: saving runs `request` (the feature api's create or update;
 * or, for pages not yet moved to their api file, POSTs to `collection` / PATCHes `collection/id`),
 * refreshes every page that shows records, and puts the server's field errors beside their fields;
 * leaving with typed text asks first.
 */
export function useEntityForm<T>({
  request,
  collection,
  id,
  onSaved,
}: {
  request?: (body: Record<string, unknown>) => Promise<T>;
  collection?: string;
  id: string | undefined;
  onSaved: (saved: T) => void;
}) {
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const leave = useUnsavedChanges(() => formChanged(form.current));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      request ? request(body) : id ? api.patch<T>(`${collection}/${id}`, body) : api.post<T>(collection ?? '', body),
    onSuccess: async (saved) => {
      await invalidate(client, recordKeys);
      onSaved(saved);
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  return { form, errors, save, leave };
}

/** A trimmed text field from a form, or null when it is empty. */
export function formText(data: FormData, name: string): string | null {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? null : value;
}
