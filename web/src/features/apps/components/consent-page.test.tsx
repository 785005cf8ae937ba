import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { ConsentPage } from './consent-page';

const request = {
  id: 'req1',
  client: {
    client_id: 'vgr_client_AAAAAAAAAAAAAAAAAAAAAA',
    name: 'Ride Sync',
    logo_url: null,
    homepage_url: 'https://ridesync.example/about',
    redirect_uri: 'https://cb.ridesync.example/oauth/callback',
  },
  scopes: ['workouts:read', 'profile:read', 'future:scope'],
  expires_at: '2026-03-01T10:10:00Z',
};

describe('ConsentPage', () => {
  it('names the app, its homepage, where it goes back to and the scopes in plain words; Allow sends the browser on', async () => {
    const leaveTo = vi.fn();
    const api = fakeApi({
      'GET /api/v1/oauth/authorization-requests/req1': () => json(request),
      'POST /api/v1/oauth/authorization-requests/req1/decision': () =>
        json({ redirect_to: 'https://cb.ridesync.example/oauth/callback?code=abc&state=xyz&iss=https%3A%2F%2Fvigor.example' }),
    });
    renderWithApp(<ConsentPage requestId="req1" username="ann" leaveTo={leaveTo} />);

    expect(await screen.findByRole('heading', { level: 2, name: 'Ride Sync' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /ridesync\.example/ })).toHaveAttribute('href', 'https://ridesync.example/about');
    expect(screen.getByText('Ride Sync asks to use your account (ann) to:')).toBeInTheDocument();
    const scopes = screen.getByRole('list', { name: 'What the app asks for' });
    expect(within(scopes).getByText('See your workouts')).toBeInTheDocument();
    expect(within(scopes).getByText('See your profile')).toBeInTheDocument();
    // A scope this web app does not know yet is shown by its name, not hidden.
    expect(within(scopes).getAllByText('future:scope')).not.toHaveLength(0);
    expect(screen.getByText('After you decide, you go back to cb.ridesync.example.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Allow' }));
    await vi.waitFor(() =>
      expect(leaveTo).toHaveBeenCalledWith('https://cb.ridesync.example/oauth/callback?code=abc&state=xyz&iss=https%3A%2F%2Fvigor.example'),
    );
    expect(api.to('POST /api/v1/oauth/authorization-requests/req1/decision')[0]?.body).toEqual({ approve: true });
    // The CSRF header goes with the decision, as with every session POST.
    expect(api.to('POST /api/v1/oauth/authorization-requests/req1/decision')[0]?.headers.get('X-CSRF-Token')).toBe('test-csrf');
  });

  it('Deny sends approve: false and follows the answer too', async () => {
    const leaveTo = vi.fn();
    const api = fakeApi({
      'GET /api/v1/oauth/authorization-requests/req1': () => json(request),
      'POST /api/v1/oauth/authorization-requests/req1/decision': () =>
        json({ redirect_to: 'https://cb.ridesync.example/oauth/callback?error=access_denied&state=xyz' }),
    });
    renderWithApp(<ConsentPage requestId="req1" username="ann" leaveTo={leaveTo} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Deny' }));
    await vi.waitFor(() => expect(leaveTo).toHaveBeenCalledWith('https://cb.ridesync.example/oauth/callback?error=access_denied&state=xyz'));
    expect(api.to('POST /api/v1/oauth/authorization-requests/req1/decision')[0]?.body).toEqual({ approve: false });
  });

  it('says clearly when the request expired or never existed', async () => {
    fakeApi({ 'GET /api/v1/oauth/authorization-requests/old': () => problem(404, { detail: 'Not found.' }) });
    renderWithApp(<ConsentPage requestId="old" username="ann" />);
    expect(await screen.findByText('This request has expired or does not exist')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Allow' })).not.toBeInTheDocument();
  });

  it('needs no request to say so when the link has none', () => {
    const api = fakeApi({});
    renderWithApp(<ConsentPage requestId="" username="ann" />);
    expect(screen.getByText('This request has expired or does not exist')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.path.startsWith('/api/v1/oauth'))).toHaveLength(0);
  });
});
