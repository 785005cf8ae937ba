import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { testPaths } from '../testing';
import { TemplatesPage } from './templates-page';

const template = {
  id: 't1',
  name: '5x5',
  notes: null,
  items: [{ exercise_id: 'barbell-back-squat', target_sets: 5, target_reps: 5 }],
  author: 'coach',
  created_at: '2026-05-01T07:00:00.000Z',
  updated_at: '2026-05-01T07:00:00.000Z',
};

describe('TemplatesPage', () => {
  it('lists shared routines with their author and copies one into my routines', async () => {
    const api = fakeApi({
      'GET /api/v1/routine-templates': () => json({ items: [template], next_cursor: null }),
      'GET /api/v1/exercises/barbell-back-squat': () => json({ id: 'barbell-back-squat', name: 'Back Squat' }),
      'POST /api/v1/routine-templates/t1/copy': () =>
        json({ ...template, id: 'r9', visibility: 'private', author: undefined }, 201),
    });
    renderRoutes([{ path: '/templates', element: <TemplatesPage paths={testPaths} /> }], '/templates');

    expect(await screen.findByRole('heading', { name: '5x5' })).toBeInTheDocument();
    expect(screen.getByText('by coach')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Copy to my routines 5x5' }));
    await waitFor(() => expect(api.to('POST /api/v1/routine-templates/t1/copy')).toHaveLength(1));
    expect(await screen.findByText(/"5x5" is now among your routines/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open it' })).toHaveAttribute('href', '/routines/r9');
  });

  it('says so when nobody shares a routine', async () => {
    fakeApi({ 'GET /api/v1/routine-templates': () => json({ items: [], next_cursor: null }) });
    renderRoutes([{ path: '/templates', element: <TemplatesPage paths={testPaths} /> }], '/templates');
    expect(await screen.findByText('Nobody shares a routine yet.')).toBeInTheDocument();
  });
});
