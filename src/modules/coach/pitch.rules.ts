import { spokenSeconds } from '../../shared/prep.js';
import { jobAsk, words, type Finding } from './coach.shared.js';

/** Spoken aloud, a pitch should take about 30 seconds; past this it is a speech. */
export const PITCH_MAX_SECONDS = 45;

/** Background, target and ask, said in about 30 seconds, and never a request for a job. */
export function checkPitch(text: string): { words: number; seconds: number; findings: Finding[] } {
  const count = words(text).length;
  const seconds = spokenSeconds(text);
  const findings: Finding[] = [];
  if (seconds > PITCH_MAX_SECONDS) {
    findings.push({
      rule: 'too-long',
      message: `Said aloud this takes about ${seconds} seconds. Aim for about 30: people listen to a short introduction and then want to talk.`,
      suggestion: 'Keep one line each for your background, what you are exploring, and what you would like from the conversation.',
    });
  }
  const ask = jobAsk(text);
  if (ask) {
    findings.push({
      rule: 'asks-for-job',
      message: `“${ask}” turns your introduction into a job request.`,
      suggestion: 'End with what you would like to learn, e.g. “I would love to hear how you moved into this field.”',
    });
  }
  return { words: count, seconds, findings };
}
