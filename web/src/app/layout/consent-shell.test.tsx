import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, testMeta, testUser } from '@/testing/fake-api';
import { routes } from '../routes';

const policy = { version: 2, text: '# Privacy\n\nWe keep **health data**.', published_at: '2026-05-01T10:00:00Z' };
const consented = {
  id: 'c1',
  purpose: 'health_data',
  policy_version: 1,
  given_at: '2026-01-01T10:00:00Z',
  withdrawn_at: null,
};

afterEach(() => localStorage.clear());

describe('a user whose consent is required', () => {
  it('reads the new policy and consents to its version before the app opens at the same address', async () => {
    let required = true;
    const api = fakeApi({
      'GET /api/v1/meta': () => json(testMeta),
      'GET /api/v1/me': () => json({ ...testUser, consent_required: required }),
      'GET /api/v1/me/consents': () => json({ required, current_policy: policy, items: [consented] }),
      'POST /api/v1/me/consents': () => {
        required = false;
        return json({ required, current_policy: policy, items: [consented] }, 201);
      },
      'GET /api/v1/notifications': () => json({ items: [], next_cursor: null }),
    });
    renderRoutes(routes, '/notifications');

    expect(await screen.findByRole('heading', { level: 1, name: 'Your consent' })).toBeInTheDocument();
    expect(screen.getByText(/The privacy policy changed \(now version 2\)/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Privacy' })).toBeInTheDocument();
    expect(screen.getByText('health data').tagName).toBe('STRONG');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();

    // Declining explains that it means deleting the account, with the export first.
    fireEvent.click(screen.getByRole('button', { name: 'I do not consent' }));
    expect(screen.getByRole('link', { name: 'Download your data' })).toHaveAttribute('href', '/settings/security#export');
    expect(screen.getByRole('link', { name: 'Delete your account' })).toHaveAttribute(
      'href',
      '/settings/security#delete-account',
    );

    fireEvent.click(screen.getByRole('button', { name: 'I consent (version 2)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    expect(api.to('POST /api/v1/me/consents')[0]?.body).toEqual({ policy_version: 2 });
  });

  it('still reaches the public privacy policy', async () => {
    fakeApi({
      'GET /api/v1/meta': () => json(testMeta),
      'GET /api/v1/me': () => json({ ...testUser, consent_required: true }),
      'GET /api/v1/privacy-policy': () => json(policy),
    });
    renderRoutes(routes, '/privacy-policy');
    expect(await screen.findByRole('heading', { level: 1, name: 'Privacy policy' })).toBeInTheDocument();
    expect(await screen.findByText(/Version 2, published/)).toBeInTheDocument();
  });
});
