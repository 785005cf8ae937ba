import { isLanguage } from '@/lib/i18n';

export interface StartingPreferences {
  locale?: 'en' | 'de';
  time_zone?: string;
}

/**
 * What a new account starts with: the language the sign-up page is shown in and the browser's
 * time zone. Either is left out when unknown (the server then keeps its default).
 */
export function startingPreferences(
  language: string,
  timeZone: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone,
): StartingPreferences {
  const out: StartingPreferences = {};
  if (isLanguage(language)) out.locale = language;
  if (timeZone && timeZone.length <= 64 && (timeZone === 'UTC' || timeZone.includes('/'))) out.time_zone = timeZone;
  return out;
}
