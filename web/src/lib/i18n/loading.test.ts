import { afterEach, describe, expect, it, vi } from 'vitest';
import de from './de.json';
import { catalogues, i18n } from './index';

// English is bundled; German is fetched the first time it is used (see `catalogues`).

/**
 * Drops the German catalogue from i18next's store, as if it had never been loaded (not with
 * removeResourceBundle: that also forgets the namespace, so nothing would load again).
 */
function forgetGerman() {
  delete (i18n.store.data as Record<string, unknown>).de;
  delete (i18n.services.backendConnector as { state: Record<string, number> }).state['de|translation'];
}

/** Forgets the German catalogue, as on a fresh page, and holds its loading until `release()`. */
function germanOnHold() {
  forgetGerman();
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const load = vi.spyOn(catalogues, 'de').mockImplementation(async () => {
    await gate;
    return de;
  });
  return { load, release };
}

afterEach(async () => {
  await i18n.changeLanguage('en');
  vi.restoreAllMocks();
});

describe('the German catalogue, on demand', () => {
  it('switches to German only once the catalogue is there, never half-way', async () => {
    const { load, release } = germanOnHold();

    const switching = i18n.changeLanguage('de');
    await Promise.resolve();
    // Still wholly English while the catalogue is on its way: no page mixes the two.
    expect(load).toHaveBeenCalledTimes(1);
    expect(i18n.language).toBe('en');
    expect(i18n.t('me.preferences')).toBe('Preferences');

    release();
    await switching;
    expect(i18n.language).toBe('de');
    expect(i18n.t('me.preferences')).toBe('Einstellungen');
    expect(document.documentElement.lang).toBe('de');
  });

  it('loads the catalogue once, however often the language is switched', async () => {
    const { load, release } = germanOnHold();
    release();

    await i18n.changeLanguage('de');
    await i18n.changeLanguage('en');
    expect(i18n.t('me.preferences')).toBe('Preferences');
    await i18n.changeLanguage('de');
    expect(i18n.t('me.preferences')).toBe('Einstellungen');

    expect(load).toHaveBeenCalledTimes(1);
  });

  it('ends in the language picked last when the user changes their mind while German loads', async () => {
    const { release } = germanOnHold();

    const toGerman = i18n.changeLanguage('de');
    await i18n.changeLanguage('en');
    release();
    await toGerman;

    expect(i18n.language).toBe('en');
    expect(i18n.t('me.preferences')).toBe('Preferences');
  });

  it('stays English when the catalogue cannot be loaded', async () => {
    forgetGerman();
    vi.spyOn(catalogues, 'de').mockRejectedValue(new Error('offline'));

    await i18n.changeLanguage('de');

    // The words fall back to English rather than to bare keys.
    expect(i18n.t('me.preferences')).toBe('Preferences');
  });
});
