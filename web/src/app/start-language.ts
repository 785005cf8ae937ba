import { lastSignedInUser } from '@/lib/auth/get-me';
import { browserLanguages, isLanguage, pickLanguage, type Language } from '@/lib/i18n';

/**
 * The language of the first page: the profile's of the user this browser last saw signed in
 * (GET /me confirms it later), else the browser's. Known before the first render, so that a
 * German user's page is German from the start, not English until GET /me answers.
 */
export function startLanguage(): Language {
  const locale = lastSignedInUser()?.preferences.locale;
  return isLanguage(locale) ? locale : pickLanguage(browserLanguages());
}
