import type { components } from './schema.gen';

/**
 * A field error as the server sends it. `code` is optional here although the server always
 * sends it: problems kept on the device (the offline queue) from before it existed lack it.
 */
export type FieldError = Omit<components['schemas']['FieldError'], 'code'> & { code?: string | undefined };
export type Problem = components['schemas']['Problem'];

/** `status` of an ApiError raised when no HTTP response arrived at all. */
export const NETWORK_ERROR_STATUS = 0;

/**
 * Every failed API call rejects with an ApiError. It carries what the server said in its
 * RFC 9457 problem document, or what could be told without one (status 0: no response).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  /** The detail in the reader's language, as the server chose it (profile, else Accept-Language). */
  readonly detail: string | undefined;
  /** The detail's stable machine-readable code (`username_taken_detail`, ...). */
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  /** From a `Retry-After` header (429, 503): how long to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    title: string;
    type?: string | undefined;
    detail?: string | undefined;
    code?: string | undefined;
    requestId?: string | undefined;
    fieldErrors?: FieldError[] | undefined;
    retryAfterSeconds?: number | undefined;
    cause?: unknown;
  }) {
    super(init.detail ?? init.title, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** True when the request never got an HTTP response (offline, DNS, connection refused). */
  get isNetworkError(): boolean {
    return this.status === NETWORK_ERROR_STATUS;
  }

  /** The message for one form field, if the server flagged it. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function decodeFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  const out: FieldError[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string') {
      const code = optionalString(item.code);
      out.push({ field: item.field, message: item.message, ...(code ? { code } : {}) });
    }
  }
  return out;
}

/**
 * `Retry-After` as seconds from now: either delay-seconds or an HTTP date (RFC 9110).
 * Unparseable values count as absent.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Builds the ApiError for a non-2xx response. The body has already been read as text:
 * a problem document (or any JSON object) is decoded field by field; anything else
 * (an HTML page from a proxy, an empty body) keeps just the HTTP status.
 */
export function decodeProblem(response: Response, bodyText: string): ApiError {
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  const contentType = response.headers.get('content-type') ?? '';
  let body: unknown;
  if (/^application\/(problem\+)?json\b/i.test(contentType.trim())) {
    try {
      body = JSON.parse(bodyText);
    } catch {
      body = undefined;
    }
  }
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (!isRecord(body)) {
    return new ApiError({ status: response.status, title: fallbackTitle, retryAfterSeconds });
  }
  return new ApiError({
    // The HTTP status wins over the body's: it is what actually happened on the wire.
    status: response.status,
    title: optionalString(body.title) ?? fallbackTitle,
    type: optionalString(body.type),
    detail: optionalString(body.detail),
    code: optionalString(body.code),
    requestId: optionalString(body.request_id) ?? response.headers.get('x-request-id') ?? undefined,
    fieldErrors: decodeFieldErrors(body.errors),
    retryAfterSeconds,
  });
}
