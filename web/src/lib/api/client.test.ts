import { describe, expect, it, vi } from 'vitest';
import { parseRetryAfter } from './api-error';
import { ApiError, createApiClient } from './client';

type Call = { url: string; init: RequestInit };

/** A fake fetch that answers from a script, one entry per call, and records the calls. */
function scriptedFetch(...script: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    const next = script[calls.length - 1];
    if (next === undefined) throw new Error(`unexpected call #${calls.length}`);
    if (next instanceof Error) throw next;
    return next;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function problem(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const noCookie = () => undefined;
/** A browser that already has the CSRF cookie, so no GET /meta comes first. */
const hasCookie = () => 'csrf-token';

describe('api client: problem+json decoding', () => {
  it('decodes a validation problem with its field errors', async () => {
    const { fetch } = scriptedFetch(
      problem(422, {
        type: 'https://vigor.example/problems/validation',
        title: 'Invalid input',
        status: 422,
        detail: '2 fields are invalid.',
        request_id: 'req-17',
        errors: [
          { field: 'email', message: 'Enter an email address.' },
          { field: 'sets[2].reps', message: 'Must be at least 1.' },
        ],
      }),
    );
    const client = createApiClient({ fetch, readCookie: hasCookie });

    const error = await rejection(client.post('/accounts', { body: { email: '' } }));

    expect(error.status).toBe(422);
    expect(error.title).toBe('Invalid input');
    expect(error.detail).toBe('2 fields are invalid.');
    expect(error.type).toBe('https://vigor.example/problems/validation');
    expect(error.requestId).toBe('req-17');
    expect(error.fieldErrors).toEqual([
      { field: 'email', message: 'Enter an email address.' },
      { field: 'sets[2].reps', message: 'Must be at least 1.' },
    ]);
    expect(error.fieldError('sets[2].reps')).toBe('Must be at least 1.');
    expect(error.fieldError('password')).toBeUndefined();
    expect(error.isNetworkError).toBe(false);
  });

  it('skips malformed field errors and defaults the type to about:blank', async () => {
    const { fetch } = scriptedFetch(
      problem(400, {
        title: 'Bad request',
        status: 400,
        errors: [{ field: 'name' }, 'oops', { field: 'unit', message: 'Unknown unit.' }, { message: 'x' }],
      }),
    );
    const client = createApiClient({ fetch, readCookie: hasCookie });

    const error = await rejection(client.post('/things'));

    expect(error.type).toBe('about:blank');
    expect(error.detail).toBeUndefined();
    expect(error.fieldErrors).toEqual([{ field: 'unit', message: 'Unknown unit.' }]);
  });

  it('keeps the status of a non-JSON error body such as a proxy HTML page', async () => {
    const { fetch } = scriptedFetch(
      new Response('<html><body>Bad Gateway</body></html>', {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    const client = createApiClient({ fetch, readCookie: noCookie });

    const error = await rejection(client.get('/meta'));

    expect(error.status).toBe(404);
    expect(error.title).toBe('Not Found');
    expect(error.detail).toBeUndefined();
    expect(error.fieldErrors).toEqual([]);
  });

  it('falls back to "HTTP <status>" when a body claims JSON but is not', async () => {
    const { fetch } = scriptedFetch(
      new Response('{"title": "cut off', {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    const client = createApiClient({ fetch, readCookie: hasCookie });

    const error = await rejection(client.delete('/things/1'));

    expect(error.status).toBe(409);
    expect(error.title).toBe('HTTP 409');
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    const { fetch } = scriptedFetch(new TypeError('Failed to fetch'));
    const client = createApiClient({ fetch, readCookie: hasCookie });

    const error = await rejection(client.post('/sessions'));

    expect(error.status).toBe(0);
    expect(error.isNetworkError).toBe(true);
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('api client: requests', () => {
  it('GETs JSON from /api/v1 with same-origin credentials and no CSRF header', async () => {
    const meta = { name: 'Vigor', version: '0.1.0' };
    const { fetch, calls } = scriptedFetch(json(meta));
    const client = createApiClient({ fetch, readCookie: () => 'tok' });

    await expect(client.get('/meta', { query: { a: 1, b: undefined, c: 'x y' } })).resolves.toEqual(meta);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/v1/meta?a=1&c=x+y');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(new Headers(calls[0]?.init.headers).has('X-CSRF-Token')).toBe(false);
  });

  it('sends the vigor_csrf cookie as X-CSRF-Token on a POST, with a JSON body', async () => {
    document.cookie = 'theme=dark';
    document.cookie = 'vigor_csrf=abc%3D123';
    const { fetch, calls } = scriptedFetch(new Response(null, { status: 204 }));
    const client = createApiClient({ fetch });

    await expect(client.post('/things', { body: { reps: 5 } })).resolves.toBeUndefined();

    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get('X-CSRF-Token')).toBe('abc=123');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"reps":5}');
  });

  it('sends extra headers such as Idempotency-Key next to its own', async () => {
    document.cookie = 'vigor_csrf=abc';
    const { fetch, calls } = scriptedFetch(json({ id: 'w1' }, 201));
    const client = createApiClient({ fetch });

    await client.post('/workouts', { body: {}, headers: { 'Idempotency-Key': 'k-1', Accept: 'text/html' } });

    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get('Idempotency-Key')).toBe('k-1');
    expect(headers.get('X-CSRF-Token')).toBe('abc');
    // The client's own Accept wins: it decodes JSON and problem+json only.
    expect(headers.get('Accept')).toBe('application/json, application/problem+json');
  });

  it('prefers the __Host- prefixed CSRF cookie used over TLS', async () => {
    const cookies: Record<string, string> = { '__Host-vigor_csrf': 'tls-token' };
    const { fetch, calls } = scriptedFetch(new Response(null, { status: 204 }));
    const client = createApiClient({ fetch, readCookie: (name) => cookies[name] });

    await client.delete('/me/sessions/1');

    expect(calls).toHaveLength(1);
    expect(new Headers(calls[0]?.init.headers).get('X-CSRF-Token')).toBe('tls-token');
  });
});

describe('api client: CSRF cookie missing', () => {
  it('asks GET /meta for the cookie first, then sends it as X-CSRF-Token', async () => {
    const cookies: Record<string, string> = {};
    const calls: Call[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), init: init ?? {} });
      if (String(input) === '/api/v1/meta') {
        // What the browser does with the server's Set-Cookie.
        cookies.vigor_csrf = 'fresh-token';
        return json({ name: 'Vigor' });
      }
      return json({ status: 'accepted', message: 'ok' }, 202);
    }) as unknown as typeof globalThis.fetch;
    const client = createApiClient({ fetch, readCookie: (name) => cookies[name] });

    await client.post('/auth/signup', { body: { email: 'a@b.c' } });

    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(['GET /api/v1/meta', 'POST /api/v1/auth/signup']);
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(new Headers(calls[1]?.init.headers).get('X-CSRF-Token')).toBe('fresh-token');

    // The cookie is there now: the next POST goes straight out.
    await client.post('/auth/login', { body: {} });
    expect(calls).toHaveLength(3);
    expect(calls[2]?.url).toBe('/api/v1/auth/login');
  });

  it('shares one GET /meta between requests that start together', async () => {
    const cookies: Record<string, string> = {};
    const urls: string[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      urls.push(String(input));
      if (String(input) === '/api/v1/meta') {
        await new Promise((resolve) => setTimeout(resolve, 5));
        cookies.vigor_csrf = 't';
      }
      return new Response(null, { status: 204 });
    }) as unknown as typeof globalThis.fetch;
    const client = createApiClient({ fetch, readCookie: (name) => cookies[name] });

    await Promise.all([client.post('/a'), client.patch('/b'), client.delete('/c')]);

    expect(urls.filter((u) => u === '/api/v1/meta')).toHaveLength(1);
    expect(urls).toHaveLength(4);
  });

  it('sends the request without the header when even GET /meta brings no cookie', async () => {
    const { fetch, calls } = scriptedFetch(
      new TypeError('Failed to fetch'),
      problem(403, {
        type: 'urn:vigor:problem:forbidden',
        title: 'Forbidden',
        status: 403,
        detail: 'Missing or wrong CSRF token.',
      }),
    );
    const client = createApiClient({ fetch, readCookie: noCookie });

    const error = await rejection(client.put('/things/1', { body: { reps: 5 } }));

    expect(calls.map((c) => c.url)).toEqual(['/api/v1/meta', '/api/v1/things/1']);
    expect(new Headers(calls[1]?.init.headers).has('X-CSRF-Token')).toBe(false);
    expect(error.status).toBe(403);
    expect(error.detail).toContain('CSRF');
  });

  it('never asks for the cookie before a GET', async () => {
    const { fetch, calls } = scriptedFetch(json({ ok: true }));
    const client = createApiClient({ fetch, readCookie: noCookie });

    await client.get('/me');

    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me']);
  });
});

describe('api client: Retry-After', () => {
  it('reads Retry-After seconds from a 429 problem', async () => {
    const { fetch } = scriptedFetch(
      new Response(JSON.stringify({ type: 'urn:vigor:problem:rate-limited', title: 'Too Many Requests', status: 429 }), {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' },
      }),
    );
    const client = createApiClient({ fetch, readCookie: () => 't' });

    const error = await rejection(client.post('/auth/login', { body: {} }));

    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(120);
  });

  it('understands an HTTP date and ignores garbage', () => {
    const now = Date.parse('2025-03-05T10:00:00Z');
    expect(parseRetryAfter('Wed, 05 Mar 2025 10:02:30 GMT', now)).toBe(150);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('api client: retry policy', () => {
  it('retries a GET after a network failure and a 503, then succeeds', async () => {
    const { fetch, calls } = scriptedFetch(
      new TypeError('Failed to fetch'),
      problem(503, { title: 'Service Unavailable', status: 503 }),
      json({ ok: true }),
    );
    const client = createApiClient({ fetch, readCookie: noCookie, retryDelaysMs: [0, 0] });

    await expect(client.get('/meta')).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(3);
  });

  it('gives up on a GET after the last retry and reports the last failure', async () => {
    const { fetch, calls } = scriptedFetch(
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
      problem(502, { title: 'Bad Gateway', status: 502 }),
    );
    const client = createApiClient({ fetch, readCookie: noCookie, retryDelaysMs: [0, 0] });

    const error = await rejection(client.get('/meta'));

    expect(calls).toHaveLength(3);
    expect(error.status).toBe(502);
  });

  it('does not retry a GET that failed with a client error', async () => {
    const { fetch, calls } = scriptedFetch(problem(404, { title: 'Not Found', status: 404 }));
    const client = createApiClient({ fetch, readCookie: noCookie, retryDelaysMs: [0, 0] });

    await rejection(client.get('/things/9'));
    expect(calls).toHaveLength(1);
  });

  it('never retries a POST, not even after a network failure or a 503', async () => {
    for (const failure of [new TypeError('Failed to fetch'), problem(503, { title: 'x', status: 503 })]) {
      const { fetch, calls } = scriptedFetch(failure, json({ created: true }, 201));
      const client = createApiClient({ fetch, readCookie: hasCookie, retryDelaysMs: [0, 0] });

      await rejection(client.post('/workouts', { body: {} }));
      expect(calls).toHaveLength(1);
    }
  });

  it('stops waiting to retry when the caller aborts', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('Failed to fetch'), json({ ok: true }));
    const client = createApiClient({ fetch, readCookie: noCookie, retryDelaysMs: [60_000] });
    const controller = new AbortController();

    const pending = client.get('/meta', { signal: controller.signal });
    // Abort while the client waits its 60 s before the retry.
    setTimeout(() => controller.abort(), 20);

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });
});

describe('api client: conditional GETs (issue 17)', () => {
  // The server answers cacheable reads with an ETag and `Cache-Control: private, no-cache`: the
  // browser's HTTP cache stores them, revalidates with If-None-Match by itself and hands fetch
  // its stored 200 when the server says 304. The client must leave that to the browser.
  it('adds no validator or cache mode of its own to a GET', async () => {
    const { fetch, calls } = scriptedFetch(json({ id: 'u1' }));
    const client = createApiClient({ fetch, readCookie: hasCookie, retryDelaysMs: [] });
    await expect(client.get('/me')).resolves.toEqual({ id: 'u1' });
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.has('If-None-Match')).toBe(false);
    expect(headers.has('Cache-Control')).toBe(false);
    expect(calls[0]?.init.cache).toBeUndefined();
  });

  it('reports a bare 304 (only a caller sending its own If-None-Match sees one) without retrying', async () => {
    const { fetch, calls } = scriptedFetch(new Response(null, { status: 304 }));
    const client = createApiClient({ fetch, readCookie: hasCookie, retryDelaysMs: [1, 1] });
    const error = await rejection(client.get('/me', { headers: { 'If-None-Match': '"abc"' } }));
    expect(error.status).toBe(304);
    expect(calls).toHaveLength(1);
  });
});
