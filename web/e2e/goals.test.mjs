// Journey "Set a goal and reach it" at phone size: from Me, a runner opens Goals (empty), sets a
// weekly running goal of 10 km in the editor (whose preview shows where it stands before it is
// saved), logs a 10.5 km run, is told at once that the goal is reached (a goal.reached event)
// and sees it marked reached; then changes the target, archives, restores and deletes the goal,
// and sets the training preferences on Me. The built app (web/dist) runs on the real server binary.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, openJourney, setWeekStart, weekStartHolding } from './support/page.mjs';

const user = { username: 'gina_goals', email: 'gina@example.org', password: 'ten kilometres every week' };
const title = 'Run 10 km a week';

describe('goals', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {import('playwright-core').Page} */
  let page;
  let baseUrl = '';

  before(async () => {
    journey = await openJourney({ user });
    page = journey.page;
    baseUrl = journey.server.baseUrl;
    // The run is logged as two hours ago: that must be this week, at any hour of the run.
    const now = Date.now();
    await setWeekStart(page, weekStartHolding(now - 3 * 3600_000, now + 3600_000));
  });

  after(async () => {
    await journey?.close();
  });

  test('sets a weekly distance goal with a preview, reaches it with a run and is told so', async () => {
    await page.getByRole('link', { name: 'Me', exact: true }).first().click();
    await page.getByRole('link', { name: /^Goals/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();
    await page.getByText('No goals yet').waitFor();
    await checkPage(page, 'goals-empty');

    await page.getByRole('link', { name: 'Set your first goal' }).click();
    await page.getByRole('heading', { level: 1, name: 'New goal' }).waitFor();
    await page.getByLabel('What to count', { exact: true }).selectOption('distance');
    await page.getByLabel('Sport', { exact: true }).selectOption('run');
    await page.getByLabel('Target', { exact: true }).fill('10');
    await page.getByLabel('Name (optional)', { exact: true }).fill(title);
    // The preview: nothing run yet this week.
    const preview = page.getByRole('region', { name: 'Where this goal stands now' });
    await preview.getByText('0 km of 10 km', { exact: true }).waitFor();
    await checkPage(page, 'goal-editor');
    await page.getByRole('button', { name: 'Set goal' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('0 km of 10 km', { exact: true }).waitFor();
    const goals = await page.evaluate(async () => (await fetch('/api/v1/goals')).json());
    assert.equal(goals.items.length, 1);
    assert.equal(goals.items[0].target, 10000);
    assert.equal(goals.items[0].sport, 'run');

    // A run of 10.5 km an hour ago, logged elsewhere (another device): this page hears of it.
    const now = Date.now();
    const logged = await page.evaluate(
      async ({ started, ended }) => {
        const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
        const response = await fetch('/api/v1/workouts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
          body: JSON.stringify({
            title: 'Long run',
            started_at: started,
            ended_at: ended,
            cardio: { sport: 'run', distance_m: 10500, duration_s: 3600 },
            blocks: [],
          }),
        });
        return response.status;
      },
      { started: new Date(now - 2 * 3600_000).toISOString(), ended: new Date(now - 3600_000).toISOString() },
    );
    assert.equal(logged, 201);
    await page.getByText(`Goal reached: ${title}`).waitFor();
    await page.getByText('10.5 km of 10 km', { exact: true }).waitFor();
    await page.getByText('Reached', { exact: true }).first().waitFor();
    await checkPage(page, 'goal-reached');

    await page.goto(`${baseUrl}/goals`);
    const card = page.locator('.goal-card').filter({ hasText: title });
    await card.getByText('Reached', { exact: true }).waitFor();
    assert.equal(await card.getByRole('progressbar').getAttribute('value'), '1');
    await checkPage(page, 'goals');
  });

  test('changes the target, archives, restores and deletes the goal', async () => {
    await page.goto(`${baseUrl}/goals`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('link', { name: 'Change', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Change goal' }).waitFor();
    await page.getByLabel('Target', { exact: true }).fill('20');
    await page.getByRole('region', { name: 'Where this goal stands now' }).getByText('10.5 km of 20 km', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save goal' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('10.5 km of 20 km', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('button', { name: 'Restore' }).waitFor();
    await page.goto(`${baseUrl}/goals`);
    await page.getByText('No goals yet').waitFor();
    await page.getByRole('region', { name: 'Archived goals' }).getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Archive' }).waitFor();

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete goal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();
    await page.getByText('No goals yet').waitFor();
    const left = await page.evaluate(async () => (await fetch('/api/v1/goals?status=archived')).json());
    assert.deepEqual(left.items, []);
  });

  test('sets the training preferences on Me, each on its own', async () => {
    await page.goto(`${baseUrl}/me`);
    await page.getByRole('radio', { name: 'Sunday' }).check();
    await page.getByRole('radio', { name: /^Brzycki/ }).check();
    await page.getByLabel('Maximum heart rate', { exact: true }).fill('186');
    await page.getByRole('button', { name: 'Save Maximum heart rate' }).click();
    await page.getByText('Saved.').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.preferences.week_start, 'sunday');
    assert.equal(me.preferences.one_rep_max_formula, 'brzycki');
    assert.equal(me.preferences.max_heart_rate, 186);
    await checkPage(page, 'me-training');
    assert.deepEqual(journey.pageErrors, []);
  });
});
