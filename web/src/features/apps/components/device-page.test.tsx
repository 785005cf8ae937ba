import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, noContent, problem } from '@/testing/fake-api';
import { DevicePage } from './device-page';

const deviceRequest = {
  user_code: 'BCDF-GHJK',
  client: { client_id: 'vgr_client_WWWWWWWWWWWWWWWWWWWWWW', name: 'Wrist Timer', logo_url: null, homepage_url: null },
  scopes: ['workouts:write'],
  expires_at: '2026-03-01T10:10:00Z',
};

describe('DevicePage', () => {
  it('takes the code in lower case without the dash, shows the app and, after Allow, sends the user back to the device', async () => {
    const api = fakeApi({
      'GET /api/v1/oauth/device-requests/BCDF-GHJK': () => json(deviceRequest),
      'POST /api/v1/oauth/device-requests/BCDF-GHJK/decision': noContent,
    });
    renderWithApp(<DevicePage initialCode="" username="ann" />);

    fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'bcdfghjk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Wrist Timer' })).toBeInTheDocument();
    expect(screen.getByText('BCDF-GHJK')).toBeInTheDocument();
    expect(screen.getByText('Add and change workouts')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Allow' }));

    expect(await screen.findByText('You can return to your device now.')).toBeInTheDocument();
    expect(screen.getByText('Device connected')).toBeInTheDocument();
    expect(api.to('POST /api/v1/oauth/device-requests/BCDF-GHJK/decision')[0]?.body).toEqual({ approve: true });
  });

  it('starts from ?code= and can deny', async () => {
    const api = fakeApi({
      'GET /api/v1/oauth/device-requests/BCDF-GHJK': () => json(deviceRequest),
      'POST /api/v1/oauth/device-requests/BCDF-GHJK/decision': noContent,
    });
    renderWithApp(<DevicePage initialCode="bcdf-ghjk" username="ann" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Deny' }));
    expect(await screen.findByText('Access denied')).toBeInTheDocument();
    expect(screen.getByText('You can return to your device now.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/oauth/device-requests/BCDF-GHJK/decision')[0]?.body).toEqual({ approve: false });
  });

  it('refuses what cannot be a code without asking the server, and explains an unknown one', async () => {
    const api = fakeApi({ 'GET /api/v1/oauth/device-requests/BCDF-GHJK': () => problem(404) });
    renderWithApp(<DevicePage initialCode="" username="ann" />);

    fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'ABC-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Enter the 8 letters your device shows, such as BCDF-GHJK.')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.path.startsWith('/api/v1/oauth'))).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'BCDF-GHJK' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('The code BCDF-GHJK has expired or does not exist')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Enter another code' }));
    expect(screen.getByLabelText('Code')).toBeInTheDocument();
  });
});
