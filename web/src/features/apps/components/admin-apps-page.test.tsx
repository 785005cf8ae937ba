import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { AdminAppsPage } from './admin-apps-page';

const app = {
  client_id: 'vgr_client_AAAAAAAAAAAAAAAAAAAAAA',
  name: 'Ride Sync',
  logo_url: null,
  homepage_url: null,
  redirect_uris: [],
  confidential: false,
  secret_hint: null,
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  secret_rotated_at: null,
  disabled: false,
  disabled_at: null as string | null,
  owner_username: 'ben',
};

describe('AdminAppsPage', () => {
  it('lists apps with their owners and disables one', async () => {
    let current = app;
    const api = fakeApi({
      'GET /api/v1/admin/apps': () => json({ items: [current], next_cursor: null }),
      'PUT /api/v1/admin/apps/vgr_client_AAAAAAAAAAAAAAAAAAAAAA/disabled': (request: FakeRequest) => {
        const { disabled } = request.body as { disabled: boolean };
        current = { ...app, disabled, disabled_at: disabled ? '2026-03-02T10:00:00Z' : null };
        return json(current);
      },
    });
    renderWithApp(<AdminAppsPage />);

    const list = await screen.findByRole('list', { name: 'Registered apps' });
    expect(within(list).getByText(/by ben/)).toBeInTheDocument();
    fireEvent.click(within(list).getByRole('button', { name: 'Disable Ride Sync' }));
    expect(await within(list).findByRole('button', { name: 'Enable Ride Sync' })).toBeInTheDocument();
    expect(within(list).getByText('Disabled')).toBeInTheDocument();
    expect(api.to('PUT /api/v1/admin/apps/vgr_client_AAAAAAAAAAAAAAAAAAAAAA/disabled')[0]?.body).toEqual({ disabled: true });
  });
});
