import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, noContent, problem, testUser } from '@/testing/fake-api';
import { SecurityPage } from './security-page';

const sessions = [
  {
    id: 's1',
    current: true,
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    ip: '127.0.0.1',
    created_at: '2025-03-01T10:00:00Z',
    last_used_at: '2025-03-02T10:00:00Z',
  },
  {
    id: 's2',
    current: false,
    user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    ip: '10.0.0.7',
    created_at: '2025-02-01T10:00:00Z',
    last_used_at: '2025-02-03T10:00:00Z',
  },
];

function handlers(extra = {}) {
  return {
    'GET /api/v1/me/sessions': () => json({ items: sessions }),
    'GET /api/v1/me/tokens': () => json({ items: [] }),
    'GET /api/v1/me/audit-events': () =>
      json({ items: [{ id: 'e1', kind: 'login_succeeded', ip: '127.0.0.1', created_at: '2025-03-02T10:00:00Z' }], next_cursor: null }),
    ...extra,
  };
}

function renderPage() {
  return renderRoutes(
    [
      { path: '/settings/security', element: <SecurityPage me={testUser} homePath="/" /> },
      { path: '/', element: <p>home page</p> },
    ],
    '/settings/security',
  );
}

describe('SecurityPage', () => {
  it('lists the signed-in devices, marks this one, and the security events', async () => {
    fakeApi(handlers());
    renderPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Security' })).toBeInTheDocument();
    const devices = screen.getByRole('region', { name: 'Signed-in devices' });
    const title = { selector: '.item-list__title' };
    expect(await within(devices).findByText('Chrome on Linux', title)).toHaveTextContent('Chrome on Linux This device');
    expect(within(devices).getByText('Safari on iOS', title)).not.toHaveTextContent('This device');
    expect(within(devices).getByRole('button', { name: 'Sign out Safari on iOS' })).toBeInTheDocument();
    const events = screen.getByRole('region', { name: 'Recent security events' });
    expect(await within(events).findByText('Signed in')).toBeInTheDocument();
  });

  it('signs out another device and keeps this one', async () => {
    let items = sessions;
    const api = fakeApi(
      handlers({
        'GET /api/v1/me/sessions': () => json({ items }),
        'DELETE /api/v1/me/sessions/s2': () => {
          items = sessions.slice(0, 1);
          return noContent();
        },
      }),
    );
    const { router } = renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Sign out Safari on iOS' }));

    const devices = screen.getByRole('region', { name: 'Signed-in devices' });
    await waitFor(() => expect(within(devices).queryByText('Safari on iOS', { selector: '.item-list__title' })).toBeNull());
    expect(within(devices).getByText('Chrome on Linux', { selector: '.item-list__title' })).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/me/sessions/s2')).toHaveLength(1);
    expect(router.state.location.pathname).toBe('/settings/security');
  });

  it('"Sign out everywhere" ends every session and leaves the page', async () => {
    const api = fakeApi(handlers({ 'DELETE /api/v1/me/sessions': noContent }));
    const { router, queryClient } = renderPage();
    await screen.findByText('Chrome on Linux', { selector: '.item-list__title' });

    // It asks first; Cancel signs nobody out.
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    let dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.to('DELETE /api/v1/me/sessions')).toHaveLength(0);
    expect(router.state.location.pathname).toBe('/settings/security');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out all devices' }));

    expect(await screen.findByText('home page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(api.to('DELETE /api/v1/me/sessions')).toHaveLength(1);
    expect(queryClient.getQueryData(['me'])).toBeNull();
    expect(queryClient.getQueryData(['account', 'sessions'])).toBeUndefined();
  });

  it('changes the email address and says to check the new inbox', async () => {
    const api = fakeApi(
      handlers({ 'POST /api/v1/me/email': () => json({ status: 'accepted', message: 'Sent.' }, 202) }),
    );
    renderPage();
    const section = screen.getByRole('region', { name: 'Email address' });

    fireEvent.change(within(section).getByLabelText('New email address'), { target: { value: 'new@example.org' } });
    fireEvent.change(within(section).getByLabelText('Password', { exact: true }), { target: { value: 'my password' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Change email address' }));

    expect(await within(section).findByText('Check your new inbox')).toBeInTheDocument();
    expect(within(section).getByText(/We sent a link to new@example.org/)).toBeInTheDocument();
    expect(api.to('POST /api/v1/me/email')[0]?.body).toEqual({ new_email: 'new@example.org', password: 'my password' });
  });

  it('changes the password; a wrong current password is marked on its field', async () => {
    let calls = 0;
    fakeApi(
      handlers({
        'POST /api/v1/me/password': () => {
          calls += 1;
          return calls === 1
            ? problem(422, {
                type: 'urn:vigor:problem:validation',
                detail: 'The request has invalid fields.',
                errors: [{ field: 'current_password', message: 'is not right' }],
              })
            : noContent();
        },
      }),
    );
    renderPage();
    const section = screen.getByRole('region', { name: 'Password' });

    fireEvent.change(within(section).getByLabelText('Current password', { exact: true }), { target: { value: 'wrong' } });
    fireEvent.change(within(section).getByLabelText('New password', { exact: true }), {
      target: { value: 'a brand new passphrase' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(await within(section).findByText('Current password is not right')).toBeInTheDocument();

    fireEvent.change(within(section).getByLabelText('Current password', { exact: true }), { target: { value: 'right one' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(await within(section).findByText(/Every other device was signed out/)).toBeInTheDocument();
  });
});
