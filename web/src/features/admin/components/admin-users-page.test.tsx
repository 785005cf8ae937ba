import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, noContent, type FakeRequest } from '@/testing/fake-api';
import { AdminUsersPage } from './admin-users-page';

function adminUser(username: string, extra: Record<string, unknown> = {}) {
  return {
    id: `id-${username}`,
    username,
    email: `${username}@example.org`,
    role: 'user',
    status: 'active',
    email_verified: true,
    totp_enabled: false,
    created_at: '2025-03-01T10:00:00Z',
    last_login_at: null,
    ...extra,
  };
}

const paths = { users: '/admin/users', settings: '/admin/settings' };

describe('AdminUsersPage', () => {
  it('lists users a page at a time with "Load more", following next_cursor', async () => {
    const api = fakeApi({
      'GET /api/v1/admin/users': (request: FakeRequest) =>
        request.query.get('cursor') === 'bob'
          ? json({ items: [adminUser('carla')], next_cursor: null })
          : json({ items: [adminUser('admin', { role: 'admin' }), adminUser('bob')], next_cursor: 'bob' }),
    });
    renderWithApp(<AdminUsersPage meId="id-admin" paths={paths} />, '/admin/users');

    expect(await screen.findByRole('article', { name: 'bob' })).toBeInTheDocument();
    // The signed-in admin cannot act on their own account here.
    const self = screen.getByRole('article', { name: /^admin/ });
    expect(within(self).queryByRole('button', { name: /Disable/ })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('article', { name: 'carla' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(api.to('GET /api/v1/admin/users').map((r) => r.query.get('cursor'))).toEqual([null, 'bob']);
  });

  it('searches as you type, by the start of the username or email', async () => {
    const api = fakeApi({
      'GET /api/v1/admin/users': (request: FakeRequest) =>
        json({
          items: request.query.get('q') === 'car' ? [adminUser('carla')] : [adminUser('bob'), adminUser('carla')],
          next_cursor: null,
        }),
    });
    const { router } = renderWithApp(<AdminUsersPage meId="id-admin" paths={paths} />, '/admin/users');
    await screen.findByRole('article', { name: 'bob' });

    fireEvent.change(screen.getByLabelText('Search users'), { target: { value: 'car' } });

    await waitFor(() => expect(screen.queryByRole('article', { name: 'bob' })).not.toBeInTheDocument());
    expect(screen.getByRole('article', { name: 'carla' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=car');
    expect(api.to('GET /api/v1/admin/users').at(-1)?.query.get('q')).toBe('car');
  });

  it('disables a user', async () => {
    let status = 'active';
    const api = fakeApi({
      'GET /api/v1/admin/users': () => json({ items: [adminUser('bob', { status })], next_cursor: null }),
      'PATCH /api/v1/admin/users/id-bob': (request: FakeRequest) => {
        status = (request.body as { status: string }).status;
        return json(adminUser('bob', { status }));
      },
    });
    renderWithApp(<AdminUsersPage meId="id-admin" paths={paths} />, '/admin/users');

    const card = await screen.findByRole('article', { name: 'bob' });
    fireEvent.click(within(card).getByRole('button', { name: 'Disable bob' }));

    expect(await within(card).findByText(/Account disabled/)).toBeInTheDocument();
    expect(await within(card).findByRole('button', { name: 'Enable bob' })).toBeInTheDocument();
    expect(api.to('PATCH /api/v1/admin/users/id-bob')[0]?.body).toEqual({ status: 'disabled' });
  });

  it('deletes a user only after the admin types the username', async () => {
    let items = [adminUser('bob')];
    const api = fakeApi({
      'GET /api/v1/admin/users': () => json({ items, next_cursor: null }),
      'DELETE /api/v1/admin/users/id-bob': () => {
        items = [];
        return noContent();
      },
    });
    renderWithApp(<AdminUsersPage meId="id-admin" paths={paths} />, '/admin/users');

    const card = await screen.findByRole('article', { name: 'bob' });
    fireEvent.click(within(card).getByRole('button', { name: 'Delete bob' }));

    const dialog = await screen.findByRole('dialog', { name: 'Delete bob?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete account' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Type bob to confirm'), { target: { value: 'bo' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Type bob to confirm'), { target: { value: 'bob' } });
    expect(confirm).toBeEnabled();
    fireEvent.click(confirm);

    expect(await screen.findByText('No users yet.')).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/admin/users/id-bob')).toHaveLength(1);
  });
});
