import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Outlet } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ToastProvider } from '@/components/ui';
import { meQueryKey } from '@/lib/auth/get-me';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, problem, testUser } from '@/testing/fake-api';
import { LoginPage } from './login-page';

function renderLogin(path = '/login') {
  return renderRoutes(
    [
      {
        path: '/login',
        element: <LoginPage homePath="/" signupPath="/signup" forgotPasswordPath="/forgot-password" />,
      },
      { path: '/', element: <p>home page</p> },
      { path: '/settings/security', element: <p>security page</p> },
    ],
    path,
  );
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

function signIn(login = 'ann', password = 'a long enough password') {
  fill('Username or email', login);
  fill('Password', password);
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const signedIn = () => json({ status: 'signed_in', user: testUser });
const totpRequired = () => json({ status: 'totp_required', challenge: 'ch-1' });
const wrongCode = () =>
  problem(401, { type: 'urn:vigor:problem:unauthenticated', title: 'Authentication required', detail: 'The code is not right.' });

describe('LoginPage: password step', () => {
  it('needs both fields before it sends anything', async () => {
    const api = fakeApi({});
    renderLogin();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findAllByText('Fill this in.')).toHaveLength(2);
    expect(screen.getByLabelText('Username or email')).toHaveFocus();
    expect(api.requests).toHaveLength(0);
  });

  it('says the credentials do not match on 401, without saying which one', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problem(401, { type: 'urn:vigor:problem:unauthenticated', detail: 'The username, email or password is not right.' }),
    });
    renderLogin();

    signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That username or email and password do not match. Check them and try again.',
    );
    expect(screen.getByLabelText('Password', { exact: true })).not.toHaveAttribute('aria-invalid');
  });

  it("shows the server's reason for a refused account (e.g. email not confirmed)", async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problem(403, { type: 'urn:vigor:problem:forbidden', detail: 'Confirm your email address first: open the link we sent you.' }),
    });
    renderLogin();

    signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Confirm your email address first');
  });

  it('shows field errors from a 422 next to the input', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problem(422, {
          type: 'urn:vigor:problem:validation',
          detail: 'The request has invalid fields.',
          errors: [{ field: 'login', message: 'is too long' }],
        }),
    });
    renderLogin();

    signIn();

    expect(await screen.findByText('Username or email is too long')).toBeInTheDocument();
    expect(screen.getByLabelText('Username or email')).toHaveAttribute('aria-invalid', 'true');
  });

  it('goes home after signing in, and knows who is signed in without asking again', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/login': signedIn });
    const { router, queryClient } = renderLogin();

    signIn(' ann ');

    expect(await screen.findByText('home page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(api.to('POST /api/v1/auth/login')[0]?.body).toEqual({ login: 'ann', password: 'a long enough password' });
    expect(queryClient.getQueryData(meQueryKey)).toEqual(testUser);
  });

  it('goes on to a same-site ?next= path after signing in', async () => {
    fakeApi({ 'POST /api/v1/auth/login': signedIn });
    const { router } = renderLogin('/login?next=%2Fsettings%2Fsecurity');

    signIn();

    expect(await screen.findByText('security page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/security');
  });

  it.each(['//evil.com', 'https://evil.com', '/\\evil.com'])('ignores ?next=%s and goes home instead', async (next) => {
    fakeApi({ 'POST /api/v1/auth/login': signedIn });
    const { router } = renderLogin(`/login?${new URLSearchParams({ next })}`);

    signIn();

    expect(await screen.findByText('home page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('LoginPage: two-factor step', () => {
  it('asks for a 6-digit code on the same page, with the number keypad and one-time-code autofill', async () => {
    fakeApi({ 'POST /api/v1/auth/login': totpRequired });
    renderLogin();

    signIn();

    expect(await screen.findByRole('heading', { level: 1, name: 'Two-factor authentication' })).toBeInTheDocument();
    const code = screen.getByLabelText('6-digit code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveFocus();
    expect(document.title).toBe('Two-factor sign-in · Vigor');
  });

  it('refuses a malformed code without asking the server', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/login': totpRequired });
    renderLogin();
    signIn();
    await screen.findByLabelText('6-digit code');

    fill('6-digit code', '12ab');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('The code is 6 digits.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/auth/login/totp')).toHaveLength(0);
  });

  it('says a wrong code is wrong, then signs in with the right one and the same challenge', async () => {
    let attempts = 0;
    const api = fakeApi({
      'POST /api/v1/auth/login': totpRequired,
      'POST /api/v1/auth/login/totp': () => {
        attempts += 1;
        return attempts === 1 ? wrongCode() : signedIn();
      },
    });
    const { router } = renderLogin('/login?next=%2Fsettings%2Fsecurity');
    signIn();
    await screen.findByLabelText('6-digit code');

    fill('6-digit code', '000 000');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right.');
    expect(screen.getByLabelText('6-digit code')).toHaveValue('');

    fill('6-digit code', '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('security page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/security');
    expect(api.to('POST /api/v1/auth/login/totp').map((r) => r.body)).toEqual([
      { challenge: 'ch-1', code: '000000' },
      { challenge: 'ch-1', code: '123456' },
    ]);
  });

  it('takes a recovery code as text instead of the app code', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/login': totpRequired, 'POST /api/v1/auth/login/totp': signedIn });
    renderLogin();
    signIn();
    await screen.findByLabelText('6-digit code');

    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    const recovery = await screen.findByLabelText('Recovery code');
    expect(recovery).not.toHaveAttribute('inputmode');
    expect(screen.queryByLabelText('6-digit code')).not.toBeInTheDocument();

    fill('Recovery code', ' td5p-n7av-hana ');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('home page')).toBeInTheDocument();
    expect(api.to('POST /api/v1/auth/login/totp')[0]?.body).toEqual({ challenge: 'ch-1', code: 'td5p-n7av-hana' });
  });

  it('says when a used recovery code is refused', async () => {
    fakeApi({ 'POST /api/v1/auth/login': totpRequired, 'POST /api/v1/auth/login/totp': wrongCode });
    renderLogin();
    signIn();
    await screen.findByLabelText('6-digit code');
    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));

    fill('Recovery code', 'td5p-n7av-hana');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That recovery code is not right, or it was used already.');
  });

  it('says when the sign-in has expired, and can start over', async () => {
    fakeApi({
      'POST /api/v1/auth/login': totpRequired,
      'POST /api/v1/auth/login/totp': () =>
        problem(401, { type: 'urn:vigor:problem:unauthenticated', detail: 'The sign-in expired. Start again.' }),
    });
    renderLogin();
    signIn();
    await screen.findByLabelText('6-digit code');

    fill('6-digit code', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('has expired');

    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument());
  });

  it('says how long to wait after too many attempts', async () => {
    fakeApi({
      'POST /api/v1/auth/login': totpRequired,
      'POST /api/v1/auth/login/totp': () =>
        problem(429, { type: 'urn:vigor:problem:rate-limited', detail: 'Too many attempts.' }, { 'Retry-After': '60' }),
    });
    renderLogin();
    signIn();
    await screen.findByLabelText('6-digit code');

    fill('6-digit code', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 1 minute.');
  });
});

describe('LoginPage: an account pending deletion', () => {
  it('says that signing in cancelled the deletion', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => json({ status: 'signed_in', user: testUser, erasure_cancelled: true }) });
    // The toast outlives the page: the provider is around both routes, as in the app.
    renderRoutes(
      [
        {
          element: (
            <ToastProvider>
              <Outlet />
            </ToastProvider>
          ),
          children: [
            { path: '/login', element: <LoginPage homePath="/" signupPath="/signup" forgotPasswordPath="/forgot-password" /> },
            { path: '/', element: <p>home page</p> },
          ],
        },
      ],
      '/login',
    );
    signIn();
    expect(await screen.findByText('Welcome back: your account is no longer being deleted.')).toBeInTheDocument();
  });
});
