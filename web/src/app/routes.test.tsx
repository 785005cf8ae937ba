import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, signedOut, testMeta, testUser } from '@/testing/fake-api';
import { newWorkout } from '@/features/workouts/lib/active-workout';
import { activeWorkoutStore } from '@/features/workouts/lib/active-workout-store';
import { AppLayout } from './layout/app-layout';
import { routes } from './routes';

const meta = () => json(testMeta);

describe('route table, signed out', () => {
  it('shows the landing page at / with the ways in', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': signedOut });
    renderRoutes(routes, '/');

    expect(screen.getByRole('heading', { level: 1, name: 'Vigor' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create account' })).toHaveAttribute('href', '/signup');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(await screen.findByTestId('server-version')).toHaveTextContent('Vigor 0.1.0 · instance: Vigor');
    expect(document.title).toBe('Vigor — your self-hosted fitness tracker');
  });

  it('shows Not Found with a way home for an unknown path', () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': signedOut });
    renderRoutes(routes, '/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });

  it('shows no app navigation to a signed-out visitor', async () => {
    const api = fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': signedOut });
    renderRoutes(routes, '/');

    await screen.findByTestId('server-version');
    expect(api.to('GET /api/v1/me')).toHaveLength(1);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends a signed-out visitor of the security page to sign in, and back after', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': signedOut });
    const { router } = renderRoutes(routes, '/settings/security');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fsettings%2Fsecurity');
  });
});

describe('route table, signed in', () => {
  it('opens the diary of the day in the address at /food/:date, and no page for a path that is not a day', async () => {
    const api = fakeApi({
      'GET /api/v1/meta': meta,
      'GET /api/v1/me': () => json(testUser),
      'GET /api/v1/diary/2026-12-05': () =>
        json({
          date: '2026-12-05',
          meals: [],
          totals: { amounts: {}, incomplete: [] },
          water_ml: 0,
          exercise_kcal: 0,
          targets: null,
          remaining_kcal: null,
        }),
    });
    const { unmount } = renderRoutes(routes, '/food/2026-12-05');
    expect(await screen.findByRole('heading', { level: 1, name: 'Food' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Set your targets' })).toHaveAttribute('href', '/food/targets');
    expect(screen.getByRole('link', { name: 'Previous day' })).toHaveAttribute('href', '/food/2026-12-04');
    expect(api.to('GET /api/v1/diary/2026-12-05')).toHaveLength(1);
    unmount();

    renderRoutes(routes, '/food/2026-02-30');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('greets the user on / with the three first actions and a way to the security settings', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': () => json(testUser) });
    renderRoutes(routes, '/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, ann' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a workout' })).toHaveAttribute('href', '/log');
    expect(screen.getByRole('link', { name: 'Record your weight' })).toHaveAttribute('href', '/body');
    expect(screen.getByRole('link', { name: 'Create a routine' })).toHaveAttribute('href', '/routines/new');
    expect(screen.getByRole('link', { name: 'Security settings' })).toHaveAttribute('href', '/settings/security');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Log' })).toHaveAttribute('href', '/log');
  });

  it('shows the workout in progress as a bar on other pages, leading back to it', async () => {
    activeWorkoutStore(testUser.id).set(newWorkout({ title: 'Legs', now: Date.now() - 2530_000 }));
    try {
      fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': () => json(testUser) });
      renderRoutes(routes, '/');

      const bar = await screen.findByRole('link', { name: /^Workout in progress — 00:42:1\d/ });
      expect(bar).toHaveAttribute('href', '/log/active');
    } finally {
      localStorage.clear();
    }
  });

  it('offers History, Routines, Programs, Exercises, Import and Body under Me, which stays the current place there', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': () => json(testUser) });
    renderRoutes(routes, '/me');

    expect(await screen.findByRole('link', { name: /^Workout history/ })).toHaveAttribute('href', '/workouts');
    expect(screen.getByRole('link', { name: /^Routines/ })).toHaveAttribute('href', '/routines');
    expect(screen.getByRole('link', { name: /^Programs/ })).toHaveAttribute('href', '/programs');
    expect(screen.getByRole('link', { name: /^Exercise library/ })).toHaveAttribute('href', '/exercises');
    expect(screen.getByRole('link', { name: /^Import/ })).toHaveAttribute('href', '/import');
    expect(screen.getByRole('link', { name: /^Body/ })).toHaveAttribute('href', '/body');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Me' })).toHaveAttribute('aria-current', 'page');
  });

  it('offers Security and Sign out in the account menu, and Admin only to admins', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': () => json(testUser) });
    renderRoutes(routes, '/');

    const menuButton = await screen.findByRole('button', { name: 'Account menu: ann' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    menuButton.click();
    expect(await screen.findByRole('link', { name: 'Security' })).toHaveAttribute('href', '/settings/security');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('signs out from the account menu: POST /auth/logout, then the landing page, with nothing cached', async () => {
    let signedIn = true;
    const api = fakeApi({
      'GET /api/v1/meta': meta,
      'GET /api/v1/me': (request) => (signedIn ? json(testUser) : signedOut(request)),
      'POST /api/v1/auth/logout': () => {
        signedIn = false;
        return new Response(null, { status: 204 });
      },
    });
    const { router, queryClient } = renderRoutes(routes, '/');

    fireEvent.click(await screen.findByRole('button', { name: 'Account menu: ann' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('link', { name: 'Create account' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(api.to('POST /api/v1/auth/logout')[0]?.headers.get('X-CSRF-Token')).toBe('test-csrf');
    expect(queryClient.getQueryData(['me'])).toBeNull();
  });

  it('shows Not Found for the admin pages to a user who is not an admin', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': () => json(testUser) });
    renderRoutes(routes, '/admin/users');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('sends a signed-in user away from /login to a safe ?next=', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': () => json(testUser) });
    const { router } = renderRoutes(routes, '/login?next=//evil.com');

    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, ann' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('app layout when signed in', () => {
  it('offers only the places that exist, in order: Today, Log, Food, Community, Me', () => {
    fakeApi({ 'GET /api/v1/meta': meta });
    renderRoutes([{ element: <AppLayout user={testUser} />, children: [{ path: '*', element: <p>page</p> }] }], '/log');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(within(nav).getByRole('list')).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Today', 'Log', 'Food', 'Community', 'Me']);
    expect(within(nav).getByRole('link', { name: 'Log' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Today' })).not.toHaveAttribute('aria-current');
  });

  it('marks Food as the place of every food page, a day of the diary and the week alike', () => {
    fakeApi({ 'GET /api/v1/meta': meta });
    const layout = [{ element: <AppLayout user={testUser} />, children: [{ path: '*', element: <p>page</p> }] }];
    for (const [path, current] of [['/food', 'page'], ['/food/2026-12-05', 'true'], ['/food/week', 'true']] as const) {
      const { unmount } = renderRoutes(layout, path);
      const nav = screen.getByRole('navigation', { name: 'Main' });
      expect(within(nav).getByRole('link', { name: 'Food' })).toHaveAttribute('href', '/food');
      expect(within(nav).getByRole('link', { name: 'Food' })).toHaveAttribute('aria-current', current);
      unmount();
    }
  });

  it('marks Me as the place of import, the exercise library and programs', () => {
    fakeApi({ 'GET /api/v1/meta': meta });
    const layout = [{ element: <AppLayout user={testUser} />, children: [{ path: '*', element: <p>page</p> }] }];
    for (const path of ['/import', '/exercises/e1', '/programs']) {
      const { unmount } = renderRoutes(layout, path);
      const nav = screen.getByRole('navigation', { name: 'Main' });
      expect(within(nav).getByRole('link', { name: 'Me' })).toHaveAttribute('aria-current');
      unmount();
    }
  });

  it('marks Me as the place of the workout history and Log as that of the logging screen', () => {
    fakeApi({ 'GET /api/v1/meta': meta });
    const layout = [{ element: <AppLayout user={testUser} />, children: [{ path: '*', element: <p>page</p> }] }];
    renderRoutes(layout, '/workouts/w1');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Me' })).toHaveAttribute('aria-current', 'true');
    expect(within(nav).getByRole('link', { name: 'Log' })).not.toHaveAttribute('aria-current');
  });
});
