// Acceptance of issue 11 at phone size: a new user sets, in the goals editor, a weekly running
// distance goal (10 km) and a squat goal (an estimated one-rep max of 120 kg by a deadline); logs,
// through the app's logging screens, a 10.5 km run and two squat workouts (100 kg x 5, moved to
// yesterday; then 110 kg x 3 today); sees both goals reached on the goals page and the dashboard,
// the record badges on each squat workout's page, and the new point on the squat's estimated-1RM
// chart (its accessible table). Then deletes the record-setting workout and finds the previous
// record (116.7 kg) back on the records page and alone on the chart. The built app (web/dist)
// runs on the real server binary; the harness checks every /api/ answer against the contract.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, openJourney, setWeekStart, weekIndex, weekStartHolding } from './support/page.mjs';

const user = { username: 'pia_progress', email: 'pia@example.org', password: 'a little heavier every week' };

const runGoal = 'Run 10 km this week';
const squatGoal = 'Squat 120 kg';
const squat = { name: 'Barbell Back Squat', id: 'barbell-back-squat', query: 'back squat' };
const lighter = { title: 'Squat, fives', weight: 100, reps: 5 };
const heavier = { title: 'Squat, triples', weight: 110, reps: 3 };

// Epley (the default formula): 1RM = weight x (1 + reps / 30), worked out by hand.
//   100 kg x 5: 100 x (1 + 5/30) = 100 x 1.1666... = 116.666... kg, shown to one decimal: 116.7 kg
//   110 kg x 3: 110 x (1 + 3/30) = 110 x 1.1         = 121 kg (above the 120 kg target)
const lighterOneRepMax = '116.7 kg';
const heavierOneRepMax = '121 kg';
// The run: 10.5 km in 40:00 beats the weekly 10 km; "10.5 km of 10 km" on the goal.
const run = { km: '10.5', duration: '40:00', minutes: 40 };

const DAY_MS = 24 * 3600_000;
/** A UTC day as the date inputs take it, e.g. "2026-12-06" (profile and browser are in UTC). */
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
/** A UTC time of day as the time inputs take it, e.g. "07:05". */
const clock = (ms) => new Date(ms).toISOString().slice(11, 16);
/** A day as the chart table shows it (en-US, medium): "Dec 6, 2026". */
const tableDay = (ms) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(ms));

/** Opens the search sheet of the logging screen, types, and picks the exercise by its name. */
async function addExercise(page, { name, query }) {
  await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: 'Add exercise' });
  await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill(query);
  await sheet.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await sheet.waitFor({ state: 'hidden' });
}

/** Logs a squat workout of one set on the Log tab, finishes it, and returns its id. */
async function logSquat(page, baseUrl, { title, weight, reps }) {
  await page.goto(`${baseUrl}/log`);
  await page.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
  await page.getByRole('button', { name: 'Empty workout' }).click();
  await page.getByRole('textbox', { name: 'Workout name' }).fill(title);
  await addExercise(page, squat);
  const of = `set 1 of ${squat.name}`;
  await page.getByLabel(`Weight in kg, ${of}`).fill(String(weight));
  await page.getByLabel(`Reps, ${of}`).fill(String(reps));
  await page.getByRole('button', { name: `Set 1 of ${squat.name} done` }).click();
  await page.getByRole('button', { name: 'Finish workout' }).click();
  await page.getByText('Workout saved').waitFor();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const id = /\/workouts\/([^/?#]+)/.exec(page.url())?.[1];
  assert.ok(id, `the saved workout's address has its id: ${page.url()}`);
  return id;
}

/** The rows of the squat's estimated-1RM table on its progress page, as [day, value]. */
async function oneRepMaxRows(page, baseUrl) {
  await page.goto(`${baseUrl}/exercises/${squat.id}`);
  await page.getByRole('heading', { level: 1, name: squat.name }).waitFor();
  await page.getByRole('link', { name: 'See your progress' }).click();
  const figure = page.getByRole('figure', { name: 'How has my estimated one-rep max changed?' });
  await figure.waitFor();
  await page.getByText('estimated with the Epley formula', { exact: false }).waitFor();
  await figure.getByText('Show the values as a table').click();
  const table = figure.getByRole('table', { name: /^How has my estimated one-rep max changed\?/ });
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
  );
  return rows;
}

describe('progress, records and goals', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let pageErrors = [];
  let baseUrl = '';
  // One clock for the whole test: the days it expects are worked out from it.
  const now = Date.now();
  const yesterday = now - DAY_MS;
  let weekStart = 'monday';

  before(async () => {
    journey = await openJourney({ user });
    ({ page, pageErrors } = journey);
    baseUrl = journey.server.baseUrl;
    // The run ends a minute before the test logs it: that must be this week, at any hour.
    weekStart = weekStartHolding(now - 3 * 3600_000, now + 3600_000);
    await setWeekStart(page, weekStart);
  });

  after(async () => {
    await journey?.close();
  });

  test('sets a weekly distance goal and a squat 1RM goal, logs what reaches them, and sees records and the chart; a delete restores the previous record', async () => {
    // --- The two goals, in the editor. ---
    await page.goto(`${baseUrl}/goals`);
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();
    await page.getByRole('link', { name: 'Set your first goal' }).click();
    await page.getByRole('heading', { level: 1, name: 'New goal' }).waitFor();
    await page.getByLabel('What to count', { exact: true }).selectOption('distance');
    await page.getByLabel('Sport', { exact: true }).selectOption('run');
    await page.getByLabel('Target', { exact: true }).fill('10');
    await page.getByRole('radio', { name: 'Every week' }).check();
    await page.getByLabel('Name (optional)', { exact: true }).fill(runGoal);
    await page.getByRole('region', { name: 'Where this goal stands now' }).getByText('0 km of 10 km', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Set goal' }).click();
    await page.getByRole('heading', { level: 1, name: runGoal }).waitFor();

    await page.goto(`${baseUrl}/goals/new`);
    await page.getByRole('heading', { level: 1, name: 'New goal' }).waitFor();
    await page.getByLabel('What to count', { exact: true }).selectOption('one_rep_max');
    await page.getByRole('searchbox', { name: 'Exercise' }).fill(squat.query);
    await page.getByRole('list', { name: 'Matching exercises' }).getByRole('button', { name: squat.name, exact: true }).click();
    await page.getByText(squat.name, { exact: true }).first().waitFor();
    await page.getByLabel('Target', { exact: true }).fill('120');
    await page.getByRole('radio', { name: 'Once, by a deadline' }).check();
    const deadline = isoDay(now + 30 * DAY_MS);
    await page.getByLabel('Deadline', { exact: true }).fill(deadline);
    await page.getByLabel('Name (optional)', { exact: true }).fill(squatGoal);
    await checkPage(page, 'progress-goal-editor-1rm');
    await page.getByRole('button', { name: 'Set goal' }).click();
    await page.getByRole('heading', { level: 1, name: squatGoal }).waitFor();

    // What the editor sent: distances in metres, weights in kg.
    const goals = await page.evaluate(async () => (await fetch('/api/v1/goals')).json());
    const byTitle = Object.fromEntries(goals.items.map((g) => [g.title, g]));
    assert.deepEqual(
      [byTitle[runGoal]?.metric, byTitle[runGoal]?.sport, byTitle[runGoal]?.target, byTitle[runGoal]?.period],
      ['distance', 'run', 10000, 'week'],
    );
    assert.deepEqual(
      [byTitle[squatGoal]?.metric, byTitle[squatGoal]?.exercise_id, byTitle[squatGoal]?.target, byTitle[squatGoal]?.period, byTitle[squatGoal]?.deadline],
      ['one_rep_max', squat.id, 120, 'once', deadline],
    );

    // --- The run, on the cardio form: it ended a minute ago, so it falls in this week. ---
    const runStart = now - (run.minutes + 1) * 60_000;
    assert.ok(
      weekIndex(runStart, weekStart) === weekIndex(now, weekStart),
      `the run would start last week (weeks starting on ${weekStart})`,
    );
    await page.goto(`${baseUrl}/log/cardio`);
    await page.getByRole('heading', { level: 1, name: 'Record a cardio session' }).waitFor();
    await page.getByLabel('Sport', { exact: true }).selectOption('run');
    await page.getByLabel('Date', { exact: true }).fill(isoDay(runStart));
    await page.getByLabel('Start time', { exact: true }).fill(clock(runStart));
    await page.getByLabel('Duration', { exact: true }).fill(run.duration);
    await page.getByLabel('Distance (km)', { exact: true }).fill(run.km);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Run' }).waitFor();
    await page.getByText(`Goal reached: ${runGoal}`).waitFor();

    // --- The lighter squat, moved to yesterday in the workout editor. ---
    const lighterId = await logSquat(page, baseUrl, lighter);
    const lighterBadges = page.getByRole('list', { name: 'Records set in this workout' });
    await lighterBadges.getByText(`PR: Estimated 1RM ${lighterOneRepMax}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit workout' }).click();
    const form = page.getByRole('form', { name: 'Edit workout' });
    const yesterdayStart = `${isoDay(yesterday)}T17:00`;
    await form.getByLabel('Started', { exact: true }).fill(yesterdayStart);
    await form.getByLabel('Finished', { exact: true }).fill(`${isoDay(yesterday)}T18:00`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    const moved = await page.evaluate(async (id) => (await fetch(`/api/v1/workouts/${id}`)).json(), lighterId);
    assert.equal(Date.parse(moved.started_at), Date.parse(`${yesterdayStart}:00Z`));
    // 116.7 kg is short of 120 kg: the squat goal is not reached yet.
    const before = await page.evaluate(async () => (await fetch('/api/v1/goals')).json());
    assert.equal(before.items.find((g) => g.title === squatGoal)?.progress?.reached, false);

    // --- The heavier squat today: a new estimated 1RM, and the squat goal is reached. ---
    const heavierId = await logSquat(page, baseUrl, heavier);
    // Its day is the day it was started (near midnight, that may already be after `now`'s day).
    const heavierDay = Date.parse(
      (await page.evaluate(async (id) => (await fetch(`/api/v1/workouts/${id}`)).json(), heavierId)).started_at,
    );
    await page.getByText(`Goal reached: ${squatGoal}`).waitFor();
    const badges = page.getByRole('list', { name: 'Records set in this workout' });
    await badges.getByText(`PR: Estimated 1RM ${heavierOneRepMax}`, { exact: true }).waitFor();
    await badges.getByText(`PR: 3-rep max ${heavier.weight} kg`, { exact: true }).waitFor();
    // 110 x 3 = 330 kg of volume, less than yesterday's 100 x 5 = 500 kg: no volume badge.
    assert.equal(await badges.getByText(/volume/).count(), 0);
    await checkPage(page, 'progress-squat-workout');

    // --- Both goals reached: on the goals page and on the dashboard. ---
    await page.goto(`${baseUrl}/goals`);
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();
    for (const title of [runGoal, squatGoal]) {
      const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
      await item.getByText('Reached', { exact: true }).waitFor();
    }
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: runGoal, exact: true }) })
      .getByText('10.5 km of 10 km', { exact: true })
      .waitFor();
    await checkPage(page, 'progress-goals-reached');

    await page.goto(`${baseUrl}/`);
    const dashboardGoals = page.getByRole('region', { name: 'Goals', exact: true });
    for (const title of [runGoal, squatGoal]) {
      const item = dashboardGoals.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
      await item.getByText('Reached', { exact: true }).waitFor();
    }
    await dashboardGoals.getByText(`${heavierOneRepMax} of 120 kg`, { exact: true }).waitFor();
    await checkPage(page, 'progress-dashboard');

    // --- The chart's table: yesterday's 116.7 kg and the new point, today's 121 kg. ---
    assert.deepEqual(await oneRepMaxRows(page, baseUrl), [
      [tableDay(yesterday), lighterOneRepMax],
      [tableDay(heavierDay), heavierOneRepMax],
    ]);
    await checkPage(page, 'progress-squat-chart');

    // --- Delete the record-setting workout: the previous record is back. ---
    await page.goto(`${baseUrl}/workouts/${heavierId}`);
    await page.getByRole('heading', { level: 1, name: heavier.title }).waitFor();
    await page.getByRole('button', { name: 'Delete workout' }).click();
    await page.getByRole('dialog', { name: `Delete "${heavier.title}"?` }).getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(heavierId));

    await page.goto(`${baseUrl}/records`);
    await page.getByRole('heading', { level: 1, name: 'Records' }).waitFor();
    const strength = page.getByRole('region', { name: 'Strength' });
    const best = strength.getByRole('listitem').filter({ hasText: 'Estimated 1RM' });
    await best.getByText(lighterOneRepMax, { exact: true }).waitFor();
    assert.equal(await strength.getByText(heavierOneRepMax, { exact: true }).count(), 0);
    assert.equal(await strength.getByRole('listitem').filter({ hasText: '3-rep max' }).count(), 0);
    await best.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: lighter.title }).waitFor();
    const records = await page.evaluate(async () => (await fetch(`/api/v1/records?exercise_id=barbell-back-squat`)).json());
    const oneRepMax = records.items.find((r) => r.kind === 'one_rep_max');
    assert.equal(oneRepMax?.workout_id, lighterId);
    // 100 x (1 + 5/30) = 350/3 kg.
    assert.ok(Math.abs(oneRepMax.value - 350 / 3) < 0.05, `e1RM ${oneRepMax.value}`);

    assert.deepEqual(await oneRepMaxRows(page, baseUrl), [[tableDay(yesterday), lighterOneRepMax]]);
    assert.deepEqual(pageErrors, []);
  });
});
