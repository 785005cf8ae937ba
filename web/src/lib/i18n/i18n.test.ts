import { describe, expect, it } from 'vitest';
import { pickLanguage, resources } from './index';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('German has exactly the English keys, none missing or left over', () => {
    expect(keys(resources.de.translation).sort()).toEqual(keys(resources.en.translation).sort());
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
