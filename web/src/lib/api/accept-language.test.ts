import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';

// Every request names the UI language, so the server's messages (problem details, field
// errors) come in it even before sign-in.
function recordingFetch() {
  const headers: Headers[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    headers.push(new Headers(init?.headers));
    return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, headers };
}

describe('api client: Accept-Language', () => {
  it('sends the UI language on reads and writes', async () => {
    const { fetch, headers } = recordingFetch();
    const api = createApiClient({ fetch, readCookie: () => 'csrf', readLanguage: () => 'de' });
    await api.get('/me');
    await api.post('/workouts', { body: {} });
    expect(headers.map((h) => h.get('Accept-Language'))).toEqual(['de', 'de']);
  });

  it('follows <html lang> by default, which the i18n setup keeps in step', async () => {
    const { fetch, headers } = recordingFetch();
    const api = createApiClient({ fetch, readCookie: () => 'csrf' });
    document.documentElement.lang = 'de';
    await api.get('/me');
    document.documentElement.lang = 'en';
    await api.get('/me');
    expect(headers.map((h) => h.get('Accept-Language'))).toEqual(['de', 'en']);
  });

  it('keeps a caller’s own Accept-Language, and sends none when no language is known', async () => {
    const { fetch, headers } = recordingFetch();
    let language: string | undefined = 'de';
    const api = createApiClient({ fetch, readCookie: () => 'csrf', readLanguage: () => language });
    await api.get('/me', { headers: { 'Accept-Language': 'en' } });
    language = undefined;
    await api.get('/me');
    expect(headers.map((h) => h.get('Accept-Language'))).toEqual(['en', null]);
  });
});
