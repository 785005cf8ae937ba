import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { clearPersistedQueries, MAX_AGE_MS, MAX_WORKOUT_DETAILS, restoreQueries, saveQueries } from './query-persistence';

const newClient = () => new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });

function signedInCache() {
  const client = newClient();
  client.setQueryData(['exercises', 'catalogue'], [{ id: 'barbell-bench-press' }]);
  client.setQueryData(['routines', 'list'], { items: [{ id: 'r1' }] });
  client.setQueryData(['workouts', 'detail', 'w1'], { id: 'w1' });
  client.setQueryData(['account', 'sessions'], ['a session']);
  client.setQueryData(['me'], { id: 'ann' });
  client.setQueryData(['stats', 'dashboard'], { today: '2026-12-06' });
  client.setQueryData(['stats', 'summary', 'week'], { items: [] });
  return client;
}

afterEach(async () => {
  await clearPersistedQueries();
});

describe('answers kept for offline use', () => {
  it('restores the whitelisted answers for the same user, and nothing else', async () => {
    await saveQueries(signedInCache(), 'ann');
    const reopened = newClient();
    await restoreQueries(reopened, 'ann');
    expect(reopened.getQueryData(['exercises', 'catalogue'])).toEqual([{ id: 'barbell-bench-press' }]);
    expect(reopened.getQueryData(['routines', 'list'])).toEqual({ items: [{ id: 'r1' }] });
    expect(reopened.getQueryData(['workouts', 'detail', 'w1'])).toEqual({ id: 'w1' });
    expect(reopened.getQueryData(['account', 'sessions'])).toBeUndefined();
    expect(reopened.getQueryData(['me'])).toBeUndefined();
    expect(reopened.getQueryData(['stats', 'dashboard'])).toEqual({ today: '2026-12-06' });
    expect(reopened.getQueryData(['stats', 'summary', 'week'])).toBeUndefined();
  });

  it('never shows one user’s answers to another, and forgets them when another signs in', async () => {
    await saveQueries(signedInCache(), 'ann');
    const bob = newClient();
    await restoreQueries(bob, 'bob');
    expect(bob.getQueryCache().getAll()).toHaveLength(0);
    const annAgain = newClient();
    await restoreQueries(annAgain, 'ann');
    expect(annAgain.getQueryCache().getAll()).toHaveLength(0);
  });

  it('forgets everything at sign-out, and what is older than the limit', async () => {
    await saveQueries(signedInCache(), 'ann');
    await clearPersistedQueries();
    const afterSignOut = newClient();
    await restoreQueries(afterSignOut, 'ann');
    expect(afterSignOut.getQueryCache().getAll()).toHaveLength(0);

    const savedAt = Date.UTC(2026, 0, 1);
    await saveQueries(signedInCache(), 'ann', savedAt);
    const tooLate = newClient();
    await restoreQueries(tooLate, 'ann', savedAt + MAX_AGE_MS + 1);
    expect(tooLate.getQueryCache().getAll()).toHaveLength(0);
  });

  it('keeps only the workouts opened last', async () => {
    const client = newClient();
    for (let i = 0; i < MAX_WORKOUT_DETAILS + 2; i++) {
      client.setQueryData(['workouts', 'detail', `w${i}`], { id: `w${i}` }, { updatedAt: 1_000 + i });
    }
    await saveQueries(client, 'ann');
    const reopened = newClient();
    await restoreQueries(reopened, 'ann');
    expect(reopened.getQueryCache().findAll({ queryKey: ['workouts', 'detail'] })).toHaveLength(MAX_WORKOUT_DETAILS);
    expect(reopened.getQueryData(['workouts', 'detail', 'w0'])).toBeUndefined();
    expect(reopened.getQueryData(['workouts', 'detail', 'w1'])).toBeUndefined();
    expect(reopened.getQueryData(['workouts', 'detail', `w${MAX_WORKOUT_DETAILS + 1}`])).toEqual({ id: `w${MAX_WORKOUT_DETAILS + 1}` });
  });
});
