import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { AdminSettingsPage } from './admin-settings-page';

const paths = { users: '/admin/users', settings: '/admin/settings' };
const osm = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

function settings(extra: Record<string, unknown> = {}) {
  return {
    registration: 'open',
    map_tile_url: '',
    map_attribution: '',
    erasure_grace_days: 7,
    webhooks_allow_private_targets: false,
    ...extra,
  };
}

describe('AdminSettingsPage map tiles', () => {
  it('saves a tile URL and attribution and nothing else', async () => {
    const api = fakeApi({
      'GET /api/v1/admin/settings': () => json(settings()),
      'PUT /api/v1/admin/settings': (request: FakeRequest) => json(settings(request.body as Record<string, unknown>)),
    });
    renderWithApp(<AdminSettingsPage paths={paths} />, '/admin/settings');

    const url = await screen.findByLabelText('Tile URL template');
    expect(screen.queryByRole('button', { name: 'Remove tile server' })).not.toBeInTheDocument();
    fireEvent.change(url, { target: { value: ` ${osm} ` } });
    fireEvent.change(screen.getByLabelText('Attribution'), { target: { value: '© OpenStreetMap contributors' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[1]!);

    expect(await screen.findByText(/Map tiles saved/)).toBeInTheDocument();
    expect(api.to('PUT /api/v1/admin/settings').map((r) => r.body)).toEqual([
      { map_tile_url: osm, map_attribution: '© OpenStreetMap contributors' },
    ]);
    expect(await screen.findByRole('button', { name: 'Remove tile server' })).toBeInTheDocument();
  });

  it("shows the server's field errors next to the inputs", async () => {
    fakeApi({
      'GET /api/v1/admin/settings': () => json(settings()),
      'PUT /api/v1/admin/settings': () =>
        problem(422, {
          title: 'Unprocessable',
          detail: 'The request has invalid fields.',
          errors: [{ field: 'map_tile_url', message: 'must start with https://' }],
        }),
    });
    renderWithApp(<AdminSettingsPage paths={paths} />, '/admin/settings');

    const url = await screen.findByLabelText('Tile URL template');
    fireEvent.change(url, { target: { value: 'http://tiles.example.org/{z}/{x}/{y}.png' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[1]!);

    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(/must start with https:\/\//);
    expect(screen.queryByText(/Map tiles saved/)).not.toBeInTheDocument();
  });

  it('checks the placeholders before sending', async () => {
    const api = fakeApi({ 'GET /api/v1/admin/settings': () => json(settings()) });
    renderWithApp(<AdminSettingsPage paths={paths} />, '/admin/settings');

    const url = await screen.findByLabelText('Tile URL template');
    fireEvent.change(url, { target: { value: 'https://tiles.example.org/{z}/{x}.png' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[1]!);

    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(/Must contain \{z\}, \{x\} and \{y\}/);
    expect(api.to('PUT /api/v1/admin/settings')).toEqual([]);
  });

  it('clears a configured tile server', async () => {
    const api = fakeApi({
      'GET /api/v1/admin/settings': () => json(settings({ map_tile_url: osm, map_attribution: 'OSM' })),
      'PUT /api/v1/admin/settings': () => json(settings()),
    });
    renderWithApp(<AdminSettingsPage paths={paths} />, '/admin/settings');

    expect(await screen.findByLabelText('Tile URL template')).toHaveValue(osm);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tile server' }));

    expect(await screen.findByText(/Tile server removed/)).toBeInTheDocument();
    expect(api.to('PUT /api/v1/admin/settings').map((r) => r.body)).toEqual([{ map_tile_url: '', map_attribution: '' }]);
    expect(screen.getByLabelText('Tile URL template')).toHaveValue('');
  });
});

describe('AdminSettingsPage erasure grace period', () => {
  it('shows the stored days, refuses a number out of range before sending, and saves', async () => {
    const api = fakeApi({
      'GET /api/v1/admin/settings': () => json(settings()),
      'PUT /api/v1/admin/settings': (request: FakeRequest) => json(settings(request.body as Record<string, unknown>)),
    });
    renderWithApp(<AdminSettingsPage paths={paths} />, '/admin/settings');

    const days = await screen.findByLabelText('Days before erasure');
    expect(days).toHaveValue(7);
    fireEvent.change(days, { target: { value: '400' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[2]!);
    await waitFor(() => expect(days).toHaveAttribute('aria-invalid', 'true'));
    expect(api.to('PUT /api/v1/admin/settings')).toHaveLength(0);

    fireEvent.change(days, { target: { value: '0' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[2]!);
    await waitFor(() => expect(api.to('PUT /api/v1/admin/settings').map((r) => r.body)).toEqual([{ erasure_grace_days: 0 }]));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
  });
});

describe('AdminSettingsPage webhooks to the local network', () => {
  it('is off by default and sends only the switch when turned on', async () => {
    const api = fakeApi({
      'GET /api/v1/admin/settings': () => json(settings()),
      'PUT /api/v1/admin/settings': (request: FakeRequest) => json(settings(request.body as Record<string, unknown>)),
    });
    renderWithApp(<AdminSettingsPage paths={paths} />, '/admin/settings');

    const allow = await screen.findByLabelText('Allow webhooks to loopback and private network addresses');
    expect(allow).not.toBeChecked();
    const save = screen.getAllByRole('button', { name: 'Save' })[3]!;
    expect(save).toBeDisabled();
    fireEvent.click(allow);
    fireEvent.click(save);
    await waitFor(() =>
      expect(api.to('PUT /api/v1/admin/settings').map((r) => r.body)).toEqual([{ webhooks_allow_private_targets: true }]),
    );
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
  });
});
