import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { DeveloperAppsPage } from './developer-apps-page';

const paths = { app: (id: string) => `/settings/apps/${id}`, connectedApps: '/settings/connected-apps' };

const existing = {
  client_id: 'vgr_client_AAAAAAAAAAAAAAAAAAAAAA',
  name: 'Ride Sync',
  logo_url: null,
  homepage_url: 'https://ridesync.example',
  redirect_uris: ['https://ridesync.example/cb'],
  confidential: true,
  secret_hint: 'vgr_cs_abcd...',
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  secret_rotated_at: null,
  disabled: false,
  disabled_at: null,
};

describe('DeveloperAppsPage', () => {
  it('registers a confidential app and shows its secret once, with copy buttons', async () => {
    let items: unknown[] = [existing];
    const api = fakeApi({
      'GET /api/v1/me/apps': () => json({ items }),
      'POST /api/v1/me/apps': (request: FakeRequest) => {
        const body = request.body as { name: string };
        const app = { ...existing, client_id: 'vgr_client_BBBBBBBBBBBBBBBBBBBBBB', name: body.name };
        items = [app, ...items];
        return json({ ...app, client_secret: 'vgr_cs_SECRET' }, 201);
      },
    });
    renderWithApp(<DeveloperAppsPage paths={paths} />);

    const list = await screen.findByRole('list', { name: 'Your apps' });
    expect(within(list).getByText('Ride Sync', { selector: '.app-identity__name' })).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: 'Details Ride Sync' })).toHaveAttribute(
      'href',
      '/settings/apps/vgr_client_AAAAAAAAAAAAAAAAAAAAAA',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Register an app' }));
    // Nothing is sent without a name.
    fireEvent.click(screen.getByRole('button', { name: 'Register app' }));
    expect(await screen.findByText('Fill this in.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/me/apps')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '  Watch Sync ' } });
    fireEvent.change(screen.getByLabelText('Homepage (optional)'), { target: { value: 'https://watch.example' } });
    fireEvent.change(screen.getByLabelText('Redirect URI 1'), { target: { value: 'https://watch.example/cb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a redirect URI' }));
    fireEvent.change(screen.getByLabelText('Redirect URI 2'), { target: { value: ' http://127.0.0.1:8123/cb ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a redirect URI' }));
    fireEvent.click(screen.getByRole('button', { name: 'Register app' }));

    expect(await screen.findByTestId('new-client-secret')).toHaveTextContent('vgr_cs_SECRET');
    expect(screen.getByTestId('new-client-id')).toHaveTextContent('vgr_client_BBBBBBBBBBBBBBBBBBBBBB');
    expect(screen.getByRole('button', { name: 'Copy client secret' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy client ID' })).toBeInTheDocument();
    // Trimmed; the empty third row is left out; no URL is null; confidential by default.
    expect(api.to('POST /api/v1/me/apps')[0]?.body).toEqual({
      name: 'Watch Sync',
      logo_url: null,
      homepage_url: 'https://watch.example',
      redirect_uris: ['https://watch.example/cb', 'http://127.0.0.1:8123/cb'],
      confidential: true,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('new-client-secret')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Your apps' })).getByText('Watch Sync', { selector: '.app-identity__name' }),
      ).toBeInTheDocument(),
    );
    expect(document.body).not.toHaveTextContent('vgr_cs_SECRET');
  });

  it('registers a public app, which gets no secret', async () => {
    const api = fakeApi({
      'GET /api/v1/me/apps': () => json({ items: [] }),
      'POST /api/v1/me/apps': () => json({ ...existing, confidential: false, secret_hint: null }, 201),
    });
    renderWithApp(<DeveloperAppsPage paths={paths} />);
    expect(await screen.findByText('You have not registered any apps.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Register an app' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'CLI' } });
    fireEvent.click(screen.getByRole('radio', { name: /Public/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Register app' }));

    expect(await screen.findByTestId('new-client-id')).toBeInTheDocument();
    expect(screen.queryByTestId('new-client-secret')).not.toBeInTheDocument();
    expect(screen.getByText('A public app has no secret: it only sends its client ID.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/me/apps')[0]?.body).toMatchObject({ name: 'CLI', confidential: false, redirect_uris: [] });
  });

  it("puts the server's problem with each redirect URI next to its field", async () => {
    fakeApi({
      'GET /api/v1/me/apps': () => json({ items: [] }),
      'POST /api/v1/me/apps': () =>
        problem(422, {
          detail: 'The request has invalid fields.',
          errors: [
            { field: 'redirect_uris[1]', message: 'must not contain a fragment (#)' },
            { field: 'logo_url', message: 'must start with https:// (http:// only for localhost)' },
          ],
        }),
    });
    renderWithApp(<DeveloperAppsPage paths={paths} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Register an app' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'X' } });
    fireEvent.change(screen.getByLabelText('Logo URL (optional)'), { target: { value: 'http://x.example/l.png' } });
    fireEvent.change(screen.getByLabelText('Redirect URI 1'), { target: { value: 'https://x.example/cb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a redirect URI' }));
    fireEvent.change(screen.getByLabelText('Redirect URI 2'), { target: { value: 'https://x.example/#a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register app' }));

    expect(await screen.findByText('Redirect URI 2 must not contain a fragment (#)')).toBeInTheDocument();
    expect(screen.getByLabelText('Redirect URI 2')).toHaveAccessibleDescription(/must not contain a fragment/);
    expect(screen.getByLabelText('Redirect URI 1')).not.toHaveAccessibleDescription(/fragment/);
    expect(screen.getByLabelText('Logo URL (optional)')).toHaveAccessibleDescription(/must start with https/);
  });
});
