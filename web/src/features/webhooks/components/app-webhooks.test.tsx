import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { AppWebhooks } from './app-webhooks';

function delivery(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    subscription_id: 'sub-1',
    event: 'workout.created',
    status: 'delivered',
    attempts: 1,
    last_status_code: 200,
    last_error: null,
    last_attempt_at: '2026-03-02T08:00:00Z',
    next_attempt_at: null,
    created_at: '2026-03-02T08:00:00Z',
    delivered_at: '2026-03-02T08:00:00Z',
    ...extra,
  };
}

const failing = delivery('d-2', {
  status: 'queued',
  attempts: 2,
  last_status_code: 500,
  last_error: 'the receiver answered 500',
  delivered_at: null,
});

describe('AppWebhooks', () => {
  it("shows each subscription's last delivery and pages through the deliveries", async () => {
    const api = fakeApi({
      'GET /api/v1/me/apps/vgr_client_abc/webhooks': (request: FakeRequest) =>
        json({
          subscriptions: [
            {
              id: 'sub-1',
              url: 'https://example.com/hook',
              events: ['workout.created', 'app.deauthorized'],
              created_at: '2026-03-01T08:00:00Z',
              last_delivery: failing,
            },
          ],
          deliveries:
            request.query.get('cursor') === 'd-2'
              ? { items: [delivery('d-1', { event: 'workout.deleted' })], next_cursor: null }
              : { items: [failing], next_cursor: 'd-2' },
        }),
    });
    renderWithApp(<AppWebhooks clientId="vgr_client_abc" />, '/developer/apps/vgr_client_abc');

    expect(await screen.findByText('https://example.com/hook')).toBeInTheDocument();
    expect(screen.getByText('workout.created, app.deauthorized')).toBeInTheDocument();
    expect(screen.getAllByText('Queued')).toHaveLength(2); // the last delivery, and in the list
    expect(screen.getAllByText(/2 attempts · HTTP 500/)).toHaveLength(2);
    expect(screen.getAllByText('the receiver answered 500')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('workout.deleted')).toBeInTheDocument();
    expect(screen.getByText('Delivered')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(api.to('GET /api/v1/me/apps/vgr_client_abc/webhooks').map((r) => r.query.get('cursor'))).toEqual([null, 'd-2']);
  });

  it('says so when the app has no subscriptions', async () => {
    fakeApi({
      'GET /api/v1/me/apps/vgr_client_abc/webhooks': () =>
        json({ subscriptions: [], deliveries: { items: [], next_cursor: null } }),
    });
    renderWithApp(<AppWebhooks clientId="vgr_client_abc" />, '/developer/apps/vgr_client_abc');
    expect(await screen.findByText('This app has no webhook subscriptions.')).toBeInTheDocument();
  });
});
