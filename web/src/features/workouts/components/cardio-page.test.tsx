import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, testUser, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { pendingWorkoutsOf, resetPendingWorkoutsForTests, syncAllPendingWorkouts } from '../lib/pending-workouts';
import { testPaths } from '../testing';
import { CardioPage } from './cardio-page';

function render() {
  return renderRoutes(
    [
      { path: '/log/cardio', element: <CardioPage timeZone="UTC" paths={testPaths} /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    '/log/cardio',
  );
}

/** The workout the fake server stores for a POST body. */
const savedFrom = (body: unknown) => ({ ...(body as object), kind: 'cardio', created_at: '', updated_at: '', rev: 1 });

async function fillAndSave() {
  // The button waits for /me (the outbox is per user).
  await waitFor(() => expect(screen.getByRole('button', { name: 'Save session' })).toBeEnabled());
  fireEvent.change(screen.getByRole('textbox', { name: /^Duration/ }), { target: { value: '0:30:00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
}

beforeEach(async () => {
  await resetPendingWorkoutsForTests();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('CardioPage through the outbox', () => {
  it('online: one POST with the session’s own id as the Idempotency-Key, then its summary', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'POST /api/v1/workouts': (r: FakeRequest) => json(savedFrom(r.body), 201),
    });
    const { router } = render();
    await fillAndSave();

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/workouts\//));
    const [post] = api.to('POST /api/v1/workouts');
    const id = (post?.body as { id: string }).id;
    expect(router.state.location.pathname).toBe(`/workouts/${id}`);
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect((post?.body as { cardio: { duration_s: number } }).cardio.duration_s).toBe(1800);
    expect(pendingWorkoutsOf(testUser.id)).toEqual([]);
  });

  it('names no visibility by default (the server applies my setting), the one picked otherwise', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'POST /api/v1/workouts': (r: FakeRequest) => json(savedFrom(r.body), 201),
    });
    const { router } = render();
    fireEvent.click(screen.getByRole('radio', { name: /^Followers/ }));
    await fillAndSave();
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/workouts\//));
    expect((api.to('POST /api/v1/workouts')[0]?.body as { visibility?: string }).visibility).toBe('followers');

    await resetPendingWorkoutsForTests();
    const again = fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'POST /api/v1/workouts': (r: FakeRequest) => json(savedFrom(r.body), 201),
    });
    const second = render();
    expect(screen.getAllByRole('radio', { name: /^My default/ }).at(-1)).toBeChecked();
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Save session' }).at(-1)).toBeEnabled());
    fireEvent.change(screen.getAllByRole('textbox', { name: /^Duration/ }).at(-1)!, { target: { value: '0:20:00' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save session' }).at(-1)!);
    await waitFor(() => expect(second.router.state.location.pathname).toMatch(/^\/workouts\//));
    expect(again.to('POST /api/v1/workouts')[0]?.body).not.toHaveProperty('visibility');
  });

  it('offline: kept in the outbox, nothing sent; back online it is sent once under the key it was kept with', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const api = fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'POST /api/v1/workouts': (r: FakeRequest) => json(savedFrom(r.body), 201),
    });
    const { router } = render();
    await fillAndSave();

    await waitFor(() => expect(router.state.location.pathname).toBe(testPaths.log));
    expect(await screen.findByText(/^No connection: the session is kept on this device/)).toBeInTheDocument();
    expect(api.to('POST /api/v1/workouts')).toHaveLength(0);
    const [kept] = pendingWorkoutsOf(testUser.id);
    expect(kept?.status).toBe('waiting');
    expect(kept?.draft).toBeUndefined();

    onLine.mockReturnValue(true);
    const saved = vi.fn();
    await syncAllPendingWorkouts(testUser.id, saved);
    await syncAllPendingWorkouts(testUser.id, saved);
    const posts = api.to('POST /api/v1/workouts');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get('Idempotency-Key')).toBe(kept?.key);
    expect(posts[0]?.body).toEqual(kept?.body);
    expect(saved).toHaveBeenCalledOnce();
    expect(pendingWorkoutsOf(testUser.id)).toEqual([]);
  });
});
