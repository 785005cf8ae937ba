import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { ReportButton } from './report-button';

const created = {
  id: 'r1',
  kind: 'workout',
  item_id: 'w1',
  reason: 'harassment',
  details: 'Mocks me',
  state: 'open',
  created_at: '2026-05-01T10:00:00Z',
};

describe('ReportButton', () => {
  it('sends the kind, id, owner, reason and details, then thanks', async () => {
    const api = fakeApi({ 'POST /api/v1/reports': () => json(created, 201) });
    renderWithApp(<ReportButton kind="workout" id="w1" owner="bob" label="Report bob's workout" />);

    fireEvent.click(screen.getByRole('button', { name: "Report bob's workout" }));
    const dialog = await screen.findByRole('dialog', { name: 'Report this' });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'harassment' } });
    fireEvent.change(within(dialog).getByLabelText('Details (optional)'), { target: { value: ' Mocks me ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await within(dialog).findByText('Thank you. A moderator will look at it.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/reports').map((r) => r.body)).toEqual([
      { kind: 'workout', id: 'w1', reason: 'harassment', details: 'Mocks me', owner: 'bob' },
    ]);
  });

  it('leaves out the owner for ids that are not per user and shows a refusal', async () => {
    const api = fakeApi({
      'POST /api/v1/reports': () => problem(404, { detail: 'There is no such item to report.' }),
    });
    renderWithApp(<ReportButton kind="comment" id="c1" />);

    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report this' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await within(dialog).findByText('There is no such item to report.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/reports').map((r) => r.body)).toEqual([{ kind: 'comment', id: 'c1', reason: 'spam', details: '' }]);
  });
});
