import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { ProfileSettingsPage } from './profile-settings-page';

const mine = { username: 'ann', display_name: '', bio: '', avatar_url: null, stats_visibility: 'followers' };

describe('the profile settings page', () => {
  it('saves the display name, bio and stats visibility', async () => {
    const api = fakeApi({
      'GET /api/v1/me/profile': () => json(mine),
      'PUT /api/v1/me/profile': (request) => json({ ...mine, ...(request.body as object) }),
    });
    renderWithApp(<ProfileSettingsPage />);

    fireEvent.change(await screen.findByRole('textbox', { name: /Display name/ }), { target: { value: ' Ann A. ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'About you' }), { target: { value: 'Runs.\nLifts.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Who sees my stats' }), { target: { value: 'public' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() =>
      expect(api.to('PUT /api/v1/me/profile')[0]?.body).toEqual({ display_name: 'Ann A.', bio: 'Runs.\nLifts.', stats_visibility: 'public' }),
    );
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('uploads a chosen picture as the request body and refuses one over 5 MB', async () => {
    const uploads: unknown[] = [];
    fakeApi({
      'GET /api/v1/me/profile': () => json(mine),
      'PUT /api/v1/me/avatar': (request) => {
        uploads.push(request.headers.get('Content-Type'));
        return json({ ...mine, avatar_url: '/api/v1/users/ann/avatar?v=abc' });
      },
    });
    renderWithApp(<ProfileSettingsPage />);

    const input = await screen.findByLabelText('Choose a picture');
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' });
    fireEvent.change(input, { target: { files: [big] } });
    expect(await screen.findByText('This picture is larger than 5 MB.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upload picture' })).toBeDisabled();

    const small = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'me.jpg', { type: 'image/jpeg' });
    fireEvent.change(input, { target: { files: [small] } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload picture' }));
    await waitFor(() => expect(uploads).toEqual(['image/jpeg']));
    expect(await screen.findByRole('img', { name: 'Your profile picture' })).toHaveAttribute('src', '/api/v1/users/ann/avatar?v=abc');
  });
});
