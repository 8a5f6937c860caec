import { describe, expect, it } from 'vitest';
import { renderTemplate, unknownMergeFields } from '../../shared/merge.js';

describe('template merge fields', () => {
  it('fills known fields and leaves a visible placeholder for a missing value', () => {
    expect(renderTemplate('Hi {{contact.givenName}}, {{ connection }} — {{lastTakeaway}}', { 'contact.givenName': 'Maya', connection: 'Ben suggested I write' })).toBe(
      'Hi Maya, Ben suggested I write — [lastTakeaway]',
    );
  });

  it('names unknown fields', () => {
    expect(unknownMergeFields('Hi {{contact.firstName}} at {{organization.name}} {{oops}} {{oops}}')).toEqual(['contact.firstName', 'oops']);
  });
});
