/** The letters a device's user code is made of (RFC 8628 6.1: no vowels, no look-alikes). */
const USER_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';

/**
 * A user code as people type it (lower case, spaces, with or without the dash) in the form the
 * server shows it, "XXXX-XXXX"; null when it cannot be one (wrong length or letters).
 */
export function normalizeUserCode(input: string): string | null {
  const letters = input.toUpperCase().replace(/[\s-]/g, '');
  if (letters.length !== 8) return null;
  for (const c of letters) {
    if (!USER_CODE_LETTERS.includes(c)) return null;
  }
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}
