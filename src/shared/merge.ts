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

/** Roles there is usually one of ("as Head of Design"): they read well without an article. */
const UNIQUE_ROLE = /^(head|chief|ceo|cto|cfo|coo|cpo|cmo|vp|vice|president|founder|co-?founder|managing director|director of|owner)\b/i;
const ARTICLE = /^(a|an|the|my|our|their|one)\s/i;

/** "a" or "an" for a job title, by its sound: "an engineer", "an MBA student", "a UX researcher", "a user researcher". */
export function indefiniteArticle(title: string): 'a' | 'an' {
  const word = title.trim().split(/[\s/-]/)[0] ?? '';
  // An acronym is spoken letter by letter: "an SRE", "a UX lead".
  if (word.length > 1 && word === word.toUpperCase() && /^[A-Z]/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (/^(uni|use|usa|usu|ut[aeiou]|ur[aeiou]|eu|one|once)/.test(lower)) return 'a';
  if (/^(hour|honou?r|heir)/.test(lower)) return 'an';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/**
 * A job title after "as" takes an article in English ("your experience as a UX researcher"),
 * unless it already has one or names a role there is one of.
 */
function withArticle(title: string, before: string): string {
  if (!/\bas\s+$/i.test(before) || ARTICLE.test(title) || UNIQUE_ROLE.test(title)) return title;
  return `${indefiniteArticle(title)} ${title}`;
}

/** Fills in a template; a field with no value becomes a visible [placeholder] to fill by hand. */
export function renderTemplate(text: string, values: MergeValues): string {
  return text.replace(FIELD, (_m, field: string, offset: number) => {
    const value = values[field as MergeField];
    if (!value || !value.trim()) return `[${field}]`;
    return field === 'contact.title' ? withArticle(value.trim(), text.slice(Math.max(0, offset - 8), offset)) : value;
  });
}
