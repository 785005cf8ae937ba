import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import { pickLanguage } from './index';

// Every catalogue, read directly: the app bundles only English and loads the others on demand.
const resources = { en: { translation: en }, de: { translation: de } } as const;

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('German has exactly the English keys, none missing or left over', () => {
    expect(keys(resources.de.translation).sort()).toEqual(keys(resources.en.translation).sort());
  });

  it('keeps the same placeholders as English in every German string', () => {
    const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
    const leaves = (tree: object, prefix = ''): Array<[string, string]> =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null
          ? leaves(value as object, `${prefix}${key}.`)
          : [[`${prefix}${key}`, String(value)] as [string, string]],
      );
    const german = new Map(leaves(resources.de.translation));
    for (const [key, english] of leaves(resources.en.translation)) {
      expect({ key, placeholders: placeholders(german.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(english) });
    }
  });

  it('has no ":" in any key (i18next would read it as a namespace)', () => {
    expect(keys(resources.en.translation).filter((key) => key.includes(':'))).toEqual([]);
  });

  it('keeps the same interpolation placeholders in every language', () => {
    const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
    expect(placeholders(resources.de.translation.meta.version)).toEqual(['{{instance}}', '{{name}}', '{{version}}']);
    expect(placeholders(resources.en.translation.meta.version)).toEqual(['{{instance}}', '{{name}}', '{{version}}']);
  });
});

describe('pickLanguage', () => {
  it('takes the first preferred language Vigor speaks, by base language', () => {
    expect(pickLanguage(['fr-FR', 'de-AT', 'en-GB'])).toBe('de');
    expect(pickLanguage(['en-US', 'de'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage(['ja-JP'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
