// Journey "Share a routine, copy it, plan a split": a coach marks a routine "Share as template";
// a lifter finds it on the Templates page, copies it into their own routines, groups it with a
// routine of their own in a program ("Day A", "Day B"), and starts Day B from the program page;
// then "Start next" twice: Day A (nothing done from the program yet), and once that workout is
// saved, Day B. Last, a routine with its load as 75 % of 1RM is made in the editor and opened again.
// The coach's private routine never shows. The built app (web/dist) runs on the real server binary.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seriousA11yViolations } from './support/axe.mjs';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { createUser, startServer } from './support/server.mjs';
import { signIn } from './support/page.mjs';

const coach = { username: 'coach_carla', email: 'carla@example.org', password: 'progressive overload forever' };
const lifter = { username: 'lifter_luis', email: 'luis@example.org', password: 'five by five on mondays' };

/** Saves a routine through the API as the signed-in user (the editor has its own journey). */
async function saveRoutine(page, name) {
  return page.evaluate(async (routineName) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
    const response = await fetch('/api/v1/routines', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
      body: JSON.stringify({ name: routineName, items: [{ exercise_id: 'barbell-back-squat', target_sets: 5, target_reps: 5 }] }),
    });
    return { status: response.status, body: await response.json() };
  }, name);
}

describe('programs and templates', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** @type {string[]} */
  let pageErrors = [];

  before(async () => {
    server = await startServer({
      prepare: (where) => {
        createUser({ ...where, ...coach });
        createUser({ ...where, ...lifter });
      },
      args: ['--access-log', 'false'],
    });
    browser = await launchBrowser();
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });

  test('a shared routine is copied from Templates and started from a program', async () => {
    const page = await browser.context.newPage();
    pageErrors = collectPageErrors(page);
    await page.setViewportSize(viewports.phone);
    await signIn(page, server.baseUrl, coach);
    const shared = await saveRoutine(page, 'Coach 5x5');
    assert.equal(shared.status, 201);
    assert.equal(shared.body.visibility, 'private');
    assert.equal((await saveRoutine(page, 'Coach secret')).status, 201);
    await page.goto(`${server.baseUrl}/routines/${shared.body.id}`);
    const share = page.getByRole('checkbox', { name: 'Share as template' });
    await share.waitFor();
    assert.equal(await share.isChecked(), false);
    await share.check();
    assert.deepEqual(await seriousA11yViolations(page), [], 'routine editor: accessibility');
    await page.getByRole('button', { name: 'Save routine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Routines' }).waitFor();

    // The lifter, on the same phone.
    await browser.context.clearCookies();
    await signIn(page, server.baseUrl, lifter);
    assert.equal((await saveRoutine(page, 'My pull day')).status, 201);

    await page.goto(`${server.baseUrl}/routines`);
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await page.getByRole('heading', { name: 'Coach 5x5' }).waitFor();
    await page.getByText(`by ${coach.username}`).waitFor();
    assert.equal(await page.getByText('Coach secret').count(), 0, 'a private routine stays private');
    assert.deepEqual(await seriousA11yViolations(page), [], 'templates: accessibility');
    await page.getByRole('button', { name: 'Copy to my routines Coach 5x5' }).click();
    await page.getByText('"Coach 5x5" is now among your routines.').waitFor();

    await page.goto(`${server.baseUrl}/programs`);
    await page.getByRole('button', { name: 'New program' }).click();
    const editor = page.getByRole('form', { name: 'New program' });
    await editor.getByLabel('Name', { exact: true }).fill('Two-day split');
    await editor.getByRole('button', { name: 'Add a routine' }).click();
    await editor.getByRole('button', { name: 'Add a routine' }).click();
    await editor.getByLabel('Routine 1', { exact: true }).selectOption({ label: 'Coach 5x5' });
    await editor.getByLabel('Label of routine 1 (optional)').fill('Day A');
    await editor.getByLabel('Routine 2', { exact: true }).selectOption({ label: 'My pull day' });
    await editor.getByLabel('Label of routine 2 (optional)').fill('Day B');
    assert.deepEqual(await seriousA11yViolations(page), [], 'program editor: accessibility');
    await editor.getByRole('button', { name: 'Save program' }).click();

    await page.getByRole('heading', { name: 'Two-day split' }).waitFor();
    const programs = await page.evaluate(async () => (await fetch('/api/v1/programs')).json());
    assert.equal(programs.items.length, 1);
    assert.deepEqual(
      programs.items[0].routines.map((r) => [r.label, r.routine_name]),
      [
        ['Day A', 'Coach 5x5'],
        ['Day B', 'My pull day'],
      ],
    );
    await page.getByRole('button', { name: 'Start Day B My pull day' }).click();
    await page.getByRole('textbox', { name: 'Workout name' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Workout name' }).inputValue(), 'My pull day');

    // Nothing saved from the program yet: Day A is next. "Start next" replaces the workout in
    // progress (after asking), and finishing it makes Day B the next.
    await page.goto(`${server.baseUrl}/programs`);
    await page.getByText('Next: Day A: Coach 5x5').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'programs: accessibility');
    await page.getByRole('button', { name: 'Start next Day A: Coach 5x5 of Two-day split' }).click();
    await page.getByRole('dialog', { name: 'Discard the workout in progress?' }).getByRole('button', { name: 'Discard it and start' }).click();
    await page.getByRole('textbox', { name: 'Workout name' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Workout name' }).inputValue(), 'Coach 5x5');
    await page.getByRole('button', { name: 'Set 1 of Barbell Back Squat done' }).click();
    await page.getByRole('button', { name: 'Finish workout' }).click();
    await page.getByRole('dialog', { name: 'Finish with unticked sets?' }).getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByText('Workout saved').waitFor();

    await page.goto(`${server.baseUrl}/programs`);
    await page.getByText('Next: Day B: My pull day').waitFor();
    await page.getByRole('button', { name: 'Start next Day B: My pull day of Two-day split' }).click();
    await page.getByRole('textbox', { name: 'Workout name' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Workout name' }).inputValue(), 'My pull day');

    // A routine whose load is a percentage of 1RM, made in the editor, saved and opened again.
    await page.goto(`${server.baseUrl}/routines/new`);
    await page.getByLabel('Name', { exact: true }).fill('Heavy triples');
    await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Add exercise' });
    await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill('back squat');
    await sheet.getByRole('button', { name: /^Barbell Back Squat\b/ }).click();
    await sheet.waitFor({ state: 'hidden' });
    const item = page.getByRole('group', { name: /^1\. Barbell Back Squat/ });
    await item.getByLabel('Load in', { exact: true }).selectOption({ label: '% 1RM' });
    await item.getByLabel('Weight (% of 1RM)', { exact: true }).fill('75');
    assert.deepEqual(await seriousA11yViolations(page), [], 'routine editor with % 1RM: accessibility');
    await page.getByRole('button', { name: 'Save routine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Routines' }).waitFor();
    await page.getByRole('link', { name: 'Heavy triples' }).click();
    const reopened = page.getByRole('group', { name: /^1\. Barbell Back Squat/ });
    await reopened.waitFor();
    assert.equal(await reopened.getByLabel('Load in', { exact: true }).inputValue(), 'percent');
    assert.equal(await reopened.getByLabel('Weight (% of 1RM)', { exact: true }).inputValue(), '75');
    assert.equal(await reopened.getByLabel('Weight (kg)', { exact: true }).count(), 0);
    const saved = await page.evaluate(async () => (await fetch('/api/v1/routines')).json());
    const heavy = saved.items.find((r) => r.name === 'Heavy triples');
    assert.equal(heavy.items[0].target_percent_1rm, 75);
    assert.equal(heavy.items[0].target_weight_kg ?? null, null);
    assert.deepEqual(pageErrors, []);
  });
});
