import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderRoutes } from '@/testing/render';
import { AppLayout } from './layout/app-layout';
import { routes } from './routes';

beforeEach(() => {
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(
    jsonResponse({ name: 'Vigor', version: '0.1.0', api_version: 'v1', instance_name: 'Vigor', registration: 'open' }),
  );
});

describe('route table', () => {
  it('shows the landing page at / with the ways in', async () => {
    renderRoutes(routes, '/');

    expect(screen.getByRole('heading', { level: 1, name: 'Vigor' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create account' })).toHaveAttribute('href', '/signup');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(await screen.findByTestId('server-version')).toHaveTextContent('Vigor 0.1.0 · instance: Vigor');
    expect(document.title).toBe('Vigor — your self-hosted fitness tracker');
  });

  it('shows Not Found with a way home for an unknown path', () => {
    renderRoutes(routes, '/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });

  it('shows no app navigation to a signed-out visitor', () => {
    renderRoutes(routes, '/');

    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});

describe('app layout when signed in', () => {
  it('offers the five places in order: Today, Log, Food, Community, Me', () => {
    renderRoutes([{ element: <AppLayout signedIn />, children: [{ path: '*', element: <p>page</p> }] }], '/food');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(within(nav).getByRole('list')).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Today', 'Log', 'Food', 'Community', 'Me']);
    expect(within(nav).getByRole('link', { name: 'Food' })).toHaveAttribute('aria-current', 'page');
  });
});
