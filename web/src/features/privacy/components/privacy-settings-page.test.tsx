import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, noContent } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { PrivacySettingsPage } from './privacy-settings-page';

const settings = {
  workouts: 'followers',
  records: 'followers',
  goals: 'followers',
  body: 'private',
  sports: { run: 'public' },
  require_follow_approval: true,
  listed_in_directory: false,
  stats_visibility: 'followers',
  connections_visibility: 'followers',
};

describe('the privacy settings page', () => {
  it('saves a changed default, a per-sport default and the directory listing', async () => {
    const api = fakeApi({
      'GET /api/v1/me/privacy': () => json(settings),
      'PUT /api/v1/me/privacy': (request) => json({ ...settings, ...(request.body as object) }),
      'GET /api/v1/me/privacy-zones': () => json({ items: [] }),
    });
    renderWithApp(<PrivacySettingsPage />);

    fireEvent.change(await screen.findByRole('combobox', { name: 'Body measurements' }), { target: { value: 'followers' } });
    await waitFor(() => expect(api.to('PUT /api/v1/me/privacy')[0]?.body).toEqual({ body: 'followers' }));
    expect(screen.getByRole('combobox', { name: 'Running' })).toHaveValue('public');
    fireEvent.change(screen.getByRole('combobox', { name: 'Running' }), { target: { value: '' } });
    await waitFor(() => expect(api.to('PUT /api/v1/me/privacy')[1]?.body).toEqual({ sports: {} }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'List me in the people directory' }));
    await waitFor(() => expect(api.to('PUT /api/v1/me/privacy')[2]?.body).toEqual({ listed_in_directory: true }));
  });

  it('adds a privacy zone and deletes one', async () => {
    const api = fakeApi({
      'GET /api/v1/me/privacy': () => json(settings),
      'GET /api/v1/me/privacy-zones': () =>
        json({ items: [{ id: 'z1', name: 'Home', latitude: 46.5, longitude: 6.6, radius_m: 300 }] }),
      'POST /api/v1/me/privacy-zones': (request) => json({ id: 'z2', ...(request.body as object) }, 201),
      'DELETE /api/v1/me/privacy-zones/z1': () => noContent(),
    });
    renderWithApp(<PrivacySettingsPage />);

    fireEvent.change(await screen.findByRole('textbox', { name: 'Name' }), { target: { value: 'Work' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Latitude' }), { target: { value: '46,52' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Longitude' }), { target: { value: '6.63' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add zone' }));
    await waitFor(() =>
      expect(api.to('POST /api/v1/me/privacy-zones')[0]?.body).toEqual({ name: 'Work', latitude: 46.52, longitude: 6.63, radius_m: 300 }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Home' }));
    await waitFor(() => expect(api.to('DELETE /api/v1/me/privacy-zones/z1')).toHaveLength(1));
  });
});
