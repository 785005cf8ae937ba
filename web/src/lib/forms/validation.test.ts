import { describe, expect, it } from 'vitest';
import { looksLikeEmail, passwordLength, USERNAME_PATTERN } from './validation';

describe('client-side checks mirror the server', () => {
  it.each(['ann@example.org', 'a.b+tag@sub.example.co'])('takes %s as an email address', (value) => {
    expect(looksLikeEmail(value)).toBe(true);
  });

  it.each(['ann', 'ann@', '@example.org', 'ann@example', 'ann@.example.org', 'ann@example.org.', 'a b@example.org', 'a@b@example.org', 'a<b>@example.org'])(
    'refuses %s',
    (value) => {
      expect(looksLikeEmail(value)).toBe(false);
    },
  );

  it('counts password characters as people do', () => {
    expect(passwordLength('🏋️‍♀️')).toBeLessThan('🏋️‍♀️'.length);
    expect(passwordLength('twelve chars')).toBe(12);
  });

  it('knows the username pattern', () => {
    expect(USERNAME_PATTERN.test('ann_99')).toBe(true);
    expect(USERNAME_PATTERN.test('Ann')).toBe(false);
    expect(USERNAME_PATTERN.test('an')).toBe(false);
    expect(USERNAME_PATTERN.test('a'.repeat(31))).toBe(false);
  });
});
