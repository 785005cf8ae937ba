import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, noContent } from '@/testing/fake-api';
import { ConnectedAppsPage } from './connected-apps-page';

const connected = {
  client_id: 'vgr_client_AAAAAAAAAAAAAAAAAAAAAA',
  name: 'Ride Sync',
  logo_url: null,
  homepage_url: 'https://ridesync.example',
  scopes: ['workouts:read', 'body:write'],
  authorized_at: '2026-03-01T10:00:00Z',
  last_used_at: null,
};

describe('ConnectedAppsPage', () => {
  it("lists each app's scopes in plain words and revokes after confirming", async () => {
    let items = [connected];
    const api = fakeApi({
      'GET /api/v1/me/connected-apps': () => json({ items }),
      'DELETE /api/v1/me/connected-apps/vgr_client_AAAAAAAAAAAAAAAAAAAAAA': () => {
        items = [];
        return noContent();
      },
    });
    renderWithApp(<ConnectedAppsPage developerAppsPath="/settings/apps" />);

    const scopes = await screen.findByRole('list', { name: 'What Ride Sync may do' });
    expect(within(scopes).getByText('See your workouts')).toBeInTheDocument();
    expect(within(scopes).getByText('Add and change body measurements')).toBeInTheDocument();
    expect(screen.getByText(/Not used yet/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Ride Sync' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke access' }));
    expect(await screen.findByText('You have not connected any apps.')).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/me/connected-apps/vgr_client_AAAAAAAAAAAAAAAAAAAAAA')).toHaveLength(1);
  });
});
