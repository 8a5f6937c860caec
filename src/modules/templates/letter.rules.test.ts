import { describe, expect, it } from 'vitest';
import { addressTakeaway } from './letter.rules.js';

const maya = { name: 'Maya Costa', givenName: 'Maya', properNames: ['Brightpath Learning'] };

/** Notes as written after a conversation, and the line the thank-you says to the person. */
const CASES: Array<[string, string]> = [
  ['She said teams hire mostly from internal referrals.', 'You said teams hire mostly from internal referrals'],
  ['Maya thinks bootcamps are not worth it', 'You think bootcamps are not worth it'],
  ['Maya Costa recommended that I join the research guild', 'You recommended I join the research guild'],
  ['He suggests starting with diary studies', 'You suggest starting with diary studies'],
  ['She moved from teaching into research in two years', 'You told me that you moved from teaching into research in two years'],
  ['Her team runs a usability test every week', 'You told me that your team runs a usability test every week'],
  ['Portfolios beat certificates.', 'You told me that portfolios beat certificates'],
  ['Brightpath Learning hires juniors every spring', 'You told me that Brightpath Learning hires juniors every spring'],
  ['UX research pays less than design at first', 'You told me that UX research pays less than design at first'],
  ['I learned that agencies are a faster way in', 'You told me that agencies are a faster way in'],
  ['Talk to design ops before applying anywhere', 'You advised me to talk to design ops before applying anywhere'],
  ["Don't take a bootcamp without a portfolio plan", 'You advised me not to take a bootcamp without a portfolio plan'],
  ['Her advice: build one case study end to end', 'You advised me to build one case study end to end'],
  ["Maya's advice was that a portfolio matters more than a degree", 'Your advice was that a portfolio matters more than a degree'],
  ['“Juniors present at the weekly critique”', 'You told me that juniors present at the weekly critique'],
  ['She is happy she made the switch', 'You told me that you are happy you made the switch'],
  ['You said research is about listening', 'You said research is about listening'],
  ['  ', ''],
];

describe('a takeaway as a line of the thank-you letter', () => {
  it.each(CASES)('“%s” → “%s”', (note, line) => {
    expect(addressTakeaway(note, maya)).toBe(line);
  });

  it('never speaks of the person in the third person', () => {
    for (const [note] of CASES) expect(addressTakeaway(note, maya)).not.toMatch(/\b(she|he|her|his|Maya)\b/);
  });
});
