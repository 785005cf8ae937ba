import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, noContent, type FakeRequest } from '@/testing/fake-api';
import { TokensSection } from './tokens-section';

const existing = {
  id: 't1',
  name: 'Backup script',
  scopes: ['workouts:read'],
  created_at: '2025-03-01T10:00:00Z',
  expires_at: null,
  last_used_at: null,
  last_used_ip: null,
};

describe('TokensSection', () => {
  it('shows a new token once, with a copy button, and never again after "Done"', async () => {
    let items: unknown[] = [existing];
    const api = fakeApi({
      'GET /api/v1/me/tokens': () => json({ items }),
      'POST /api/v1/me/tokens': (request: FakeRequest) => {
        const body = request.body as { name: string; scopes: string[] };
        const info = { ...existing, id: 't2', name: body.name, scopes: body.scopes, expires_at: '2025-06-01T10:00:00Z' };
        items = [...items, info];
        return json({ ...info, token: 'vgr_pat_SECRET123' }, 201);
      },
    });
    renderWithApp(<TokensSection />);

    const list = await screen.findByRole('list', { name: 'Your tokens' });
    expect(within(list).getByText('Backup script', { selector: '.item-list__title' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Create a token' }));

    // Nothing is sent until it has a name and at least one permission.
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('Fill this in.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one permission.')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Phone app' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /See your workouts/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /See your profile/ }));
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByTestId('new-token')).toHaveTextContent('vgr_pat_SECRET123');
    expect(screen.getByText('Copy it now: it is shown only this once.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    // Scopes go out in the spec's order, whatever order they were ticked in.
    expect(api.to('POST /api/v1/me/tokens')[0]?.body).toEqual({
      name: 'Phone app',
      scopes: ['profile:read', 'workouts:read'],
      expires_in_days: 30,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('new-token')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Your tokens' })).getByText('Phone app', { selector: '.item-list__title' }),
      ).toBeInTheDocument(),
    );
    expect(document.body).not.toHaveTextContent('vgr_pat_SECRET123');
  });

  it('sends null for a token that never expires', async () => {
    const api = fakeApi({
      'GET /api/v1/me/tokens': () => json({ items: [] }),
      'POST /api/v1/me/tokens': () => json({ ...existing, token: 'vgr_pat_X' }, 201),
    });
    renderWithApp(<TokensSection />);
    expect(await screen.findByText(/No tokens yet/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Create a token' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'CI' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /See your workouts/ }));
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: 'never' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    await screen.findByTestId('new-token');
    expect(api.to('POST /api/v1/me/tokens')[0]?.body).toMatchObject({ expires_in_days: null });
  });

  it('asks before revoking a token, and revokes it by its id once confirmed', async () => {
    let items: unknown[] = [existing];
    const api = fakeApi({
      'GET /api/v1/me/tokens': () => json({ items }),
      'DELETE /api/v1/me/tokens/t1': () => {
        items = [];
        return noContent();
      },
    });
    renderWithApp(<TokensSection />);

    const list = await screen.findByRole('list', { name: 'Your tokens' });
    fireEvent.click(within(list).getByRole('button', { name: 'Revoke Backup script' }));
    let dialog = await screen.findByRole('dialog', { name: 'Revoke "Backup script"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.to('DELETE /api/v1/me/tokens/t1')).toHaveLength(0);
    expect(within(list).getByText('Backup script', { selector: '.item-list__title' })).toBeInTheDocument();

    fireEvent.click(within(list).getByRole('button', { name: 'Revoke Backup script' }));
    dialog = await screen.findByRole('dialog', { name: 'Revoke "Backup script"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke token' }));

    expect(await screen.findByText(/No tokens yet/)).toBeInTheDocument();
    expect(await screen.findByText('Token revoked.')).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/me/tokens/t1')).toHaveLength(1);
  });
});
