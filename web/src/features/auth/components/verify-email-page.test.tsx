import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { VerifyEmailPage } from './verify-email-page';

function renderVerify(path: string) {
  return renderRoutes([{ path: '/verify-email', element: <VerifyEmailPage loginPath="/login" homePath="/" /> }], path);
}

describe('VerifyEmailPage', () => {
  it('posts the token from the fragment once, clears the fragment, and offers to sign in', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/verify-email': () => json({ status: 'verified' }) });
    const { router } = renderVerify('/verify-email#token=abc123');

    expect(await screen.findByRole('heading', { level: 1, name: 'Email confirmed' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(api.to('POST /api/v1/auth/verify-email').map((r) => r.body)).toEqual([{ token: 'abc123' }]);
    expect(router.state.location.hash).toBe('');
    expect(router.state.location.pathname).toBe('/verify-email');
  });

  it('says when the account still waits for approval', async () => {
    fakeApi({ 'POST /api/v1/auth/verify-email': () => json({ status: 'awaiting_approval' }) });
    renderVerify('/verify-email#token=abc');

    expect(await screen.findByText('Waiting for approval')).toBeInTheDocument();
  });

  it('says when a changed address is confirmed', async () => {
    fakeApi({ 'POST /api/v1/auth/verify-email': () => json({ status: 'email_changed' }) });
    renderVerify('/verify-email#token=abc');

    expect(await screen.findByRole('heading', { level: 1, name: 'Email address changed' })).toBeInTheDocument();
  });

  it('explains an expired or used link, with a way to sign in', async () => {
    fakeApi({
      'POST /api/v1/auth/verify-email': () =>
        problem(400, { type: 'urn:vigor:problem:bad-request', detail: 'This link is not valid any more.' }),
    });
    renderVerify('/verify-email#token=old');

    expect(await screen.findByRole('heading', { level: 1, name: 'This link does not work' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('expired or was already used');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
  });

  it('explains a link without a token, and sends nothing', () => {
    const api = fakeApi({});
    renderVerify('/verify-email');

    expect(screen.getByRole('alert')).toHaveTextContent('This link is incomplete.');
    expect(api.requests).toHaveLength(0);
  });
});
