import { describe, expect, it } from 'vitest';
import { DEPTH_MESSAGE, findUnstorable, hasNul, MAX_DEPTH, NUL_MESSAGE, RESERVED_MESSAGE } from './input.js';

describe('input that no field may hold', () => {
  it('finds nothing in ordinary input, whatever its characters', () => {
    expect(findUnstorable({ name: 'Zoë 𝔘 ‮', tags: ['a', 'b'], n: 3, none: null, nested: { ok: true } })).toBeNull();
    expect(findUnstorable('plain')).toBeNull();
    expect(findUnstorable(undefined)).toBeNull();
  });

  it('names the first NUL character by its path, in values and in keys', () => {
    expect(hasNul('a\u0000b')).toBe(true);
    expect(findUnstorable('a\u0000')).toEqual({ path: [], message: NUL_MESSAGE });
    expect(findUnstorable({ emails: [{ value: 'ok' }, { value: 'x\u0000' }] })).toEqual({ path: ['emails', '1', 'value'], message: NUL_MESSAGE });
    expect(findUnstorable({ ['bad\u0000key']: 1 })).toEqual({ path: ['bad\\0key'], message: NUL_MESSAGE });
  });

  it('refuses keys that reach a prototype', () => {
    expect(findUnstorable(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual({ path: ['a', '__proto__'], message: RESERVED_MESSAGE });
    expect(findUnstorable({ constructor: { prototype: {} } })).toEqual({ path: ['constructor', 'prototype'], message: RESERVED_MESSAGE });
  });

  it(`stops at ${MAX_DEPTH} levels, and walks any depth without overflowing the stack`, () => {
    let value: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) value = [value];
    const found = findUnstorable(value);
    expect(found?.message).toBe(DEPTH_MESSAGE);
    expect(found?.path).toHaveLength(MAX_DEPTH);
    let shallow: unknown = 'bottom';
    for (let i = 0; i < MAX_DEPTH; i++) shallow = { d: shallow };
    expect(findUnstorable(shallow)).toBeNull();
  });
});
