import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, signedOut, testMeta, testUser } from '@/testing/fake-api';
import { routes } from './routes';

const meta = () => json(testMeta);

describe('routes of client apps (issue 14)', () => {
  it('sends a signed-out visitor of the consent page to sign in, and back to the same request after', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': signedOut });
    const { router } = renderRoutes(routes, '/oauth/consent?request=req-123');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/oauth/consent?request=req-123');
  });

  it('keeps the device code through sign-in too', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': signedOut });
    const { router } = renderRoutes(routes, '/device?code=BCDF-GHJK');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/device?code=BCDF-GHJK');
  });

  it('shows a signed-in user the consent page of the request in the link', async () => {
    fakeApi({
      'GET /api/v1/meta': meta,
      'GET /api/v1/me': () => json(testUser),
      'GET /api/v1/oauth/authorization-requests/req-123': () =>
        json({
          id: 'req-123',
          client: { client_id: 'c', name: 'Ride Sync', logo_url: null, homepage_url: null, redirect_uri: 'https://r.example/cb' },
          scopes: ['profile:read'],
          expires_at: '2026-03-01T10:10:00Z',
        }),
    });
    renderRoutes(routes, '/oauth/consent?request=req-123');
    expect(await screen.findByRole('heading', { level: 2, name: 'Ride Sync' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Allow access?' })).toBeInTheDocument();
  });

  it('is Not Found at /admin/apps for a user who is not an admin', async () => {
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': () => json(testUser) });
    renderRoutes(routes, '/admin/apps');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
