import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { MyDecisionsPage } from './my-decisions-page';

function decision(extra: Record<string, unknown> = {}) {
  return {
    id: 'd1',
    kind: 'workout',
    item_id: 'w1',
    action: 'hide',
    days: null,
    suspended_until: null,
    note: 'Not a workout',
    excerpt: 'Morning run with ads',
    reason: 'spam',
    created_at: '2026-05-01T11:00:00Z',
    reversed_at: null,
    appeal: null,
    ...extra,
  };
}

describe('MyDecisionsPage', () => {
  it('shows what was decided with the note and the excerpt, and sends one appeal', async () => {
    let current = decision();
    const api = fakeApi({
      'GET /api/v1/me/moderation-decisions': () => json({ items: [current], next_cursor: null }),
      'POST /api/v1/me/moderation-decisions/d1/appeal': () => {
        const appeal = {
          id: 'a1',
          decision_id: 'd1',
          text: 'It was a real run',
          state: 'pending',
          outcome_note: '',
          created_at: '2026-05-02T10:00:00Z',
          decided_at: null,
        };
        current = decision({ appeal });
        return json(appeal, 201);
      },
    });
    renderWithApp(<MyDecisionsPage />, '/settings/moderation');

    const card = await screen.findByRole('article', { name: 'Your workout was hidden' });
    expect(within(card).getByText('Morning run with ads')).toBeInTheDocument();
    expect(within(card).getByText("Moderator's note: Not a workout")).toBeInTheDocument();

    fireEvent.change(within(card).getByLabelText('Appeal this decision'), { target: { value: ' It was a real run ' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Send appeal' }));

    expect(await screen.findByText('Pending')).toBeInTheDocument();
    expect(screen.queryByLabelText('Appeal this decision')).not.toBeInTheDocument();
    expect(api.to('POST /api/v1/me/moderation-decisions/d1/appeal').map((r) => r.body)).toEqual([{ text: 'It was a real run' }]);
  });

  it('shows a suspension with its end and a reversed decision', async () => {
    fakeApi({
      'GET /api/v1/me/moderation-decisions': () =>
        json({
          items: [
            decision({
              action: 'suspend',
              days: 3,
              suspended_until: '2026-05-04T11:00:00Z',
              reversed_at: '2026-05-02T09:00:00Z',
              appeal: {
                id: 'a1',
                decision_id: 'd1',
                text: 'Sorry',
                state: 'reversed',
                outcome_note: 'Fair',
                created_at: '2026-05-01T12:00:00Z',
                decided_at: '2026-05-02T09:00:00Z',
              },
            }),
          ],
          next_cursor: null,
        }),
    });
    renderWithApp(<MyDecisionsPage />, '/settings/moderation');
    const card = await screen.findByRole('article', { name: 'Your account was suspended over your workout' });
    expect(within(card).getByText(/Suspended until/)).toBeInTheDocument();
    expect(within(card).getAllByText('Reversed')).toHaveLength(2);
    expect(within(card).getByText("Moderator's note: Fair")).toBeInTheDocument();
  });

  it('says so when nothing was decided, and shows a failed appeal', async () => {
    fakeApi({ 'GET /api/v1/me/moderation-decisions': () => json({ items: [], next_cursor: null }) });
    renderWithApp(<MyDecisionsPage />, '/settings/moderation');
    expect(await screen.findByText('Moderators have decided nothing about your content or account.')).toBeInTheDocument();
  });

  it('shows the conflict when the decision was appealed already', async () => {
    fakeApi({
      'GET /api/v1/me/moderation-decisions': () => json({ items: [decision()], next_cursor: null }),
      'POST /api/v1/me/moderation-decisions/d1/appeal': () =>
        problem(409, { detail: 'This decision was already appealed: a decision can be appealed once.' }),
    });
    renderWithApp(<MyDecisionsPage />, '/settings/moderation');
    const card = await screen.findByRole('article', { name: 'Your workout was hidden' });
    fireEvent.change(within(card).getByLabelText('Appeal this decision'), { target: { value: 'Again' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Send appeal' }));
    expect(await within(card).findByText(/already appealed/)).toBeInTheDocument();
  });
});
