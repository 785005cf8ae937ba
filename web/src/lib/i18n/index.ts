import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

export const supportedLanguages = ['en', 'de'] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = 'en';

/**
 * Each language's catalogue. English is complete and the fallback, so it is in the first page's
 * bundle; every other language follows its keys and is a chunk of its own, fetched the first time
 * the language is used (the service worker precaches it with the other chunks, so it loads
 * offline too). An English user's first page does not carry the German words.
 */
export const catalogues: Record<Language, () => Promise<ResourceKey>> = {
  en: () => Promise.resolve(en),
  de: () => import('./de.json').then((module) => module.default),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that Vigor speaks, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = supportedLanguages.find((lang) => lang === base);
    if (match) return match;
  }
  return defaultLanguage;
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/**
 * Hands i18next the catalogues it has not got yet. i18next asks before it switches language and
 * switches only once the answer came, so a page never shows a half-loaded language.
 */
const catalogueBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (!isLanguage(language)) {
      callback(null, {});
      return;
    }
    catalogues[language]().then(
      (catalogue) => callback(null, catalogue),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

let ready: Promise<unknown> = Promise.resolve();

/**
 * Starts i18next once and keeps <html lang> in step. English is there at once; another start
 * language is ready when `i18nReady()` settles (the app waits for it before its first render).
 */
export function initI18n(lng: Language = pickLanguage(browserLanguages())): typeof i18n {
  if (!i18n.isInitialized && !i18n.isInitializing) {
    ready = i18n
      .use(catalogueBackend)
      .use(initReactI18next)
      .init({
        resources: { en: { translation: en } },
        // The bundled English plus the others through the backend, on demand.
        partialBundledLanguages: true,
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
    syncLang(lng);
    i18n.on('languageChanged', syncLang);
  }
  return i18n;
}

/** Settles once the start language's catalogue is loaded (or could not be: English stands in). */
export function i18nReady(): Promise<unknown> {
  return ready;
}

export { i18n };
