import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { waitFor } from '@testing-library/react';
import { changeCursorQueryKey, startChangeFeed, syncChanges } from './change-feed';

const change = (kind: string, id: string, rev: number, deleted = false) => ({ kind, id, rev, deleted, updated_at: '2026-12-01T10:00:00Z' });

/** A cache with answers of every kind, all fresh, at feed position `since`. */
function cacheAt(since: number | undefined) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, gcTime: Infinity } } });
  const put = (key: unknown[]) => client.setQueryData(key, { answer: key.join('/') });
  put(['workouts', 'detail', 'w1']);
  put(['workouts', 'detail', 'w2']);
  put(['workouts', 'detail', 'w3']);
  put(['workouts', 'list', { q: '', kind: null }]);
  put(['routines', 'detail', 'r1']);
  put(['routines', 'detail', 'r2']);
  put(['routines', 'list']);
  put(['programs', 'list']);
  put(['exercises', 'catalogue']);
  put(['exercises', 'detail', 'barbell-bench-press']);
  put(['measurements', 'weight']);
  put(['stats', 'dashboard']);
  if (since !== undefined) client.setQueryData(changeCursorQueryKey, since);
  return client;
}

const isStale = (client: QueryClient, key: unknown[]) => client.getQueryState(key)?.isInvalidated ?? 'missing';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the change feed', () => {
  it('marks stale exactly what changed, removes what was deleted, and keeps the new position', async () => {
    const pages: Record<string, unknown> = {
      '120': { items: [change('workout', 'w1', 121), change('routine', 'r2', 122, true)], next_since: 122, has_more: true, latest_rev: 125 },
      '122': { items: [change('workout', 'w3', 125, true)], next_since: 125, has_more: false, latest_rev: 125 },
    };
    const api = fakeApi({ 'GET /api/v1/changes': (r: FakeRequest) => json(pages[r.query.get('since') ?? '']) });
    const client = cacheAt(120);

    expect(await syncChanges(client)).toBe('synced');

    expect(api.to('GET /api/v1/changes').map((r) => r.query.get('since'))).toEqual(['120', '122']);
    expect(isStale(client, ['workouts', 'detail', 'w1'])).toBe(true);
    expect(isStale(client, ['workouts', 'detail', 'w2'])).toBe(false);
    expect(isStale(client, ['workouts', 'detail', 'w3'])).toBe('missing');
    expect(isStale(client, ['workouts', 'list', { q: '', kind: null }])).toBe(true);
    expect(isStale(client, ['routines', 'detail', 'r1'])).toBe(false);
    expect(isStale(client, ['routines', 'detail', 'r2'])).toBe('missing');
    expect(isStale(client, ['routines', 'list'])).toBe(true);
    expect(isStale(client, ['programs', 'list'])).toBe(true);
    expect(isStale(client, ['exercises', 'catalogue'])).toBe(false);
    expect(isStale(client, ['measurements', 'weight'])).toBe(false);
    expect(isStale(client, ['stats', 'dashboard'])).toBe(true);
    expect(client.getQueryData(changeCursorQueryKey)).toBe(125);
  });

  it('an exercise or a measurement changed elsewhere marks only its own queries (and the dashboard) stale', async () => {
    fakeApi({
      'GET /api/v1/changes': () =>
        json({ items: [change('exercise', 'c-1', 8), change('measurement', 'm-1', 9)], next_since: 9, has_more: false, latest_rev: 9 }),
    });
    const client = cacheAt(7);
    await syncChanges(client);
    expect(isStale(client, ['exercises', 'catalogue'])).toBe(true);
    expect(isStale(client, ['measurements', 'weight'])).toBe(true);
    expect(isStale(client, ['stats', 'dashboard'])).toBe(true);
    expect(isStale(client, ['workouts', 'detail', 'w1'])).toBe(false);
    expect(isStale(client, ['routines', 'list'])).toBe(false);
  });

  it("a workout or a measurement changed elsewhere makes the goals stale (their progress counts them); a routine does not", async () => {
    const changes: Record<string, unknown[]> = {
      '1': [change('routine', 'r1', 2)],
      '2': [change('workout', 'w1', 3)],
      '3': [change('measurement', 'm-1', 4)],
    };
    fakeApi({
      'GET /api/v1/changes': (r: FakeRequest) => {
        const since = Number(r.query.get('since'));
        return json({ items: changes[String(since)], next_since: since + 1, has_more: false, latest_rev: since + 1 });
      },
    });
    for (const [since, goalsStale] of [[1, false], [2, true], [3, true]] as const) {
      const client = cacheAt(since);
      client.setQueryData(['goals', 'list', 'active'], { items: [] });
      await syncChanges(client);
      expect({ since, stale: isStale(client, ['goals', 'list', 'active']) }).toEqual({ since, stale: goalsStale });
    }
  });

  it('a goal changed elsewhere makes the goals stale; a deleted one is dropped', async () => {
    fakeApi({
      'GET /api/v1/changes': () =>
        json({ items: [change('goal', 'g1', 8), change('goal', 'g2', 9, true)], next_since: 9, has_more: false, latest_rev: 9 }),
    });
    const client = cacheAt(7);
    for (const key of [['goals', 'list', 'active'], ['goals', 'detail', 'g1'], ['goals', 'detail', 'g2'], ['goals', 'history', 'g2']]) {
      client.setQueryData(key, { answer: key.join('/') });
    }
    await syncChanges(client);
    expect(isStale(client, ['goals', 'list', 'active'])).toBe(true);
    expect(isStale(client, ['goals', 'detail', 'g1'])).toBe(true);
    expect(isStale(client, ['goals', 'detail', 'g2'])).toBe('missing');
    expect(isStale(client, ['goals', 'history', 'g2'])).toBe('missing');
    expect(isStale(client, ['workouts', 'detail', 'w1'])).toBe(false);
  });

  it('with no position, marks everything kept stale once and starts at the latest rev', async () => {
    const api = fakeApi({ 'GET /api/v1/changes': () => json({ items: [change('workout', 'w1', 1)], next_since: 1, has_more: true, latest_rev: 40 }) });
    const client = cacheAt(undefined);
    expect(await syncChanges(client)).toBe('reset');
    expect(api.to('GET /api/v1/changes').map((r) => [r.query.get('since'), r.query.get('limit')])).toEqual([['0', '1']]);
    expect(isStale(client, ['workouts', 'detail', 'w2'])).toBe(true);
    expect(isStale(client, ['exercises', 'catalogue'])).toBe(true);
    expect(client.getQueryData(changeCursorQueryKey)).toBe(40);
  });

  it('410 (the server is behind the position) starts over from 0', async () => {
    const api = fakeApi({
      'GET /api/v1/changes': (r: FakeRequest) =>
        r.query.get('since') === '500'
          ? problem(410, { title: 'Gone', detail: 'since is ahead of the server' })
          : json({ items: [], next_since: 0, has_more: false, latest_rev: 30 }),
    });
    const client = cacheAt(500);
    expect(await syncChanges(client)).toBe('reset');
    expect(api.to('GET /api/v1/changes').map((r) => r.query.get('since'))).toEqual(['500', '0']);
    expect(isStale(client, ['routines', 'detail', 'r1'])).toBe(true);
    expect(client.getQueryData(changeCursorQueryKey)).toBe(30);
  });

  it('no feed on the server (404) or no connection changes nothing and keeps the position', async () => {
    fakeApi({ 'GET /api/v1/changes': () => problem(404, { title: 'Not Found' }) });
    const client = cacheAt(12);
    expect(await syncChanges(client)).toBe('unavailable');
    expect(isStale(client, ['workouts', 'detail', 'w1'])).toBe(false);
    expect(client.getQueryData(changeCursorQueryKey)).toBe(12);

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(await syncChanges(client)).toBe('offline');
    expect(client.getQueryData(changeCursorQueryKey)).toBe(12);
  });

  it('follows the feed at start and on focus while its user is signed in, and stops asking after a sign-out', async () => {
    const api = fakeApi({ 'GET /api/v1/changes': () => json({ items: [], next_since: 3, has_more: false, latest_rev: 3 }) });
    const client = cacheAt(3);
    client.setQueryData(['me'], { id: 'u1' });
    const stop = startChangeFeed(client, 'u1');
    try {
      await waitFor(() => expect(api.to('GET /api/v1/changes')).toHaveLength(1));
      window.dispatchEvent(new Event('focus'));
      await waitFor(() => expect(api.to('GET /api/v1/changes')).toHaveLength(2));
      client.setQueryData(['me'], null);
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 50));
      expect(api.to('GET /api/v1/changes')).toHaveLength(2);
    } finally {
      stop();
    }
  });
});
