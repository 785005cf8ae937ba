import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, problem, testUser } from '@/testing/fake-api';
import { useLocation } from 'react-router';
import type { Me } from '@/lib/auth/get-me';
import { SecurityPage } from './security-page';

function handlers(extra = {}) {
  return {
    'GET /api/v1/me/sessions': () => json({ items: [] }),
    'GET /api/v1/me/tokens': () => json({ items: [] }),
    'GET /api/v1/me/audit-events': () => json({ items: [], next_cursor: null }),
    ...extra,
  };
}

/** Stands in for the landing page: shows what the security page handed it. */
function Home() {
  const state = useLocation().state as { accountDeletion?: { eraseAfter: string } } | null;
  return <p>home page, erased after {state?.accountDeletion?.eraseAfter}</p>;
}

function renderPage(me: Me = testUser) {
  return renderRoutes(
    [
      { path: '/settings/security', element: <SecurityPage me={me} homePath="/" /> },
      { path: '/', element: <Home /> },
    ],
    '/settings/security',
  );
}

async function openDialog() {
  const section = screen.getByRole('region', { name: 'Delete account' });
  fireEvent.click(within(section).getByRole('button', { name: 'Delete account…' }));
  return screen.findByRole('dialog', { name: 'Delete your account?' });
}

describe('DeleteAccountSection', () => {
  it('explains the grace period, asks for the password, then signs out to the landing page with the date', async () => {
    const api = fakeApi(handlers({ 'DELETE /api/v1/me': () => json({ erase_after: '2026-12-13T22:00:00.000Z' }, 202) }));
    const { router, queryClient } = renderPage();

    const dialog = await openDialog();
    expect(within(dialog).getByText(/After the grace period your account and all its data are erased/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Sign in again before the grace period ends/)).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Two-factor code or recovery code')).toBeNull();

    // Nothing is sent without the password.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete my account' }));
    expect(await within(dialog).findByText(/Fill this in\./)).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/me')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Password', { exact: true }), { target: { value: 'my password' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete my account' }));

    expect(await screen.findByText('home page, erased after 2026-12-13T22:00:00.000Z')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(api.to('DELETE /api/v1/me')[0]?.body).toEqual({ password: 'my password' });
    expect(queryClient.getQueryData(['me'])).toBeNull();
  });

  it('asks for the two-factor code when it is on, and says so when the server refuses', async () => {
    const api = fakeApi(
      handlers({
        'DELETE /api/v1/me': () =>
          problem(422, {
            type: 'urn:vigor:problem:validation',
            detail: 'The request has invalid fields.',
            errors: [{ field: 'code', message: 'is not right' }],
          }),
      }),
    );
    const { router } = renderPage({ ...testUser, totp_enabled: true });

    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText('Password', { exact: true }), { target: { value: 'my password' } });
    fireEvent.change(within(dialog).getByLabelText('Two-factor code or recovery code'), { target: { value: '123 456' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete my account' }));

    await waitFor(() => expect(api.to('DELETE /api/v1/me')).toHaveLength(1));
    expect(api.to('DELETE /api/v1/me')[0]?.body).toEqual({ password: 'my password', code: '123456' });
    expect(await within(dialog).findByText('Two-factor code or recovery code is not right')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/security');
  });

  it('Cancel closes the dialog and deletes nothing', async () => {
    const api = fakeApi(handlers());
    renderPage();
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.to('DELETE /api/v1/me')).toHaveLength(0);
  });
});
