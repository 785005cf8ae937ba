import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { ImportPreviewView } from './import-preview';

describe('ImportPreviewView', () => {
  it('shows the counts, the exercises to create and each unreadable row by number', async () => {
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
          exercises_to_create: ['Zottel Curl'],
          unknown_columns: [],
          row_errors: [{ row: 6, message: 'Weight must be a number from 0 to 10000' }],
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
    expect(row).toHaveTextContent('Weight must be a number from 0 to 10000');
    expect(screen.getByRole('cell', { name: /Push day/ })).toBeInTheDocument();
  });
});
