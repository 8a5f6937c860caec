/** Lower-cased, accent-free key used for sorting and duplicate detection. */
export function sortKey(value: string): string {
  // Plain ASCII (most names) has nothing to decompose.
  const base = /[\u0080-\uffff]/.test(value) ? value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : value;
  return base.toLowerCase().trim();
}

const HR_PATTERN =
  /\b(hr|human resources?|recruit(?:er|ing|ment)?|talent(?: acquisition| partner)?|people (?:ops|operations|partner|team)|hiring coordinator|staffing|sourcer)\b/i;

/** Whether a title or department looks like human resources or recruiting. */
export function looksLikeHR(title: string | null | undefined, department: string | null | undefined): boolean {
  return HR_PATTERN.test(title ?? '') || HR_PATTERN.test(department ?? '');
}
