import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, noContent } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { ImportProgress } from './import-progress';

const paths = { history: '/workouts', workout: (id: string) => `/workouts/${id}` };

const finished = {
  id: 'i1',
  kind: 'strong_csv',
  status: 'succeeded',
  progress: 1,
  done: 2,
  total: 2,
  result: { workout_ids: ['w1', 'w2'], workouts_created: 2, sets_created: 9, exercises_created: 3 },
  error: null,
  created_at: '2025-04-02T10:00:00Z',
  updated_at: '2025-04-02T10:00:01Z',
};

describe('ImportProgress', () => {
  it('asks before undoing an import: Cancel keeps it, confirming undoes it once', async () => {
    const api = fakeApi({
      'GET /api/v1/imports/i1': () => json(finished),
      'DELETE /api/v1/imports/i1': () => noContent(),
    });
    renderWithApp(<ImportProgress id="i1" fileName="strong.csv" paths={paths} onReset={() => {}} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Undo this import' }));
    let dialog = await screen.findByRole('dialog', { name: 'Undo this import?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.to('DELETE /api/v1/imports/i1')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Undo this import' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    dialog = await screen.findByRole('dialog', { name: 'Undo this import?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete imported workouts' }));

    expect(await screen.findByText('Import undone')).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/imports/i1')).toHaveLength(1);
  });
});
