import type { TFunction } from 'i18next';

/**
 * Client-side checks that mirror api/openapi.yaml, so most mistakes are caught before a
 * round trip. The server checks again and has the last word.
 */
export const USERNAME_PATTERN = /^[a-z0-9_]{3,30}$/;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const EMAIL_MAX_LENGTH = 254;

/** Characters as a person counts them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * The shape of an address, as the server checks it: one "@" with something before it, a
 * domain with a dot that neither starts nor ends it, no spaces or <>()[],;:"\ characters.
 * Not proof that the address exists: the confirmation mail is.
 */
export function looksLikeEmail(value: string): boolean {
  if (value.length > EMAIL_MAX_LENGTH || /[\s<>()[\],;:"\\]/.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const domain = value.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.');
}

export function emailError(value: string, t: TFunction): string | undefined {
  if (value.trim() === '') return t('validation.emailRequired');
  if (!looksLikeEmail(value.trim())) return t('validation.emailShape');
  return undefined;
}

export function usernameError(value: string, t: TFunction): string | undefined {
  if (value === '') return t('validation.usernameRequired');
  if (!USERNAME_PATTERN.test(value)) return t('validation.usernamePattern');
  return undefined;
}

/** For a new password only; a current password is just required. */
export function newPasswordError(value: string, t: TFunction): string | undefined {
  const length = passwordLength(value);
  if (length === 0) return t('validation.passwordRequired');
  if (length < PASSWORD_MIN_LENGTH) return t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  if (length > PASSWORD_MAX_LENGTH) return t('validation.passwordTooLong', { max: PASSWORD_MAX_LENGTH });
  return undefined;
}

export function requiredError(value: string, t: TFunction): string | undefined {
  return value.trim() === '' ? t('validation.required') : undefined;
}

/** A 6-digit code from an authenticator app (spaces allowed, as apps show "123 456"). */
export function totpCodeError(value: string, t: TFunction): string | undefined {
  const digits = value.replace(/\s/g, '');
  if (digits === '') return t('validation.codeRequired');
  if (!/^\d{6}$/.test(digits)) return t('validation.codeShape');
  return undefined;
}

/** Drops undefined entries, so `Object.keys` counts only real errors. */
export function compact<E extends Record<string, string | undefined>>(errors: E): { [K in keyof E]?: string } {
  const out: { [K in keyof E]?: string } = {};
  for (const [key, value] of Object.entries(errors)) {
    if (value !== undefined) out[key as keyof E] = value;
  }
  return out;
}
