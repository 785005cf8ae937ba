import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from './index';

/**
 * Speaks the profile's language (GET /api/v1/me `preferences.locale`) once it is known and
 * whenever it changes: on load, after a sign-in, after the Me page saved another one (a language
 * not loaded yet is fetched first; the page switches when its catalogue is there). Numbers
 * and dates follow, as every formatter takes the UI language. Signed out (`undefined`), the
 * language stays what it was (the browser's at first).
 */
export function useProfileLanguage(locale: string | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (isLanguage(locale) && i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
}
