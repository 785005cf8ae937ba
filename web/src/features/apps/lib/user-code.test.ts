import { describe, expect, it } from 'vitest';
import { normalizeUserCode } from './user-code';

describe('normalizeUserCode', () => {
  it('accepts lower case, with or without the dash, and spaces', () => {
    expect(normalizeUserCode('bcdf-ghjk')).toBe('BCDF-GHJK');
    expect(normalizeUserCode('bcdfghjk')).toBe('BCDF-GHJK');
    expect(normalizeUserCode(' BCDF GHJK ')).toBe('BCDF-GHJK');
  });
  it('refuses a wrong length or a letter that is never in a code', () => {
    expect(normalizeUserCode('BCDF-GHJ')).toBeNull();
    expect(normalizeUserCode('BCDF-GHJKL')).toBeNull();
    expect(normalizeUserCode('ABCD-EFGH')).toBeNull(); // vowels
    expect(normalizeUserCode('BCDF-GHJ1')).toBeNull();
  });
});
