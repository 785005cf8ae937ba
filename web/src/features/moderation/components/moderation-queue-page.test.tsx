import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { ModerationQueuePage } from './moderation-queue-page';

function report(extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    kind: 'comment',
    item_id: 'c1',
    reason: 'spam',
    details: 'Links to pills',
    state: 'open',
    created_at: '2026-05-01T10:00:00Z',
    owner: { id: 'u2', username: 'bob' },
    reporter: { id: 'u3', username: 'cleo' },
    excerpt: 'Buy cheap pills here',
    reports_on_item: 3,
    decision_id: null,
    ...extra,
  };
}

function decision(extra: Record<string, unknown> = {}) {
  return {
    id: 'd1',
    kind: 'comment',
    item_id: 'c1',
    action: 'hide',
    days: null,
    suspended_until: null,
    note: 'Spam',
    excerpt: 'Buy cheap pills here',
    reason: 'spam',
    created_at: '2026-05-01T11:00:00Z',
    reversed_at: null,
    appeal: null,
    ...extra,
  };
}

describe('ModerationQueuePage', () => {
  it('shows open reports with their excerpt and count, and suspends for the days given', async () => {
    let open = [report()];
    const api = fakeApi({
      'GET /api/v1/admin/moderation/reports': (request: FakeRequest) =>
        json({ items: request.query.get('state') === 'open' ? open : [], next_cursor: null }),
      'POST /api/v1/admin/moderation/reports/r1/decision': () => {
        open = [];
        return json(decision({ action: 'suspend', days: 14 }), 201);
      },
    });
    renderWithApp(<ModerationQueuePage />, '/admin/moderation');

    const card = await screen.findByRole('article', { name: 'A comment of bob' });
    expect(within(card).getByText('Buy cheap pills here')).toBeInTheDocument();
    expect(within(card).getByText(/3 reports/)).toBeInTheDocument();
    expect(within(card).getByText('Links to pills')).toBeInTheDocument();

    fireEvent.change(within(card).getByLabelText('Decision'), { target: { value: 'suspend' } });
    fireEvent.change(within(card).getByLabelText('Days of suspension'), { target: { value: '14' } });
    fireEvent.change(within(card).getByLabelText('Note to the user (optional)'), { target: { value: ' Repeated spam ' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Decide' }));

    expect(await screen.findByText('No open reports. Nothing to do.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/admin/moderation/reports/r1/decision').map((r) => r.body)).toEqual([
      { action: 'suspend', note: 'Repeated spam', days: 14 },
    ]);
  });

  it("shows the server's field errors next to the fields, not as a page error", async () => {
    fakeApi({
      'GET /api/v1/admin/moderation/reports': () => json({ items: [report()], next_cursor: null }),
      'POST /api/v1/admin/moderation/reports/r1/decision': () =>
        problem(422, { detail: 'The request has invalid fields.', errors: [{ field: 'note', message: 'must not contain control characters' }] }),
    });
    renderWithApp(<ModerationQueuePage />, '/admin/moderation');
    const card = await screen.findByRole('article', { name: 'A comment of bob' });
    fireEvent.change(within(card).getByLabelText('Decision'), { target: { value: 'warn' } });
    fireEvent.change(within(card).getByLabelText('Note to the user (optional)'), { target: { value: 'Stop' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Decide' }));
    const note = within(card).getByLabelText('Note to the user (optional)');
    await waitFor(() => expect(note).toHaveAttribute('aria-invalid', 'true'));
    expect(note).toHaveAccessibleDescription(/must not contain control characters/);
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reverses an appeal from the appeals tab', async () => {
    let pending = [
      {
        id: 'a1',
        decision_id: 'd1',
        text: 'It was a joke',
        state: 'pending',
        outcome_note: '',
        created_at: '2026-05-02T10:00:00Z',
        decided_at: null,
        user: { id: 'u2', username: 'bob' },
        decision: decision(),
      },
    ];
    const api = fakeApi({
      'GET /api/v1/admin/moderation/reports': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/admin/moderation/appeals': (request: FakeRequest) =>
        json({ items: request.query.get('state') === 'pending' ? pending : [], next_cursor: null }),
      'POST /api/v1/admin/moderation/appeals/a1/decision': () => {
        const decided = { ...pending[0]!, state: 'reversed' };
        pending = [];
        return json(decided);
      },
    });
    renderWithApp(<ModerationQueuePage />, '/admin/moderation');
    fireEvent.click(await screen.findByRole('button', { name: 'Appeals' }));

    const card = await screen.findByRole('article', { name: 'bob appeals: Hide' });
    expect(within(card).getByText('It was a joke')).toBeInTheDocument();
    expect(within(card).getByText("Moderator's note: Spam")).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: 'Reverse' }));

    expect(await screen.findByText('No pending appeals.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/admin/moderation/appeals/a1/decision').map((r) => r.body)).toEqual([
      { outcome: 'reversed', note: '' },
    ]);
  });
});
