/**
 * A takeaway, as noted after a conversation ("She said teams hire from referrals"),
 * turned into a line of a letter to that person ("You said teams hire from
 * referrals"): second person, no quotation of a note about them. Pure.
 */

export interface Addressee {
  name: string;
  givenName?: string | null | undefined;
  /** Words that are names and keep their capital (the organisation, the person). */
  properNames?: readonly string[] | undefined;
}

const SAYING = 'said|says|told\\s+me|mentioned|explained|thinks|thought|believes|believed|recommended|recommends|suggested|suggests|advised|advises|pointed\\s+out|feels|felt|reckons|reckoned|warned|warns|stressed|stresses|emphasised|emphasized|emphasises|emphasizes';

/** Verbs a note starts with when it records advice ("Talk to design ops first"). */
const IMPERATIVE = new Set([
  'talk', 'ask', 'start', 'read', 'try', 'look', 'focus', 'build', 'apply', 'join', 'learn', 'get', 'find', 'keep', 'reach', 'use', 'consider', 'avoid', 'spend', 'take',
  'write', 'go', 'volunteer', 'attend', 'follow', 'contact', 'email', 'call', 'meet', 'practise', 'practice', 'study', 'show', 'bring', 'make', 'do', "don't", 'never', 'always',
]);

const LEAD_INS = [
  /^(?:key\s+)?(?:takeaway|lesson|note|learned|learnt)\s*[:—–-]\s*/i,
  /^(?:i\s+)?(?:learned|learnt|realised|realized|found\s+out|heard|discovered|noted|understood|was\s+told)\s+(?:that\s+)?/i,
];

/** "works" → "work", "is" → "are": the verb after a "she" or "he" that became "you". */
function secondPerson(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do', "doesn't": "don't", 'doesn’t': 'don’t', "isn't": "aren't", 'isn’t': 'aren’t', "wasn't": "weren't", 'wasn’t': 'weren’t', "hasn't": "haven't", 'hasn’t': 'haven’t', says: 'say', goes: 'go' };
  if (irregular[lower]) return irregular[lower];
  if (/[^aeiou]ies$/.test(lower)) return `${verb.slice(0, -3)}y`;
  if (/(ch|sh|ss|x|o)es$/.test(lower)) return verb.slice(0, -2);
  if (/[^su]s$/.test(lower) && lower.length > 3) return verb.slice(0, -1);
  return verb;
}

/** Third-person references to the addressee become second-person ones. */
function toYou(text: string, names: string[]): string {
  let out = text;
  for (const name of names) {
    const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`\\b${n}['’]s\\b`, 'g'), 'your');
    out = out.replace(new RegExp(`\\b${n}\\s+(\\w+(?:n['’]t)?)`, 'g'), (_m, verb: string) => `you ${secondPerson(verb)}`);
  }
  return out
    .replace(/\b(?:she|he)['’]s\b/gi, 'you’re')
    .replace(/\b(?:she|he)\s+(\w+(?:n['’]t)?)/gi, (_m, verb: string) => `you ${secondPerson(verb)}`)
    .replace(/\b(?:herself|himself)\b/gi, 'yourself')
    .replace(/\bhis\b/gi, 'your')
    .replace(/\bhim\b/gi, 'you')
    // "her" before a noun is "your"; at the end of a clause or before a preposition it is "you".
    .replace(/\bher\b(?=\s+(?:to|for|about|with|at|in|on|and|or|that)\b|\s*[,.;!?]|\s*$)/gi, 'you')
    .replace(/\bher\b/gi, 'your');
}

function lowerFirst(text: string, proper: readonly string[]): string {
  const first = /^[^\s,.;:]+/.exec(text)?.[0] ?? '';
  if (!first || first === 'I' || /^I['’]/.test(first) || /\p{Lu}/u.test(first.slice(1)) || proper.some((p) => p.toLowerCase() === first.toLowerCase())) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * "She said teams hire mostly from referrals" → "You said teams hire mostly from
 * referrals"; "Portfolios beat certificates." → "You told me that portfolios beat
 * certificates"; "Talk to design ops first" → "You advised me to talk to design ops
 * first". No full stop at the end: templates write what follows ("— that stayed with me").
 */
export function addressTakeaway(takeaway: string, to: Addressee): string {
  let text = takeaway.replace(/\s+/g, ' ').trim().replace(/^["“‘']+|["”’']+$/g, '').replace(/[.!;:,\s]+$/, '');
  if (!text) return '';
  for (const lead of LEAD_INS) text = text.replace(lead, '');
  if (!text) return '';
  const given = to.givenName?.trim() || to.name.split(' ')[0] || to.name;
  const names = [...new Set([to.name, given].filter(Boolean))].sort((a, b) => b.length - a.length);
  const proper = [...names.flatMap((n) => n.split(' ')), ...(to.properNames ?? []).flatMap((n) => n.split(' '))];
  if (/^you\b/i.test(text)) return `You${text.slice(3)}`;

  const subject = `(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|she|he|they)`;
  const saying = new RegExp(`^${subject}\\s+(${SAYING})\\s+(?:that\\s+)?(.*)$`, 'i').exec(text);
  if (saying) {
    const verb = (saying[1] ?? '').replace(/\s+/g, ' ');
    const rest = toYou(saying[2] ?? '', names);
    return `You ${secondPerson(verb)} ${lowerFirst(rest, proper)}`;
  }
  const advice = new RegExp(`^(?:her|his|their|${names.map((n) => `${n}['’]s`).join('|')})\\s+advice(?:\\s+(?:was|is))?\\s*(?:[:—–-]\\s*|to\\s+|that\\s+)?(.*)$`, 'i').exec(text);
  if (advice) text = advice[1] ?? '';
  const firstWord = (/^\S+/.exec(text)?.[0] ?? '').toLowerCase().replace(/[,;:]$/, '');
  if (IMPERATIVE.has(firstWord)) {
    if (firstWord === "don't" || firstWord === 'never') return `You advised me not to ${text.replace(/^\S+\s+/, '')}`;
    if (firstWord === 'always') return `You advised me always to ${text.replace(/^\S+\s+/, '')}`;
    return `You advised me to ${lowerFirst(toYou(text, names), proper)}`;
  }
  if (advice) return `Your advice was that ${lowerFirst(toYou(text, names), proper)}`;
  return `You told me that ${lowerFirst(toYou(text, names), proper)}`;
}
