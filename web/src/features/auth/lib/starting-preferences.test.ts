import { describe, expect, it } from 'vitest';
import { startingPreferences } from './starting-preferences';

describe('startingPreferences', () => {
  it('sends the page language and the browser time zone', () => {
    expect(startingPreferences('de', 'Europe/Berlin')).toEqual({ locale: 'de', time_zone: 'Europe/Berlin' });
  });

  it('leaves out a language the app does not speak and a zone it cannot name', () => {
    expect(startingPreferences('fr', '')).toEqual({});
    expect(startingPreferences('en', 'GMT+1')).toEqual({ locale: 'en' });
    expect(startingPreferences('en', 'UTC')).toEqual({ locale: 'en', time_zone: 'UTC' });
  });
});
