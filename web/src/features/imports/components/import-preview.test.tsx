import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { ImportPreviewView } from './import-preview';

describe('ImportPreviewView', () => {
  it('shows the counts, the exercises to create, each unreadable row by number and column, and the workouts skipped', async () => {
    renderWithApp(
      <ImportPreviewView
        preview={{
          dry_run: true,
          rows: 5,
          workouts: 2,
          sets: 4,
          exercises: [
            { name: 'Bench Press (Barbell)', exercise_id: 'barbell-bench-press' },
            { name: 'Zottel Curl', exercise_id: null },
          ],
          workouts_skipped: 1,
          skipped: [
            {
              row: 7,
              title: 'Old push day',
              started_at: '2025-03-30T16:00:00Z',
              reason: 'already in your log',
              existing_workout_id: '0190b1c2-0000-7000-8000-000000000001',
            },
          ],
          time_zone: 'Europe/Berlin',
          exercises_to_create: ['Zottel Curl'],
          unknown_columns: [],
          row_errors: [{ row: 6, message: 'Weight: weight_kg is out of range', column: 'Weight' }],
          preview: [
            { row: 2, title: 'Push day', started_at: '2025-04-01T18:00:00Z', sets: 3, exercises: ['Bench Press (Barbell)', 'Zottel Curl'] },
            { row: 5, title: 'Leg day', started_at: '2025-04-03T18:00:00Z', sets: 1, exercises: ['Squat (Barbell)'] },
          ],
        }}
      />,
    );
    const sets = (await screen.findAllByText('Sets')).find((el) => el.tagName === 'DT');
    expect(sets?.nextElementSibling).toHaveTextContent('4');
    expect(screen.getByText('Workouts').nextElementSibling).toHaveTextContent('2');
    expect(screen.getByText(/1 exercise is not in Vigor yet/)).toBeInTheDocument();
    expect(screen.getByText('Zottel Curl')).toBeInTheDocument();
    const errors = screen.getByRole('region', { name: '1 row cannot be read' });
    const row = within(errors).getByRole('row', { name: /6/ });
    expect(row).toHaveTextContent('Weight: weight_kg is out of range');
    expect(within(row).getByRole('cell', { name: 'Weight' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: /^Push day/ })).toBeInTheDocument();
    expect(screen.getByText('Already in your log').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByText('Times are read as local times in Europe/Berlin.')).toBeInTheDocument();
    const skipped = screen.getByRole('region', { name: '1 workout is already in your log and will be skipped' });
    const old = within(skipped).getByRole('row', { name: /Old push day/ });
    expect(old).toHaveTextContent('already in your log');
    // 16:00Z on 30 March 2025 is 18:00 in Berlin (CEST, UTC+2).
    expect(old).toHaveTextContent(/6:00\sPM/);
  });
});
