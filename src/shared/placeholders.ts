/**
 * Merge fields and hand-fill markers a draft can still carry: `{{contact.name}}`,
 * `{name}`, `[exploration.title]` or `[one line on your progress]`, `<name>`, `%NAME%`.
 * Not flagged: `<ana@example.com>` and `<https://…>` (addresses in angle brackets), simple HTML tags (`<br>`, `<b>`),
 * `[text](url)` links, and footnote marks such as `[1]`.
 */
const PLACEHOLDERS: RegExp[] = [
  /\{\{[^{}\n]{1,80}\}\}/g,
  /(?<!\{)\{[A-Za-z][\w.\- ]{0,40}\}(?!\})/g,
  /\[(?=[^\]\n]*\p{L})[^[\]\n]{1,80}\](?!\()/gu,
  /<(?![^>\n]*(?:@|:\/\/))(?!\/?(?:b|i|u|s|p|a|br|hr|em|strong|span|div|ul|ol|li|small|sup|sub|code|pre|blockquote)\s*\/?>)[A-Za-z][\w.\- ]{0,40}>/g,
  /%[A-Za-z][\w.]{0,40}%/g,
];

/** Every unfilled merge field or hand-fill marker in the text, in order, each once. */
export function unfilledPlaceholders(text: string): string[] {
  const found: Array<{ at: number; text: string }> = [];
  for (const pattern of PLACEHOLDERS) for (const m of text.matchAll(pattern)) found.push({ at: m.index, text: m[0] });
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.text))];
}
