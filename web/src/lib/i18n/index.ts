import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

/** English is complete and the fallback; every other language follows its keys. */
export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const;

export type Language = keyof typeof resources;
export const supportedLanguages = Object.keys(resources) as Language[];
export const defaultLanguage: Language = 'en';

/** The first of the browser's preferred languages that Vigor speaks, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = supportedLanguages.find((lang) => lang === base);
    if (match) return match;
  }
  return defaultLanguage;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/** Starts i18next once, synchronously (the resources are bundled), and keeps <html lang> in step. */
export function initI18n(lng: Language = pickLanguage(browserLanguages())): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: defaultLanguage,
      supportedLngs: supportedLanguages,
      interpolation: { escapeValue: false }, // React escapes already.
      initAsync: false,
      returnNull: false,
    });
    const syncLang = (language: string) => {
      if (typeof document !== 'undefined') document.documentElement.lang = language;
    };
    syncLang(i18n.language);
    i18n.on('languageChanged', syncLang);
  }
  return i18n;
}

export { i18n };
