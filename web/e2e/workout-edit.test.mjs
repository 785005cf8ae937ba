// Journey "Correct a finished workout": a lifter opens a saved workout (RPE, RIR and the notes on
// an exercise are shown), edits it (notes, perceived effort, a set's RIR, one more set) and saves;
// the server has exactly the edit. Then the same workout is changed elsewhere (another device's
// PUT) while the form is open: saving is refused (412) and shown with a reload, the other
// device's change is not overwritten, and the reload brings it into the form. The built app
// (web/dist) runs on the real server binary; every API answer is checked against the contract.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seriousA11yViolations } from './support/axe.mjs';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { createUser, startServer } from './support/server.mjs';
import { signIn } from './support/page.mjs';

const lifter = { username: 'edith_edits', email: 'edith@example.org', password: 'fix the typo after the gym' };

/** Calls the API as the signed-in user of the page. */
async function callApi(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          'X-CSRF-Token': decodeURIComponent(csrf),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, etag: response.headers.get('ETag'), body: response.status === 204 ? null : await response.json() };
    },
    { method, path, body, headers },
  );
}

describe('editing a finished workout', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;

  before(async () => {
    server = await startServer({ prepare: (where) => createUser({ ...where, ...lifter }), args: ['--access-log', 'false'] });
    browser = await launchBrowser();
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });

  test('edit, save, and a change made elsewhere is never overwritten', async () => {
    const page = await browser.context.newPage();
    const pageErrors = collectPageErrors(page);
    await page.setViewportSize(viewports.phone);
    await signIn(page, server.baseUrl, lifter);

    const created = await callApi(
      page,
      'POST',
      '/workouts',
      {
        title: 'Bench day',
        started_at: '2025-05-01T16:00:00Z',
        ended_at: '2025-05-01T17:00:00Z',
        blocks: [
          {
            exercise_id: 'barbell-bench-press',
            notes: 'Paused first rep',
            sets: [
              { set_type: 'normal', weight_kg: 100, reps: 5, rpe: 8.5, done: true },
              { set_type: 'normal', weight_kg: 100, reps: 5, done: true },
            ],
          },
        ],
      },
      { 'Idempotency-Key': 'edit-journey-1' },
    );
    assert.equal(created.status, 201);
    const id = created.body.id;

    await page.goto(`${server.baseUrl}/workouts/${id}`);
    const table = page.getByRole('table', { name: 'Sets of Barbell Bench Press' });
    await table.waitFor();
    assert.deepEqual(await table.getByRole('row').allTextContents(), [
      'SetResultTypeRPE / RIRStatus',
      '1100 kg × 5 repsNormalRPE 8.5Done',
      '2100 kg × 5 repsNormal–Done',
    ]);
    await page.getByText('Paused first rep').waitFor();

    await page.getByRole('button', { name: 'Edit workout' }).click();
    const form = page.getByRole('form', { name: 'Edit workout' });
    await form.waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'workout editor: accessibility');
    await form.getByLabel('Notes', { exact: true }).fill('Felt strong');
    await form.getByLabel('Perceived effort').selectOption('8');
    await form.getByRole('group', { name: 'Set 2 of Barbell Bench Press' }).getByLabel('Reps in reserve').fill('2');
    await form.getByRole('button', { name: 'Add a set to Barbell Bench Press' }).click();
    const third = form.getByRole('group', { name: 'Set 3 of Barbell Bench Press' });
    await third.getByLabel('Reps', { exact: true }).fill('3');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.getByText('Perceived effort: 8 of 10').waitFor();

    const saved = await callApi(page, 'GET', `/workouts/${id}`);
    assert.equal(saved.body.rev, created.body.rev + 1);
    assert.equal(saved.body.notes, 'Felt strong');
    assert.equal(saved.body.perceived_effort, 8);
    assert.equal(saved.body.started_at, created.body.started_at, 'an untouched time is kept');
    assert.equal(saved.body.ended_at, created.body.ended_at);
    const sets = saved.body.blocks[0].sets;
    assert.deepEqual(
      sets.map((s) => [s.weight_kg, s.reps, s.rpe, s.rir]),
      [
        [100, 5, 8.5, null],
        [100, 5, null, 2],
        [100, 3, null, null],
      ],
    );
    assert.equal(saved.body.blocks[0].notes, 'Paused first rep');

    // Open the form again; another device changes the workout meanwhile.
    await page.getByRole('button', { name: 'Edit workout' }).click();
    await form.waitFor();
    const other = await callApi(page, 'PUT', `/workouts/${id}`, { ...inputOf(saved.body), title: 'Bench day (phone)' }, { 'If-Match': saved.etag });
    assert.equal(other.status, 200);
    await form.getByLabel('Title').fill('Bench day, heavy');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('This workout was changed elsewhere').waitFor();
    const after412 = await callApi(page, 'GET', `/workouts/${id}`);
    assert.equal(after412.body.title, 'Bench day (phone)', 'the other device’s change is kept');
    await page.getByRole('button', { name: 'Reload the workout' }).click();
    await page.waitForFunction(() => document.querySelector('form[aria-label="Edit workout"] input')?.value === 'Bench day (phone)');

    assert.deepEqual(pageErrors, []);
  });

  test('times, exercises, notes and a set’s RPE: all changed in one edit, kept after a reload, and on the server', async () => {
    const page = await browser.context.newPage();
    const pageErrors = collectPageErrors(page);
    await page.setViewportSize(viewports.phone);
    // Still signed in from the journey before (the same browser).
    await page.goto(`${server.baseUrl}/workouts`);
    await page.getByRole('heading', { level: 1, name: 'Workout history' }).waitFor();

    const created = await callApi(
      page,
      'POST',
      '/workouts',
      {
        title: 'Full body',
        started_at: '2025-06-02T16:00:00Z',
        ended_at: '2025-06-02T17:00:00Z',
        time_zone: 'UTC',
        blocks: [
          {
            exercise_id: 'barbell-bench-press',
            notes: 'Elbows in',
            sets: [
              { set_type: 'normal', weight_kg: 80, reps: 8, rpe: 7, done: true },
              { set_type: 'normal', weight_kg: 80, reps: 8, done: true },
            ],
          },
          { exercise_id: 'barbell-back-squat', sets: [{ set_type: 'normal', weight_kg: 100, reps: 5, done: true }] },
        ],
      },
      { 'Idempotency-Key': 'edit-journey-2' },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;

    await page.goto(`${server.baseUrl}/workouts/${id}`);
    await page.getByRole('table', { name: 'Sets of Barbell Back Squat' }).waitFor();
    await page.getByRole('button', { name: 'Edit workout' }).click();
    const form = page.getByRole('form', { name: 'Edit workout' });
    await form.waitFor();

    // Times (in the workout's zone, UTC): started half an hour earlier, finished 15 min later.
    await form.getByLabel('Started', { exact: true }).fill('2025-06-02T15:30');
    await form.getByLabel('Finished', { exact: true }).fill('2025-06-02T17:15');
    // The squat goes; a row comes.
    await form.getByRole('button', { name: 'Remove Barbell Back Squat' }).click();
    assert.equal(await form.getByRole('region', { name: 'Barbell Back Squat' }).count(), 0);
    await form.getByRole('button', { name: 'Add exercise', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Add exercise' });
    await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill('pendlay');
    await sheet.getByRole('button', { name: /^Pendlay Row\b/ }).click();
    await sheet.waitFor({ state: 'hidden' });
    const row = form.getByRole('group', { name: 'Set 1 of Pendlay Row' });
    await row.getByLabel('Weight in kg', { exact: true }).fill('60');
    await row.getByLabel('Reps', { exact: true }).fill('10');
    await row.getByLabel('Done', { exact: true }).check();
    // The bench's notes, the first set's RPE (7 -> 9) and a note on the second set.
    await form.getByLabel('Notes on Barbell Bench Press').fill('Elbows in, pause on the chest');
    const first = form.getByRole('group', { name: 'Set 1 of Barbell Bench Press' });
    await first.getByLabel('RPE', { exact: true }).fill('9');
    const second = form.getByRole('group', { name: 'Set 2 of Barbell Bench Press' });
    await second.getByLabel('Note on this set').fill('Grip slipped');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();

    // After a reload the page shows what the server has, not what the form held.
    await page.reload();
    await page.getByRole('table', { name: 'Sets of Pendlay Row' }).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Sets of Barbell Back Squat' }).count(), 0);
    await page.getByText('Elbows in, pause on the chest').waitFor();
    await page.getByText('Grip slipped').waitFor();
    const bench = page.getByRole('table', { name: 'Sets of Barbell Bench Press' });
    assert.equal(await bench.getByRole('row').nth(1).textContent(), '180 kg × 8 repsNormalRPE 9Done');

    const saved = await callApi(page, 'GET', `/workouts/${id}`);
    assert.equal(saved.status, 200);
    assert.equal(Date.parse(saved.body.started_at), Date.parse('2025-06-02T15:30:00Z'));
    assert.equal(Date.parse(saved.body.ended_at), Date.parse('2025-06-02T17:15:00Z'));
    assert.deepEqual(
      saved.body.blocks.map((b) => [b.exercise_id, b.notes ?? null, b.sets.map((s) => [s.weight_kg, s.reps, s.rpe ?? null, s.notes ?? null, s.done])]),
      [
        ['barbell-bench-press', 'Elbows in, pause on the chest', [[80, 8, 9, null, true], [80, 8, null, 'Grip slipped', true]]],
        ['pendlay-row', null, [[60, 10, null, null, true]]],
      ],
    );
    assert.deepEqual(pageErrors, []);
  });
});

/** What a PUT takes of a workout the server returned. */
function inputOf(workout) {
  const { title, started_at, ended_at, notes, perceived_effort, routine_id, cardio, blocks } = workout;
  return { title, started_at, ended_at, notes, perceived_effort, routine_id, cardio, blocks };
}
