import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, noContent, problem, type FakeRequest } from '@/testing/fake-api';
import { AppDetailsPage } from './app-details-page';

const id = 'vgr_client_AAAAAAAAAAAAAAAAAAAAAA';
const app = {
  client_id: id,
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
const paths = { apps: '/settings/apps' };

describe('AppDetailsPage', () => {
  it('shows the client ID with a copy button, and a new secret once after confirming', async () => {
    const api = fakeApi({
      [`GET /api/v1/me/apps/${id}`]: () => json(app),
      [`POST /api/v1/me/apps/${id}/secret`]: () =>
        json({ ...app, secret_hint: 'vgr_cs_wxyz...', secret_rotated_at: '2026-03-02T10:00:00Z', client_secret: 'vgr_cs_NEW' }),
    });
    renderWithApp(<AppDetailsPage clientId={id} paths={paths} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ride Sync' })).toBeInTheDocument();
    expect(screen.getByText(id)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy client ID' })).toBeInTheDocument();
    expect(screen.getByText(/Hidden; it starts with vgr_cs_abcd/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'New secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Give Ride Sync a new secret?' });
    expect(api.to(`POST /api/v1/me/apps/${id}/secret`)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make a new secret' }));

    expect(await screen.findByTestId('new-client-secret')).toHaveTextContent('vgr_cs_NEW');
    expect(api.to(`POST /api/v1/me/apps/${id}/secret`)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(document.body).not.toHaveTextContent('vgr_cs_NEW');
  });

  it('edits the name and redirect URIs, without the kind', async () => {
    const api = fakeApi({
      [`GET /api/v1/me/apps/${id}`]: () => json(app),
      [`PUT /api/v1/me/apps/${id}`]: (request: FakeRequest) => json({ ...app, ...(request.body as object) }),
      'GET /api/v1/me/apps': () => json({ items: [app] }),
    });
    renderWithApp(<AppDetailsPage clientId={id} paths={paths} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('radio', { name: /Public/ })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ride Sync 2' } });
    fireEvent.change(screen.getByLabelText('Redirect URI 1'), { target: { value: 'com.example.ride:/cb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(api.to(`PUT /api/v1/me/apps/${id}`)[0]?.body).toEqual({
      name: 'Ride Sync 2',
      logo_url: null,
      homepage_url: 'https://ridesync.example',
      redirect_uris: ['com.example.ride:/cb'],
    });
  });

  it('deletes only after confirming', async () => {
    const api = fakeApi({
      [`GET /api/v1/me/apps/${id}`]: () => json(app),
      [`DELETE /api/v1/me/apps/${id}`]: noContent,
      'GET /api/v1/me/apps': () => json({ items: [] }),
    });
    renderWithApp(<AppDetailsPage clientId={id} paths={paths} />, `/settings/apps/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete app' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Ride Sync?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.to(`DELETE /api/v1/me/apps/${id}`)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete app' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete app' }));
    expect(await screen.findByText('Ride Sync is deleted.')).toBeInTheDocument();
    expect(api.to(`DELETE /api/v1/me/apps/${id}`)).toHaveLength(1);
  });

  it("says so for an app that is not the user's", async () => {
    fakeApi({ [`GET /api/v1/me/apps/${id}`]: () => problem(404) });
    renderWithApp(<AppDetailsPage clientId={id} paths={paths} />);
    expect(await screen.findByText('No such app')).toBeInTheDocument();
  });
});
