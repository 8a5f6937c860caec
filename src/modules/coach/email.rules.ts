import { unfilledPlaceholders } from '../../shared/placeholders.js';
import { jobAsk, words, type Finding } from './coach.shared.js';

export { unfilledPlaceholders };

export const EMAIL_WORD_LIMIT = 100;

export interface ParsedEmail {
  subject: string | null;
  body: string;
  /** The body without its greeting line and sign-off. */
  core: string;
}

const GREETING = /^(hi|hello|hey|dear|good\s+(morning|afternoon|evening)|greetings)\b[^\n]{0,60}$/i;
const SIGN_OFF = /^(best|best\s+wishes|all\s+the\s+best|thanks|thank\s+you|many\s+thanks|thanks\s+(so\s+much|again|in\s+advance)|with\s+(many\s+|great\s+|warm\s+)?thanks|regards|kind\s+regards|warm\s+regards|warmly|cheers|sincerely|yours(\s+sincerely|\s+truly)?|respectfully|gratefully)\b[^\n]{0,40}$/i;

/** Plain text: an optional first line "Subject: …", a blank line, then the body. */
export function parseEmail(text: string): ParsedEmail {
  const normalised = text.replace(/\r\n?/g, '\n');
  const match = /^\s*subject:\s*(.*)\n/i.exec(normalised);
  const subject = match ? (match[1] ?? '').trim() : null;
  const body = (match ? normalised.slice(match[0].length) : normalised).trim();
  const lines = body.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
  if (GREETING.test((lines[start] ?? '').trim())) start++;
  let end = lines.length;
  for (let i = lines.length - 1; i > start; i--) {
    if (SIGN_OFF.test((lines[i] ?? '').trim().replace(/[,.!]+$/, ''))) {
      end = i;
      break;
    }
  }
  return { subject, body, core: lines.slice(start, end).join('\n').trim() };
}

const RESUME = /(?<![\p{L}])(r[ée]sum[ée]s?|cv|curriculum\s+vitae)(?![\p{L}])/iu;
const ATTACHING = [
  /\b(attach(?:ed|ing)?|enclos(?:ed|ing|e)|including|included|include)\b[^.!?\n]{0,50}(r[ée]sum[ée]|cv\b|curriculum\s+vitae)/i,
  /(r[ée]sum[ée]|\bcv\b|curriculum\s+vitae)[^.!?\n]{0,30}\b(attached|enclosed|below|for\s+your\s+(reference|review|consideration))\b/i,
  /\b(please\s+)?(find|see)\s+(?:attached\s+)?my\s+(r[ée]sum[ée]|cv\b)/i,
  /\bhere\s+is\s+my\s+(r[ée]sum[ée]|cv\b)/i,
  /\bsending\s+(?:you\s+)?my\s+(r[ée]sum[ée]|cv\b)/i,
];
const OFFER_ONLY = /\b(if\s+(?:it\s+)?(?:would\s+be\s+)?(?:useful|helpful)|if\s+you(?:['’]d|\s+would)?\s+(?:like|want|prefer)|happy\s+to\s+send|can\s+send|could\s+send|on\s+request|upon\s+request)\b/i;

const CONNECTION = [
  /\b(we|i)\s+(met|spoke|talked|chatted|worked|studied|went)\b/i,
  /\b(met|heard|saw|noticed|learned|read|see)\s+(?:that\s+)?you\b/i,
  /\b(your|the)\s+(talk|presentation|panel|session|article|post|podcast|interview|webinar|keynote|workshop)\b/i,
  /\b(read|enjoyed|saw|heard|came\s+across|found|noticed)\s+(?:your|you)\b/i,
  /\b(suggested|recommended|mentioned|told\s+me|pointed\s+me|referred\s+me|introduced|put\s+me\s+in\s+touch|gave\s+me\s+your)\b/i,
  /\b(mutual|fellow|both|shared|common)\b/i,
  /\b(alum(?:nus|na|ni|nae)?|graduate\s+of|classmate|old\s+colleague|former\s+colleague|friend\s+of|cousin|neighbou?r|member\s+of)\b/i,
  /\b(on|via|through)\s+(linkedin|the\s+\w+\s+(?:network|group|association|alumni)|our\s+\w+)\b/i,
  /\b(connected|connection)\b/i,
  /\b(your\s+profile|your\s+name\s+came\s+up|you\s+were\s+recommended|given\s+your\s+name)\b/i,
  /\b(as\s+(?:family|a\s+friend)|family\s+friend|old\s+friend|aunt|uncle|cousin|brother|sister|godmother|godfather|in-law)\b/i,
];

const NUMBER_WORDS: Record<string, number> = { five: 5, ten: 10, fifteen: 15, twenty: 20, 'twenty-five': 25, thirty: 30, forty: 40, 'forty-five': 45 };
const DURATION = /\b(\d{1,3}|five|ten|fifteen|twenty|twenty-five|thirty|forty|forty-five)\s*[- ]?\s*(?:to\s+\d{1,3}\s*[- ]?\s*)?(minutes?|mins?)\b/gi;
const SHORT_PHRASES = /\b(half\s+an\s+hour|a\s+half[- ]hour|quarter\s+of\s+an\s+hour|a\s+quarter[- ]hour)\b/i;

/** A specific, short amount of time: "20 minutes", "15–20 mins", "half an hour". */
export function hasTimeBoundAsk(text: string): boolean {
  if (SHORT_PHRASES.test(text)) return true;
  for (const match of text.matchAll(DURATION)) {
    const raw = (match[1] ?? '').toLowerCase();
    const minutes = NUMBER_WORDS[raw] ?? Number(raw);
    if (minutes > 0 && minutes <= 45) return true;
  }
  return false;
}

const quoteList = (items: string[]) =>
  items.length === 1 ? `“${items[0]}”` : `${items.slice(0, -1).map((i) => `“${i}”`).join(', ')} and “${items[items.length - 1]}”`;

/** The outreach-email checks, with the rule ids of the public contract. Pure and deterministic. */
export function checkEmail(text: string): Finding[] {
  const email = parseEmail(text);
  const findings: Finding[] = [];
  const unfilled = unfilledPlaceholders(text);
  if (unfilled.length) {
    const shown = unfilled.slice(0, 3);
    findings.push({
      rule: 'unfilled-placeholder',
      message: `${quoteList(shown)}${unfilled.length > 3 ? ` and ${unfilled.length - 3} more` : ''} still ${unfilled.length === 1 ? 'needs' : 'need'} filling in. A message that arrives with a blank to fill reads like a form letter.`,
      suggestion: 'Replace each one with your own words, or delete it, before you send.',
    });
  }
  const count = words(email.core).length;
  if (count > EMAIL_WORD_LIMIT) {
    findings.push({
      rule: 'too-long',
      message: `The message runs to ${count} words (greeting and sign-off aside). Busy people answer short notes; aim for under ${EMAIL_WORD_LIMIT}.`,
      suggestion: 'Keep four things: how you know of them, who you are in a sentence, what you would like to learn, and a short, specific request for their time.',
    });
  }
  const ask = jobAsk(`${email.subject ?? ''}\n${email.body}`);
  if (ask) {
    findings.push({
      rule: 'asks-for-job',
      message: `“${ask}” reads as a request for a job. People say yes to giving advice; they say no, or pass you to HR, when asked for work.`,
      suggestion: 'Ask for their advice and experience instead, e.g. “I would value your perspective on how people move into this field.”',
    });
  }
  const attachLine = email.body.split(/\n|(?<=[.!?])\s+/).find((s) => RESUME.test(s) && ATTACHING.some((p) => p.test(s)) && !OFFER_ONLY.test(s));
  if (attachLine) {
    findings.push({
      rule: 'attaches-resume',
      message: 'Sending a résumé nobody asked for turns a request for advice into a job application.',
      suggestion: 'Leave it out; if it would help, offer it: “I am happy to share my background if useful.”',
    });
  }
  if (!CONNECTION.some((p) => p.test(email.body))) {
    findings.push({
      rule: 'no-connection',
      message: 'The message never says how you know or found them. A shared link is the main reason a stranger replies.',
      suggestion: 'Open with it: “Maya Costa suggested I get in touch”, “I enjoyed your talk at …”, or “We are both Oakridge alumni.”',
    });
  }
  if (!hasTimeBoundAsk(`${email.subject ?? ''}\n${email.body}`)) {
    findings.push({
      rule: 'no-time-bound-ask',
      message: 'The request has no specific, short length. A clear, small ask is easier to say yes to.',
      suggestion: 'Ask for “20 minutes in the next couple of weeks”, by phone or over coffee.',
    });
  }
  return findings;
}
