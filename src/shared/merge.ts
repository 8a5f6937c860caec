/** Merge fields a template may use, written {{like.this}}. */
export const mergeFields = [
  'contact.name',
  'contact.givenName',
  'contact.familyName',
  'contact.title',
  'organization.name',
  'exploration.title',
  'profile.name',
  'profile.background',
  'profile.pitch',
  'connection',
  'lastTakeaway',
] as const;
export type MergeField = (typeof mergeFields)[number];
export type MergeValues = Partial<Record<MergeField, string>>;

const FIELD = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The merge fields a template uses that Inroads does not know. */
export function unknownMergeFields(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1] ?? '').filter((f) => !(mergeFields as readonly string[]).includes(f)))];
}

/** Fills in a template; a field with no value becomes a visible [placeholder] to fill by hand. */
export function renderTemplate(text: string, values: MergeValues): string {
  return text.replace(FIELD, (_m, field: string) => {
    const value = values[field as MergeField];
    return value && value.trim() ? value : `[${field}]`;
  });
}
