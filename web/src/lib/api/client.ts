import { ApiError, decodeProblem, NETWORK_ERROR_STATUS } from './api-error';

export { ApiError } from './api-error';
export type { FieldError, Problem } from './api-error';

/** Every API call goes to this prefix on the page's own origin. */
export const API_BASE = '/api/v1';
/**
 * The CSRF cookie the server sets (on GET /meta when absent, and at sign-in): `__Host-`
 * prefixed over TLS, plain on http://localhost. Its value goes into the CSRF header.
 */
export const CSRF_COOKIES = ['__Host-vigor_csrf', 'vigor_csrf'] as const;
export const CSRF_HEADER = 'X-CSRF-Token';
/** The request that makes the server set the CSRF cookie when the browser has none. */
const CSRF_PRIMING_PATH = '/meta';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Statuses that say "try again shortly" without the request having had an effect. */
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export interface ApiClientOptions {
  /** Prefix for every path; defaults to `/api/v1`. */
  baseUrl?: string;
  /** The fetch to use (tests pass a fake). Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Waits before each retry of a GET, in ms; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  /** Reads a cookie by name; defaults to `document.cookie`. */
  readCookie?: (name: string) => string | undefined;
  /**
   * The UI language, sent as `Accept-Language` so that the server's messages (problem details,
   * field errors) match the page even when signed out; defaults to `<html lang>`, which the
   * i18n setup keeps in step with the UI language.
   */
  readLanguage?: () => string | undefined;
}

export interface RequestOptions {
  /** JSON-serialisable request body. */
  body?: unknown;
  /** A raw request body sent as it is (a file upload), instead of `body`. */
  raw?: { body: Blob | string; contentType: string } | undefined;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Extra request headers, e.g. `Idempotency-Key` for a create that may be retried. */
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

export interface ApiClient {
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, options?: RequestOptions): Promise<T>;
  put<T>(path: string, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export function readDocumentLanguage(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.documentElement.lang || undefined;
}

export function readDocumentCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

/**
 * Only GET is retried, and only when the failure says nothing happened on the server:
 * no response at all, or a gateway/availability status. A POST is never repeated,
 * as it may have taken effect before the connection broke.
 */
export function isRetryable(method: Method, failure: { status: number }): boolean {
  if (method !== 'GET') return false;
  return failure.status === NETWORK_ERROR_STATUS || RETRYABLE_STATUSES.has(failure.status);
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  let url = baseUrl + (path.startsWith('/') ? path : `/${path}`);
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.append(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

async function decodeSuccess<T>(response: Response): Promise<T> {
  if (response.status === 204 || response.status === 205) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new ApiError({
      status: response.status,
      title: 'Invalid response',
      detail: 'The server answered with a body that is not JSON.',
      cause,
    });
  }
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? API_BASE;
  const retryDelaysMs = options.retryDelaysMs ?? [300, 1000];
  const readCookie = options.readCookie ?? readDocumentCookie;
  const readLanguage = options.readLanguage ?? readDocumentLanguage;
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

  const readCsrfCookie = (): string | undefined => {
    for (const name of CSRF_COOKIES) {
      const value = readCookie(name);
      if (value) return value;
    }
    return undefined;
  };

  /** One GET /meta at a time, shared by every request that waits for the cookie. */
  let priming: Promise<void> | undefined;

  /**
   * The CSRF token for a state-changing request. Without the cookie (a first visit, or
   * cleared cookies) the server is asked for one first, once, whatever the outcome: if it
   * still does not come, the request goes out without the header and the server's 403
   * problem says why.
   */
  async function csrfToken(): Promise<string | undefined> {
    const existing = readCsrfCookie();
    if (existing) return existing;
    priming ??= doFetch(baseUrl + CSRF_PRIMING_PATH, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(
        (response) => response.body?.cancel().catch(() => undefined),
        () => undefined,
      )
      .finally(() => {
        priming = undefined;
      });
    await priming;
    return readCsrfCookie();
  }

  async function attempt(method: Method, url: string, init: RequestInit): Promise<Response | ApiError> {
    try {
      return await doFetch(url, init);
    } catch (cause) {
      // An abort is the caller's decision, not a failure: pass it through untouched.
      if (init.signal?.aborted) throw abortError(init.signal);
      return new ApiError({
        status: NETWORK_ERROR_STATUS,
        title: 'Network error',
        detail: `${method} ${url} got no response from the server.`,
        cause,
      });
    }
  }

  async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    const url = buildUrl(baseUrl, path, opts.query);
    const headers = new Headers({ ...opts.headers, Accept: 'application/json, application/problem+json' });
    if (opts.body !== undefined) headers.set('Content-Type', 'application/json');
    if (opts.raw) headers.set('Content-Type', opts.raw.contentType);
    const language = readLanguage();
    if (language && !headers.has('Accept-Language')) headers.set('Accept-Language', language);
    if (method !== 'GET') {
      const token = await csrfToken();
      if (token) headers.set(CSRF_HEADER, token);
    }
    const init: RequestInit = {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.raw ? { body: opts.raw.body } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    };

    for (let retry = 0; ; retry++) {
      const outcome = await attempt(method, url, init);
      let failure: ApiError;
      if (outcome instanceof ApiError) {
        failure = outcome;
      } else if (outcome.ok) {
        return decodeSuccess<T>(outcome);
      } else {
        failure = decodeProblem(outcome, await outcome.text().catch(() => ''));
      }
      const delay = retryDelaysMs[retry];
      if (delay === undefined || !isRetryable(method, failure)) throw failure;
      await sleep(delay, opts.signal);
    }
  }

  return {
    get: (path, opts) => request('GET', path, opts),
    post: (path, opts) => request('POST', path, opts),
    put: (path, opts) => request('PUT', path, opts),
    patch: (path, opts) => request('PATCH', path, opts),
    delete: (path, opts) => request('DELETE', path, opts),
  };
}

/** The app's one API client. */
export const api = createApiClient();
