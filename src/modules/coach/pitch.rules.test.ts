import { describe, expect, it } from 'vitest';
import { prepProgress } from '../../shared/prep.js';
import { checkPitch } from './pitch.rules.js';

describe('the pitch', () => {
  const pitch = 'I have taught science for eight years and I am exploring a move into UX research. I would love to hear how you made a similar move and what you wish you had known.';

  it('counts words and estimates about 30 seconds aloud, with no findings for a good pitch', () => {
    expect(checkPitch(pitch)).toEqual({ words: 34, seconds: 14, findings: [] });
  });

  it('flags a pitch that would take too long to say', () => {
    const long = Array.from({ length: 8 }, () => pitch).join(' ');
    expect(checkPitch(long).findings.map((f) => f.rule)).toEqual(['too-long']);
  });

  it('flags a pitch that asks for a job, but not one that denies it', () => {
    expect(checkPitch(`${pitch} Are you hiring?`).findings.map((f) => f.rule)).toEqual(['asks-for-job']);
    expect(checkPitch(`${pitch} I am not looking for a job.`).findings).toEqual([]);
  });
});

describe('the preparation checklist', () => {
  it('is complete only when every item is ticked', () => {
    expect(prepProgress({})).toEqual({ done: 0, total: 10, complete: false });
    const all = Object.fromEntries(['company', 'values', 'why-care', 'person', 'goal', 'next-steps', 'pitch', 'questions', 'logistics', 'no-resume'].map((k) => [k, true]));
    expect(prepProgress(all)).toEqual({ done: 10, total: 10, complete: true });
    expect(prepProgress({ ...all, pitch: false }).complete).toBe(false);
  });
});
