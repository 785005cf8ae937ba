// Journey "Log a lift" (shared/ux.md) on a phone: a user builds a routine of five exercises
// (two of them a superset), starts a workout from it, enters and ticks every set (the rest
// timer runs between sets, and waits for the end of a superset round), finishes, and finds
// the workout in the history with the totals this test computes from what it typed. Then
// the body page records a weight and shows it as a trend. The built app (web/dist) runs on
// the real server binary; axe runs on every page, at phone and desktop size.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { checkPage, openJourney } from './support/page.mjs';

const user = { username: 'lena_lifts', email: 'lena@example.org', password: 'squat deep and stand tall' };

/**
 * The routine, and what the test types into each set. `query` is what it types in the
 * search; `weight` is null for an exercise that records reps only.
 */
const plan = [
  { name: 'Barbell Back Squat', query: 'back squat', group: null, sets: [{ weight: 100, reps: 5 }, { weight: 102.5, reps: 5 }] },
  { name: 'Barbell Bench Press', query: 'ben pre', group: 1, sets: [{ weight: 60, reps: 8 }, { weight: 62.5, reps: 6 }] },
  { name: 'Pull-Up', query: 'pull-up', group: 1, sets: [{ weight: null, reps: 8 }, { weight: null, reps: 7 }] },
  { name: 'Romanian Deadlift', query: 'romanian dead', group: null, sets: [{ weight: 80, reps: 10 }, { weight: 80, reps: 9 }] },
  { name: 'Dumbbell Lateral Raise', query: 'lateral raise', group: null, sets: [{ weight: 12.5, reps: 12 }, { weight: 12.5, reps: 11 }] },
];
const routineName = 'Full body A';

/** What the server must report, computed here from the numbers typed, not read from the app. */
const expected = plan.reduce(
  (sum, exercise) => {
    for (const set of exercise.sets) {
      sum.sets += 1;
      sum.reps += set.reps;
      sum.volume += (set.weight ?? 0) * set.reps;
    }
    return sum;
  },
  { sets: 0, reps: 0, volume: 0 },
);
/**
 * The order sets are done in: an exercise's sets one after another, a superset's in rounds
 * (bench 1, pull-up 1, bench 2, pull-up 2). `lastOfRound` marks where a rest is due.
 */
const steps = [];
for (const [i, exercise] of plan.entries()) {
  if (exercise.group === null) {
    exercise.sets.forEach((_, index) => steps.push({ exercise, index, lastOfRound: true }));
  } else if (plan[i - 1]?.group !== exercise.group) {
    const group = plan.filter((e) => e.group === exercise.group);
    for (let index = 0; index < Math.max(...group.map((e) => e.sets.length)); index++) {
      const round = group.filter((e) => e.sets.length > index);
      round.forEach((e, k) => steps.push({ exercise: e, index, lastOfRound: k === round.length - 1 }));
    }
  }
}
const en = (n, digits = 0) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);

/** Opens the search sheet, types, and picks the exercise by its name. */
async function addExercise(page, { name, query }) {
  await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: 'Add exercise' });
  await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill(query);
  await sheet.getByRole('button', { name: new RegExp(`^${name.replace(/[-.]/g, '\\$&')}\\b`) }).click();
  await sheet.waitFor({ state: 'hidden' });
}

/**
 * A sideways drag across a set row: a mouse drag from `from` (a point {x, y}) by `dx` px, in
 * small steps as a hand makes it.
 * @param {import('playwright-core').Page} page
 */
async function mouseSwipe(page, from, dx, dy = 0) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (dx * i) / 8, from.y + (dy * i) / 8);
  await page.mouse.up();
}

/**
 * The same with a finger, through the DevTools protocol (playwright-core has no touch drag):
 * touchStart, moves, touchEnd at the page's coordinates.
 * @param {import('playwright-core').Page} page
 */
async function touchSwipe(page, from, dx) {
  const cdp = await page.context().newCDPSession(page);
  const point = (x, y) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= 8; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(from.x + (dx * i) / 8, from.y) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The centre of an element on the page. */
async function centreOf(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('workouts', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>['server']} */
  let server;
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let pageErrors = [];

  before(async () => {
    journey = await openJourney({ user });
    ({ server, page, pageErrors } = journey);
  });

  after(async () => {
    await journey?.close();
  });

  test('builds a routine with a superset, logs it set by set with rest timers, and finds the totals in the history', async () => {
    await checkPage(page, 'today');

    // Today -> Create a routine.
    await page.getByRole('link', { name: 'Create a routine' }).click();
    await page.getByRole('heading', { level: 1, name: 'New routine' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(routineName);
    for (const [i, exercise] of plan.entries()) {
      await addExercise(page, exercise);
      if (i === 1) {
        // Once, with the sheet open, check it too.
        await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
        const sheet = page.getByRole('dialog', { name: 'Add exercise' });
        await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill('press');
        await sheet.getByRole('button', { name: /Barbell Bench Press/ }).first().waitFor();
        await checkPage(page, 'exercise-search');
        await sheet.getByRole('button', { name: 'Close', exact: true }).click();
        await sheet.waitFor({ state: 'hidden' });
      }
      const item = page.getByRole('group', { name: new RegExp(`^${i + 1}\\. ${exercise.name}`) });
      await item.getByLabel('Sets', { exact: true }).fill(String(exercise.sets.length));
      await item.getByLabel('Reps', { exact: true }).fill(String(exercise.sets[0].reps));
      if (exercise.group !== null) {
        await item.getByLabel('Superset', { exact: true }).selectOption(String(exercise.group));
      }
    }
    await checkPage(page, 'routine-editor');
    await page.getByRole('button', { name: 'Save routine' }).click();

    // The routines list -> Start.
    await page.getByRole('heading', { level: 1, name: 'Routines' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: routineName });
    await card.getByText('5 exercises: Barbell Back Squat, Barbell Bench Press, Pull-Up').waitFor();
    await checkPage(page, 'routines');
    await card.getByRole('button', { name: `Start ${routineName}` }).click();

    // The logging screen, pre-filled from the routine's targets.
    await page.getByRole('textbox', { name: 'Workout name' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Workout name' }).inputValue(), routineName);
    assert.equal(await page.getByLabel('Reps, set 1 of Barbell Back Squat').inputValue(), '5');
    const timer = page.getByRole('timer');
    let sawRest = false;
    for (const { exercise, index, lastOfRound } of steps) {
      const set = exercise.sets[index];
      const of = `set ${index + 1} of ${exercise.name}`;
      if (set.weight !== null) await page.getByLabel(`Weight in kg, ${of}`).fill(String(set.weight));
      await page.getByLabel(`Reps, ${of}`).fill(String(set.reps));
      if (!lastOfRound) {
        // Inside a superset round: no rest until its last exercise is done.
        if (await timer.isVisible()) await page.getByRole('button', { name: 'Skip' }).click();
        await page.getByRole('button', { name: `Set ${index + 1} of ${exercise.name} done` }).click();
        assert.equal(await timer.isVisible(), false, `no rest after ${of}, inside a superset round`);
        continue;
      }
      await page.getByRole('button', { name: `Set ${index + 1} of ${exercise.name} done` }).click();
      await timer.waitFor();
      assert.match((await timer.textContent()) ?? '', /^1:(30|29|28)$/);
      if (!sawRest) {
        sawRest = true;
        await page.getByRole('button', { name: '+15 s' }).click();
        assert.match((await timer.textContent()) ?? '', /^1:4\d$/);
        await checkPage(page, 'workout-active');
      }
    }
    assert.ok(sawRest, 'the rest timer appeared');

    // Finish -> the saved workout's summary.
    await page.getByRole('button', { name: 'Finish workout' }).click();
    await page.getByText('Workout saved').waitFor();
    await page.getByRole('heading', { level: 1, name: routineName }).waitFor();
    assert.equal(await page.getByTestId('total-sets').textContent(), en(expected.sets));
    assert.equal(await page.getByTestId('total-reps').textContent(), en(expected.reps));
    assert.equal(await page.getByTestId('total-volume').textContent(), `${en(expected.volume, 1)} kg`);
    await checkPage(page, 'workout-summary');

    // No bar: nothing is in progress any more. Me -> Workout history.
    assert.equal(await page.getByRole('link', { name: /Workout in progress/ }).count(), 0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Me' }).click();
    await page.getByRole('link', { name: /Workout history/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Workout history' }).waitFor();
    const entry = page.getByRole('list', { name: 'Workouts' }).getByRole('listitem').filter({ hasText: routineName });
    const line = `${expected.sets} sets · ${en(expected.reps)} reps · ${en(expected.volume, 1)} kg`;
    await entry.getByText(line).waitFor();
    const names = (await entry.textContent()) ?? '';
    for (const { name } of plan) assert.ok(names.includes(name), `the history entry names ${name}`);
    await checkPage(page, 'history');

    // Search finds it by an exercise name; the detail page has the same totals.
    await page.getByRole('searchbox', { name: 'Search workouts' }).fill('romanian');
    await page.waitForURL(/\?q=romanian/);
    await entry.getByRole('link', { name: routineName }).click();
    await page.getByRole('heading', { level: 1, name: routineName }).waitFor();
    assert.equal(await page.getByTestId('total-volume').textContent(), `${en(expected.volume, 1)} kg`);
    await page.getByRole('table', { name: 'Sets of Pull-Up' }).waitFor();

    // Today shows it as the latest workout, with the same totals.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const training = page.getByRole('region', { name: 'Your training' });
    await training.getByRole('link', { name: routineName }).waitFor();
    assert.match((await training.textContent()) ?? '', new RegExp(`${en(expected.volume, 1)} kg`));
    await checkPage(page, 'today-training');

    // The Log tab knows the routine; the next workout pre-fills last time's numbers.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    await checkPage(page, 'log');
    await page.getByRole('button', { name: 'Empty workout' }).click();
    await addExercise(page, plan[0]);
    assert.equal(await page.getByLabel('Weight in kg, set 2 of Barbell Back Squat').inputValue(), '102.5');
    await page.getByText('Last time: 100 kg × 5 reps, 102.5 kg × 5 reps').waitFor();

    // Elsewhere, the sticky bar leads back to it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await page.getByRole('link', { name: /^Workout in progress — \d\d:\d\d:\d\d/ }).click();
    await page.getByRole('textbox', { name: 'Workout name' }).waitFor();

    // A reload loses nothing.
    await page.getByLabel('Reps, set 1 of Barbell Back Squat').fill('3');
    await page.reload();
    assert.equal(await page.getByLabel('Reps, set 1 of Barbell Back Squat').inputValue(), '3');

    await page.getByRole('button', { name: 'Discard workout' }).click();
    await page.getByRole('dialog', { name: 'Discard this workout?' }).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    assert.deepEqual(pageErrors, []);
  });

  test('changes rests and a superset mid-workout, ticks sets with a swipe, and keeps it all over a reload', async () => {
    await page.goto(`${server.baseUrl}/log`);
    await page.getByRole('button', { name: 'Empty workout' }).click();
    await addExercise(page, plan[0]); // squat: two sets from last time
    await addExercise(page, plan[1]); // bench

    // Rest of the squat alone, then squat and bench as a superset resting 1:00 after each round.
    await page.getByLabel('Rest after each set of Barbell Back Squat').selectOption('45');
    const link = page.getByRole('button', { name: 'Superset with next Barbell Back Squat and Barbell Bench Press' });
    await link.click();
    assert.equal(await link.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByText('Superset 1', { exact: true }).count(), 2);
    await page.getByLabel('Rest after each round of superset 1, Barbell Bench Press').selectOption('60');

    const squatRows = page.getByRole('list', { name: 'Sets of Barbell Back Squat' }).getByRole('listitem');
    const benchRows = page.getByRole('list', { name: 'Sets of Barbell Bench Press' }).getByRole('listitem');
    const squatTick = page.getByRole('button', { name: 'Set 1 of Barbell Back Squat done' });
    const benchTick = page.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' });
    const timer = page.getByRole('timer');

    // A vertical drag over a row is a scroll, never a tick.
    await squatRows.first().scrollIntoViewIfNeeded();
    await mouseSwipe(page, await centreOf(squatTick), 8, 90);
    assert.equal(await squatTick.getAttribute('aria-pressed'), 'false');

    // A mouse drag to the left, starting on the tick button, ticks it once; no rest inside the
    // superset round.
    await squatRows.first().scrollIntoViewIfNeeded();
    await mouseSwipe(page, await centreOf(squatTick), -130);
    assert.equal(await squatTick.getAttribute('aria-pressed'), 'true');
    assert.equal(await timer.isVisible(), false, 'no rest inside the superset round');

    // A finger from the set's badge to the right ticks bench set 1: the round's rest starts.
    await benchRows.first().scrollIntoViewIfNeeded();
    await touchSwipe(page, await centreOf(benchRows.first().locator('.set-row__type')), 140);
    assert.equal(await benchTick.getAttribute('aria-pressed'), 'true');
    await timer.waitFor();
    assert.match((await timer.textContent()) ?? '', /^(1:00|0:59|0:58)$/);
    await checkPage(page, 'workout-superset');

    // A reload keeps the superset, the rests and the ticks.
    await page.reload();
    await page.getByRole('textbox', { name: 'Workout name' }).waitFor();
    assert.equal(await page.getByText('Superset 1', { exact: true }).count(), 2);
    assert.equal(await page.getByLabel('Rest after each round of superset 1, Barbell Bench Press').inputValue(), '60');
    assert.equal(await squatTick.getAttribute('aria-pressed'), 'true');

    // Swiping again unticks; splitting the superset leaves each exercise on its own.
    await squatRows.first().scrollIntoViewIfNeeded();
    await mouseSwipe(page, await centreOf(squatTick), -130);
    assert.equal(await squatTick.getAttribute('aria-pressed'), 'false');
    await link.click();
    assert.equal(await link.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByText('Superset 1', { exact: true }).count(), 0);

    await page.getByRole('button', { name: 'Discard workout' }).click();
    await page.getByRole('dialog', { name: 'Discard this workout?' }).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    assert.deepEqual(pageErrors, []);
  });

  test('records a weight for two days and shows the trend with a table', async () => {
    await page.goto(`${server.baseUrl}/body`);
    await page.getByRole('heading', { level: 1, name: 'Body' }).waitFor();
    await page.getByText('Nothing recorded for Weight yet.', { exact: false }).waitFor();
    for (const [day, value] of [
      ['2025-05-01', '81.4'],
      ['2025-05-08', '80,6'],
    ]) {
      await page.getByLabel('Day', { exact: true }).fill(day);
      await page.getByRole('textbox', { name: 'Value' }).fill(value);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(`Saved: Weight ${value.replace(',', '.')} kg`).waitFor();
    }
    await page.getByRole('img', { name: 'Weight over time' }).waitFor();
    const table = page.getByRole('table', { name: 'Weight by day, newest first' });
    await table.getByRole('row', { name: /May 8, 2025 80\.6/ }).waitFor();
    await table.getByRole('row', { name: /May 1, 2025 81\.4/ }).waitFor();
    await checkPage(page, 'body');
    assert.deepEqual(pageErrors, []);
  });

  test('records a waist in cm, stored in metres, and after a reload lists and charts it', async () => {
    await page.goto(`${server.baseUrl}/body`);
    await page.getByRole('heading', { level: 1, name: 'Body' }).waitFor();
    await page.getByRole('combobox', { name: 'What' }).selectOption('waist');
    await page.getByLabel('Day', { exact: true }).fill('2025-05-08');
    await page.getByRole('textbox', { name: 'Value' }).fill('84,5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved: Waist 84.5 cm').waitFor();

    // The server holds metres, and lists the kind with the weight recorded before.
    const stored = await (await page.request.get(`${server.baseUrl}/api/v1/measurements?kind=waist`)).json();
    assert.deepEqual(
      stored.items.map((m) => [m.day, m.value, m.unit]),
      [['2025-05-08', 0.845, 'm']],
    );
    const kinds = await (await page.request.get(`${server.baseUrl}/api/v1/measurements/kinds`)).json();
    assert.deepEqual(
      kinds.items.map((k) => [k.kind, k.unit, k.entries]),
      [
        ['waist', 'm', 1],
        ['weight', 'kg', 2],
      ],
    );

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Body' }).waitFor();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('waist');
    await page.getByRole('img', { name: 'Waist over time' }).waitFor();
    const table = page.getByRole('table', { name: 'Waist by day, newest first' });
    await table.getByRole('columnheader', { name: 'Waist (cm)' }).waitFor();
    await table.getByRole('row', { name: /May 8, 2025 84\.5/ }).waitFor();
    assert.deepEqual(pageErrors, []);
  });

  test('in German, the search hint\'s own example finds the bench press by its German name', async () => {
    // The example the German hint gives, read from the translation so that a new example is
    // checked too; the German name is written out here, not read from the catalogue.
    const de = JSON.parse(await readFile(new URL('../src/lib/i18n/de.json', import.meta.url), 'utf8'));
    const example = /„(.+?)“/.exec(de.exerciseBrowser.searchHint)?.[1];
    assert.equal(example, 'bank drü', 'the hint changed its example: check what it finds');

    await page.goto(`${server.baseUrl}/me`);
    await page.getByRole('radio', { name: 'Deutsch' }).check();
    await page.getByRole('group', { name: 'Sprache' }).waitFor();
    await page.goto(`${server.baseUrl}/exercises`);
    await page.getByRole('heading', { level: 1, name: 'Übungen' }).waitFor();
    await page.getByText(de.exerciseBrowser.searchHint).waitFor();
    await page.getByRole('searchbox', { name: 'Übungen suchen' }).fill(example);
    const first = page.getByRole('list', { name: 'Ergebnisse' }).getByRole('link').first();
    await first.getByText('Bankdrücken', { exact: true }).waitFor();
    await first.click();
    await page.getByRole('heading', { level: 1, name: 'Bankdrücken' }).waitFor();
    // The same exercise answers in English when asked with the English name, whatever the language.
    const found = await (await page.request.get(`${server.baseUrl}/api/v1/exercises?q=${encodeURIComponent('bench press')}`)).json();
    const bench = found.items.find((e) => e.id === 'barbell-bench-press');
    assert.deepEqual([bench?.name, bench?.name_en], ['Bankdrücken', 'Barbell Bench Press']);

    // Back to English for whatever runs next.
    await page.goto(`${server.baseUrl}/me`);
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('group', { name: 'Language' }).waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
