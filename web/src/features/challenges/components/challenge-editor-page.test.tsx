import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { challengeFixture } from '../lib/challenge-fixtures';
import { ChallengeEditorPage } from './challenge-editor-page';

const paths = { challenges: '/community/challenges', newChallenge: '/community/challenges/new', challenge: (id: string) => `/c/${id}` };

afterEach(() => {
  localStorage.clear();
  vi.useRealTimers();
});

function renderEditor(timeZone = 'America/New_York', at = '/community/challenges/new') {
  return renderRoutes(
    [
      { path: '/community/challenges/new', element: <ChallengeEditorPage paths={paths} timeZone={timeZone} /> },
      { path: '/c/:id', element: <p>The challenge page</p> },
    ],
    at,
  );
}

describe('the new challenge form', () => {
  it('starts today in the profile zone and sends the metric, sport, days, zone, target in SI and access', async () => {
    // 03:30 UTC on 10 December is still the 9th in New York.
    vi.useFakeTimers({ now: new Date('2026-12-10T03:30:00Z'), toFake: ['Date'] });
    const api = fakeApi({
      'POST /api/v1/challenges': (request: FakeRequest) => json(challengeFixture({ id: 'new1', ...(request.body as object) }), 201),
    });
    renderEditor();
    expect(screen.getByLabelText('First day')).toHaveValue('2026-12-09');
    expect(screen.getByLabelText('Last day')).toHaveValue('2027-01-07');
    expect(screen.getByLabelText(/^Time zone/)).toHaveValue('America/New_York');

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  Winter run  ' } });
    fireEvent.change(screen.getByLabelText('Sport'), { target: { value: 'run' } });
    fireEvent.change(screen.getByLabelText(/^Target/), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('radio', { name: /Invited people only/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create challenge' }));

    expect(await screen.findByText('The challenge page')).toBeInTheDocument();
    expect(api.to('POST /api/v1/challenges').map((r) => r.body)).toEqual([
      {
        title: 'Winter run',
        description: '',
        metric: 'distance',
        sport: 'run',
        starts_on: '2026-12-09',
        ends_on: '2027-01-07',
        time_zone: 'America/New_York',
        target: 50000,
        access: 'invite',
      },
    ]);
  });

  it('makes a club challenge when a club page sent the club along', async () => {
    const api = fakeApi({
      'POST /api/v1/challenges': (request: FakeRequest) => json(challengeFixture({ id: 'club1', ...(request.body as object) }), 201),
    });
    renderEditor('UTC', '/community/challenges/new?club_id=k7');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Club miles' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create challenge' }));
    expect(await screen.findByText('The challenge page')).toBeInTheDocument();
    expect(api.to('POST /api/v1/challenges').map((r) => (r.body as { club_id?: string }).club_id)).toEqual(['k7']);
  });

  it('checks the title, the order of the days and the zone before sending anything', async () => {
    const api = fakeApi({});
    renderEditor();
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2026-12-20' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-12-10' } });
    fireEvent.change(screen.getByLabelText(/^Time zone/), { target: { value: 'Mars/Olympus' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create challenge' }));
    expect(await screen.findByText(/Enter a title\./)).toBeInTheDocument();
    expect(screen.getByText(/The last day cannot be before the first\./)).toBeInTheDocument();
    expect(screen.getByText(/Enter a time zone such as Europe\/Berlin\./)).toBeInTheDocument();
    expect(api.to('POST /api/v1/challenges')).toHaveLength(0);
  });

  it("shows the server's field errors next to their fields", async () => {
    fakeApi({
      'POST /api/v1/challenges': () =>
        problem(422, { errors: [{ field: 'ends_on', code: 'challenge_too_long', message: 'a challenge may run for at most a year' }] }),
    });
    renderEditor('UTC');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Forever' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create challenge' }));
    expect(await screen.findByText(/a challenge may run for at most a year/)).toBeInTheDocument();
    expect(screen.getByLabelText('Last day')).toHaveAttribute('aria-invalid', 'true');
  });
});
