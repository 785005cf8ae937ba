import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { PeoplePage } from './people-page';

const empty = () => json({ items: [], next_cursor: null });
const person = (username: string, display_name = username) => ({ username, display_name, avatar_url: null });

describe('the people page', () => {
  it('searches the directory and answers follow requests', async () => {
    const api = fakeApi({
      'GET /api/v1/users': (request: FakeRequest) =>
        json({ items: request.query.get('q') === 'zo' ? [person('zoe', 'Zoë')] : [], next_cursor: null }),
      'GET /api/v1/me/follow-requests': () => json({ items: [person('cyd')], next_cursor: null }),
      'POST /api/v1/me/follow-requests/cyd/approve': () => noContent(),
      'GET /api/v1/users/ann/followers': empty,
      'GET /api/v1/users/ann/following': empty,
      'GET /api/v1/me/blocks': empty,
      'GET /api/v1/me/mutes': empty,
    });
    renderWithApp(<PeoplePage username="ann" paths={{ profile: (u) => `/u/${u}` }} />);

    fireEvent.change(await screen.findByRole('searchbox', { name: /Search by name/ }), { target: { value: 'zo' } });
    expect(await screen.findByRole('link', { name: /Zoë/ })).toHaveAttribute('href', '/u/zoe');

    const requests = screen.getByRole('region', { name: 'Follow requests' });
    fireEvent.click(await within(requests).findByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.to('POST /api/v1/me/follow-requests/cyd/approve')).toHaveLength(1));
    expect(screen.getByText('You have blocked no one.')).toBeInTheDocument();
  });
});
