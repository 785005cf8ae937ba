import { vi } from 'vitest';

/**
 * A fake server at the network boundary: tests replace `fetch` and answer each request
 * from a table of "METHOD /path" handlers, so everything above fetch (the API client,
 * TanStack Query, the components) runs for real.
 */
export interface FakeRequest {
  method: string;
  /** Path without the query string, e.g. /api/v1/me. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The parsed JSON body, if any. */
  body: unknown;
}

export type Handler = (request: FakeRequest) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(
  status: number,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: `HTTP ${status}`, status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export const noContent = () => new Response(null, { status: 204 });

export const signedOut: Handler = () =>
  problem(401, { type: 'urn:vigor:problem:unauthorized', title: 'Unauthorized', detail: 'Sign in first.' });

export const testMeta = {
  name: 'Vigor',
  version: '0.1.0',
  api_version: 'v1',
  instance_name: 'Vigor',
  registration: 'open',
} as const;

export const testUser = {
  id: 'u1',
  username: 'ann',
  email: 'ann@example.org',
  role: 'user',
  email_verified: true,
  totp_enabled: false,
  created_at: '2025-03-01T10:00:00Z',
  preferences: {
    weight_unit: 'kg',
    distance_unit: 'km',
    weight_increment: 2.5,
    time_zone: 'UTC',
    locale: 'en',
    week_start: 'monday',
    one_rep_max_formula: 'epley',
    birth_year: null,
    max_heart_rate: null,
    resting_heart_rate: null,
  },
} as const;

/**
 * What the signed-in app shell asks on every page (the notification bell's unread count), so a
 * test of a page need not name it; a test's own handler for it wins.
 */
export const appShellHandlers: Record<string, Handler> = {
  'GET /api/v1/notifications/unread-count': () => json({ unread_count: 0 }),
};

/**
 * Installs the fake. Unknown requests fail the test loudly. The CSRF cookie is set, as the
 * browser would have it after the first GET /meta, unless `csrfCookie` is false.
 */
export function fakeApi(ownHandlers: Record<string, Handler>, { csrfCookie = true } = {}) {
  const handlers = { ...appShellHandlers, ...ownHandlers };
  document.cookie = csrfCookie ? 'vigor_csrf=test-csrf' : 'vigor_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  const requests: FakeRequest[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: FakeRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : JSON.parse(text),
    };
    requests.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) throw new Error(`fake API: no handler for ${method} ${url.pathname}`);
    return handler(request);
  });
  return {
    spy,
    requests,
    /** The requests to one "METHOD /path". */
    to: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key),
  };
}
