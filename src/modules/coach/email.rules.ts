import { unfilledPlaceholders } from '../../shared/placeholders.js';
import { jobAskSpan, words, type Finding } from './coach.shared.js';
import { find, lemmatise, negated, sentenceSpans, type Span } from './language.rules.js';

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

/** How the writer knows or found the person, on lemmas: a referrer, their work, a shared group, a relative. */
const WORK_OF_THEIRS =
  '(?:talk|lecture|keynote|presentation|panel|session|article|post|blog|newsletter|podcast|episode|book|paper|thread|comment|portfolio|research|interview|webinar|workshop|video|course|seminar|piece|profile|issue|column|report|study|poster|stand|speech|tweet|case study|answer|stall|show)';
const CONNECTION_LEMMAS: RegExp[] = [
  new RegExp(`\\b(?:attend|watch|listen to|read|see|enjoy|follow|hear|come across|find|discover|love|admire|like|share) (?:\\S+ ){0,3}?your (?:\\S+ ){0,2}?${WORK_OF_THEIRS}\\b`),
  new RegExp(`\\byour (?:\\S+ ){0,2}?${WORK_OF_THEIRS} (?:at|on|in|from|about|for|with|last|was|be|really|inspire|stick|stay|change)\\b`),
  /(?<!\b(?:i|you) (?:\S+ )?)\b(?:say|tell me|mention|suggest|recommend|advise me|pass on|point me|refer me|put me in touch|introduce us|introduce me|think you (?:might|would|could|may))\b/,
  /\b(?:my|our) (?:\S+ )?(?:uncle|aunt|dad|father|mother|mum|mom|brother|sister|cousin|tutor|professor|supervisor|mentor|teacher|colleague|manager|friend|flatmate|roommate|neighbour|neighbor|coach|classmate|lecturer|rabbi|priest|imam|pastor|godmother|godfather|grandmother|grandfather)\b/,
  /\byour (?:\S+ )?(?:nephew|niece|cousin|sister|brother|son|daughter|colleague|student|husband|wife|friend|mentee|flatmate|neighbour|neighbor|teammate|coworker)\b/,
  /\b(?:we|i|me and \S+) (?:be|were|was) (?:both |also )?(?:on|in|at|from) (?:the same|your)\b/,
  /\b(?:be|student|member|one|someone|attendee|participant) (?:in|on|at|from) your (?:\S+ ){0,2}?(?:seminar|class|course|lecture|module|year|cohort|lab|workshop|club|tutorial)\b/,
  /\bthe same (?:\S+ ){0,2}?(?:cohort|class|course|club|team|group|school|year|lab|company|office|programme|program|society|network|meetup|event|conference|university|college|department)\b/,
  /\b(?:get|find|have|be give|give me|pass on|pass|share) (?:me )?your (?:address|email|number|detail|name|contact|profile|card)\b/,
  /\byou (?:be|were) list\b/,
  /\byou (?:teach|mentor|supervise|interview|coach|taught) (?:me|my)\b/,
  /\bconnection request\b/,
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
    const at = text.indexOf(unfilled[0] ?? '');
    findings.push({
      ...(at >= 0 ? { span: { start: at, end: at + (unfilled[0] ?? '').length } } : {}),
      rule: 'unfilled-placeholder',
      message: `${quoteList(shown)}${unfilled.length > 3 ? ` and ${unfilled.length - 3} more` : ''} still ${unfilled.length === 1 ? 'needs' : 'need'} filling in. A message that arrives with a blank to fill reads like a form letter.`,
      suggestion: 'Replace each one with your own words, or delete it, before you send.',
    });
  }
  const count = words(email.core).length;
  if (count > EMAIL_WORD_LIMIT) {
    const past = pastTheLimit(text, email.core);
    findings.push({
      ...(past ? { span: past } : {}),
      rule: 'too-long',
      message: `The message runs to ${count} words (greeting and sign-off aside). Busy people answer short notes; aim for under ${EMAIL_WORD_LIMIT}.`,
      suggestion: 'Keep four things: how you know of them, who you are in a sentence, what you would like to learn, and a short, specific request for their time.',
    });
  }
  const job = jobAskSpan(text);
  const ask = job ? text.slice(job.sentence.start, job.sentence.end).replace(/\s+/g, ' ').replace(/^subject:\s*/i, '') : null;
  if (job) {
    findings.push({
      span: job.span,
      rule: 'asks-for-job',
      message: `“${ask}” reads as a request for a job. People say yes to giving advice; they say no, or pass you to HR, when asked for work.`,
      suggestion: 'Ask for their advice and experience instead, e.g. “I would value your perspective on how people move into this field.”',
    });
  }
  const attachLine = attachesResume(text);
  if (attachLine) {
    findings.push({
      span: attachLine,
      rule: 'attaches-resume',
      message: 'Sending a résumé nobody asked for turns a request for advice into a job application.',
      suggestion: 'Leave it out; if it would help, offer it: “I am happy to share my background if useful.”',
    });
  }
  if (!CONNECTION.some((p) => p.test(email.body)) && !find(lemmatise(email.body), CONNECTION_LEMMAS)) {
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

/** The sentence that attaches or encloses a résumé, unless it only offers one or denies it ("I haven't attached a CV"). */
function attachesResume(text: string): Span | null {
  for (const s of sentenceSpans(text)) {
    const sentence = text.slice(s.start, s.end);
    if (!RESUME.test(sentence) || !ATTACHING.some((p) => p.test(sentence)) || OFFER_ONLY.test(sentence)) continue;
    const l = lemmatise(sentence, s.start);
    const verb = find(l, [/\b(?:attach|enclose|include|send|find|see|here be|resume|cv|curriculum vitae)\b/]);
    if (verb && negated(l, verb.index)) continue;
    return { start: s.start, end: s.end };
  }
  return null;
}

/** The part of the body past the word limit, as a span of the whole text. */
function pastTheLimit(text: string, core: string): Span | null {
  const start = text.indexOf(core);
  if (start < 0) return null;
  const all = [...core.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)];
  const first = all[EMAIL_WORD_LIMIT];
  return first ? { start: start + (first.index ?? 0), end: start + core.length } : null;
}
