import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, testMeta, testUser } from '@/testing/fake-api';
import { routes } from '../routes';

const suspension = {
  id: 'd1',
  kind: 'comment',
  item_id: 'c1',
  action: 'suspend',
  days: 7,
  suspended_until: '2026-05-08T11:00:00Z',
  note: 'Third time',
  excerpt: 'Buy pills here',
  reason: 'spam',
  created_at: '2026-05-01T11:00:00Z',
  reversed_at: null,
  appeal: null,
};

afterEach(() => localStorage.clear());

describe('a suspended user', () => {
  it('sees only the suspension, the decision with its appeal form and signing out, on any address', async () => {
    const api = fakeApi({
      'GET /api/v1/meta': () => json(testMeta),
      'GET /api/v1/me': () => json({ ...testUser, suspended_until: '2026-05-08T11:00:00Z' }),
      'GET /api/v1/me/moderation-decisions': () => json({ items: [suspension], next_cursor: null }),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderRoutes(routes, '/history');

    expect(await screen.findByRole('heading', { level: 1, name: /^Your account is suspended until / })).toBeInTheDocument();
    const card = await screen.findByRole('article', { name: 'Your account was suspended over your comment' });
    expect(within(card).getByText('Buy pills here')).toBeInTheDocument();
    expect(within(card).getByLabelText('Appeal this decision')).toBeInTheDocument();
    // Nothing it cannot use: no navigation, no notifications, no account menu.
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /notifications/i })).not.toBeInTheDocument();
    // Only the suspension's routes were asked for (the server refuses the rest).
    const asked = api.requests.map((c) => `${c.method} ${c.path}`);
    expect(asked.filter((c) => !['GET /api/v1/meta', 'GET /api/v1/me', 'GET /api/v1/me/moderation-decisions'].includes(c))).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('link', { name: 'Create account' });
    expect(api.to('POST /api/v1/auth/logout')).toHaveLength(1);
  });

});
