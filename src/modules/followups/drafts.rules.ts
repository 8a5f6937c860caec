/** "3 March", or "28 December 2025" when the year is not the current one, in the user's time zone. */
export function dayMonth(iso: string, now: string, timeZone: string): string {
  const sameYear = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(new Date(iso)) === new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(new Date(now));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), timeZone }).format(new Date(iso));
}

const GREETING = /^(hi|hello|hey|dear|good\s+(morning|afternoon|evening))\b[^\n]{0,60}$/i;
const VAGUE_WHEN = /\bI\s+(wrote|sent\s+(?:you\s+)?(?:a\s+)?(?:note|message|an\s+email|a\s+line))(\s+to\s+you)?\s+(a\s+little\s+while\s+ago|recently|last\s+week|earlier|the\s+other\s+day|some\s+time\s+ago)\b/i;

/**
 * A follow-up that says when the first request went: "I wrote on 3 March…".
 * A vague "I wrote a little while ago" gets the date; otherwise one sentence opens
 * the first paragraph after the greeting. Pure.
 */
export function mentionFirstRequest(body: string, sentOn: string): string {
  if (body.includes(sentOn)) return body;
  if (VAGUE_WHEN.test(body)) return body.replace(VAGUE_WHEN, (_m, verb: string, toYou: string | undefined) => `I ${verb}${toYou ?? ''} on ${sentOn}`);
  const sentence = `I wrote on ${sentOn} to ask for a short conversation.`;
  const lines = body.split('\n');
  let at = 0;
  while (at < lines.length && !(lines[at] ?? '').trim()) at++;
  if (GREETING.test((lines[at] ?? '').trim())) {
    at++;
    while (at < lines.length && !(lines[at] ?? '').trim()) at++;
  }
  if (at >= lines.length) return `${body.trimEnd()}\n\n${sentence}`;
  lines[at] = `${sentence} ${lines[at]}`;
  return lines.join('\n');
}
