import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, signedOut, testUser } from '@/testing/fake-api';
import { forgetSession, getMe } from './get-me';

afterEach(() => localStorage.clear());

/** getMe with the client's retry waits skipped. */
async function getMeNow() {
  const result = getMe().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const outcome = await result;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

describe('getMe', () => {
  it('opens offline as the user last seen signed in, and forgets them on a 401 and at sign-out', async () => {
    fakeApi({ 'GET /api/v1/me': () => json(testUser) });
    expect(await getMe()).toMatchObject({ id: 'u1' });

    // No answer at all (the client retries GETs twice first).
    vi.useFakeTimers();
    try {
      fakeApi({ 'GET /api/v1/me': () => Promise.reject(new TypeError('Failed to fetch')) });
      expect(await getMeNow()).toMatchObject({ id: 'u1', username: 'ann' });

      fakeApi({ 'GET /api/v1/me': signedOut });
      expect(await getMe()).toBeNull();
      fakeApi({ 'GET /api/v1/me': () => Promise.reject(new TypeError('Failed to fetch')) });
      await expect(getMeNow()).rejects.toMatchObject({ status: 0 });

      fakeApi({ 'GET /api/v1/me': () => json(testUser) });
      await getMe();
      forgetSession(new QueryClient());
      fakeApi({ 'GET /api/v1/me': () => Promise.reject(new TypeError('Failed to fetch')) });
      await expect(getMeNow()).rejects.toMatchObject({ status: 0 });
    } finally {
      vi.useRealTimers();
    }
  });
});
