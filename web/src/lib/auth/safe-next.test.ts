import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './safe-next';

describe('safeNextPath (the ?next= redirect guard)', () => {
  it('keeps relative paths on this site, with their query and fragment', () => {
    expect(safeNextPath('/settings/security')).toBe('/settings/security');
    expect(safeNextPath('/admin/users?q=ann#top')).toBe('/admin/users?q=ann#top');
    expect(safeNextPath('/')).toBe('/');
  });

  it.each([
    ['//evil.com', 'protocol-relative URL'],
    ['//evil.com/settings', 'protocol-relative URL with a path'],
    ['https://evil.com', 'absolute URL'],
    ['http://127.0.0.1/x', 'absolute URL to this host'],
    ['/\\evil.com', 'backslash that browsers read as a slash'],
    ['\\\\evil.com', 'two backslashes'],
    ['/\t/evil.com', 'tab that URL parsing strips'],
    ['/\n/evil.com', 'newline that URL parsing strips'],
    ['javascript:alert(1)', 'javascript: URL'],
    ['settings', 'path without a leading slash'],
    ['', 'empty'],
  ])('rejects %j (%s)', (next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it('rejects nothing given', () => {
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
  });

  it('normalises dot segments so they cannot climb out', () => {
    expect(safeNextPath('/a/../../b')).toBe('/b');
  });
});

describe('loginPathFor', () => {
  it('carries the page to come back to', () => {
    expect(loginPathFor('/login', '/settings/security')).toBe('/login?next=%2Fsettings%2Fsecurity');
  });

  it('leaves out a next that is home or unsafe', () => {
    expect(loginPathFor('/login', '/')).toBe('/login');
    expect(loginPathFor('/login', '//evil.com')).toBe('/login');
  });
});
