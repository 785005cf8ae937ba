// Journey "Record a run by hand": a user whose device is in Berlin signs in for the first time,
// accepts the offer to use that time zone in the profile, records a 10.0 km run of 50:00 on the
// Log page, and finds it in the history with the distance, time and pace this test computes.
// The built app (web/dist) runs on the real server binary.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seriousA11yViolations } from './support/axe.mjs';
import { openJourney, signIn } from './support/page.mjs';

const user = { username: 'rita_runs', email: 'rita@example.org', password: 'ten kilometres before breakfast' };
const zone = 'Europe/Berlin';
const run = { date: '2026-01-15', time: '07:30', duration: '50:00', km: 10.0 };

/** What the history must show, computed here from what the test types. */
const seconds = 50 * 60;
const paceS = Math.round(seconds / run.km);
const pace = `${Math.floor(paceS / 60)}:${String(paceS % 60).padStart(2, '0')} /km`;
const expectedLine = `${run.km.toFixed(1)} km · 50:00 · ${pace}`;

describe('cardio', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>['server']} */
  let server;
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let pageErrors = [];

  before(async () => {
    journey = await openJourney({ user, signedIn: false, browserOptions: { timezoneId: zone } });
    ({ server, page, pageErrors } = journey);
  });

  after(async () => {
    await journey?.close();
  });

  test('takes the device time zone when offered, records a run, and shows its pace in the history', async () => {
    await signIn(page, server.baseUrl, user);

    // The profile starts in UTC; the app offers the device's zone and changes nothing by itself.
    await page.getByText('Use your time zone?').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'time zone notice: accessibility');
    await page.getByRole('button', { name: `Use ${zone}` }).click();
    await page.getByText('Use your time zone?').waitFor({ state: 'hidden' });
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.preferences.time_zone, zone);

    await page.getByRole('link', { name: 'Log', exact: true }).first().click();
    await page.getByRole('link', { name: 'Record a cardio session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a cardio session' }).waitFor();
    await page.getByLabel('Sport', { exact: true }).selectOption('run');
    await page.getByLabel('Date', { exact: true }).fill(run.date);
    await page.getByLabel('Start time', { exact: true }).fill(run.time);
    await page.getByLabel('Duration', { exact: true }).fill(run.duration);
    await page.getByLabel('Distance (km)', { exact: true }).fill(run.km.toFixed(1));
    await page.getByLabel('Average heart rate (bpm)', { exact: true }).fill('152');
    assert.deepEqual(await seriousA11yViolations(page), [], 'cardio form: accessibility');
    await page.getByRole('button', { name: 'Save session' }).click();

    await page.getByRole('heading', { level: 1, name: 'Run' }).waitFor();
    const workouts = await page.evaluate(async () => (await fetch('/api/v1/workouts')).json());
    assert.equal(workouts.items.length, 1);
    const saved = workouts.items[0];
    // 07:30 in Berlin in January (UTC+1) is 06:30 UTC.
    assert.equal(Date.parse(saved.started_at), Date.parse(`${run.date}T06:30:00Z`));
    assert.equal(saved.time_zone, zone);
    assert.equal(saved.kind, 'cardio');
    assert.equal(saved.cardio.distance_m, run.km * 1000);
    assert.equal(saved.cardio.duration_s, seconds);

    await page.goto(`${server.baseUrl}/workouts`);
    const item = page.getByRole('listitem').filter({ hasText: 'Run' });
    await item.getByText(expectedLine, { exact: true }).waitFor();
    assert.equal(pace, '5:00 /km');
    assert.deepEqual(pageErrors, []);
  });
});
