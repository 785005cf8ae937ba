/**
 * The `?next=` target after sign-in, only if it is a path on this site: it must start with
 * a single "/", and must not contain a backslash (browsers read "/\evil.com" as
 * "//evil.com") or control characters. Anything else — "//evil.com", "https://evil.com",
 * "javascript:…" — gives null, and the caller goes home instead (no open redirect).
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next) return null;
  if (!next.startsWith('/') || next.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  const base = 'https://vigor.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** "/login?next=/settings/security" for a page that needs a signed-in user. */
export function loginPathFor(loginPath: string, next: string): string {
  const safe = safeNextPath(next);
  return safe && safe !== '/' ? `${loginPath}?${new URLSearchParams({ next: safe }).toString()}` : loginPath;
}
