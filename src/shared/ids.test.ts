import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId } from './ids.js';

describe('ids', () => {
  it('are UUID version 7 with the time in front, so they sort by creation', () => {
    const at = Date.UTC(2026, 2, 10, 10, 0, 0, 123);
    const id = newId(at);
    expect(id).toMatch(ID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
    expect(newId(at + 1) > id).toBe(true);
  });

  it('do not repeat, across many refills of the random pool', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newId(0)));
    expect(ids.size).toBe(20_000);
  });
});
