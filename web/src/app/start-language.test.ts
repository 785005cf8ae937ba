import { afterEach, describe, expect, it, vi } from 'vitest';
import { testUser } from '@/testing/fake-api';
import { startLanguage } from './start-language';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('startLanguage', () => {
  it('is the language of the profile this browser last saw signed in', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    localStorage.setItem('vigor.last-me', JSON.stringify({ ...testUser, preferences: { ...testUser.preferences, locale: 'de' } }));
    expect(startLanguage()).toBe('de');
  });

  it('is the browser’s with nobody remembered', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-AT', 'en']);
    expect(startLanguage()).toBe('de');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    expect(startLanguage()).toBe('en');
  });
});
