import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, signedOut, testMeta, testUser } from '@/testing/fake-api';
import { routes } from '../routes';

const meta = () => json(testMeta);

/** A GET /me that answers only when the test says so. */
function heldMe(answer: () => Response | Promise<Response>) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return { handler: async () => (await held, answer()), release: () => release() };
}

afterEach(() => localStorage.clear());

describe('the shell while GET /me is on its way', () => {
  it('draws the navigation of the user this browser last saw signed in, so nothing jumps', async () => {
    localStorage.setItem('vigor.last-me', JSON.stringify(testUser));
    const me = heldMe(() => json(testUser));
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': me.handler });
    renderRoutes(routes, '/');

    expect(screen.getByRole('navigation')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Hello, ann' })).not.toBeInTheDocument();
    me.release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, ann' })).toBeInTheDocument();
    expect(screen.getByRole('navigation')).toBeInTheDocument();
  });

  it('draws no navigation when nobody was signed in here, nor once the server says nobody is', async () => {
    const me = heldMe(() => signedOut({} as Parameters<typeof signedOut>[0]));
    fakeApi({ 'GET /api/v1/meta': meta, 'GET /api/v1/me': me.handler });
    renderRoutes(routes, '/');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();

    localStorage.setItem('vigor.last-me', JSON.stringify(testUser));
    me.release();
    expect(await screen.findByRole('link', { name: 'Create account' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
