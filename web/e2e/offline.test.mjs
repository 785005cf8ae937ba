// Journey "Log a lift with no signal" (issue 10): the network is cut at each step of saving a
// finished workout, and the server must end up with exactly one copy of it, found through the
// API, never zero and never two. The steps: before the request leaves (the browser offline),
// after the server committed but before its answer arrived (the response aborted, or the page
// closed while waiting), and a workout logged and finished offline that is only sent after a
// reload, when the connection comes back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { waitForServiceWorker, waitUntilKept, waitUntilPageOffline, watchNetwork } from './support/offline.mjs';
import { checkPage, openJourney } from './support/page.mjs';

const user = { username: 'bo_basement', email: 'bo@example.org', password: 'no signal under the squat rack' };

/** The server's copies of the workouts titled `title`, read through the API (not the app). */
async function serverCopies(context, baseUrl, title) {
  const response = await context.request.get(`${baseUrl}/api/v1/workouts?limit=100`);
  assert.equal(response.status(), 200);
  const { items } = await response.json();
  return items.filter((w) => w.title === title);
}

/** Log: start an empty workout named `title`, add the bench press and tick one set of 60 kg x 8. */
async function logWorkout(page, baseUrl, title, { online = true } = {}) {
  await page.goto(`${baseUrl}/log`);
  await page.getByRole('button', { name: 'Empty workout' }).click();
  await page.getByRole('textbox', { name: 'Workout name' }).fill(title);
  if (online) await addBench(page);
}

async function addBench(page) {
  await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: 'Add exercise' });
  await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill('bench press');
  await sheet.getByRole('button', { name: /^Barbell Bench Press\b/ }).click();
  await sheet.waitFor({ state: 'hidden' });
}

async function tickBenchSet(page, number = 1) {
  const of = `set ${number} of Barbell Bench Press`;
  await page.getByLabel(`Weight in kg, ${of}`).fill('60');
  await page.getByLabel(`Reps, ${of}`).fill('8');
  await page.getByRole('button', { name: `Set ${number} of Barbell Bench Press done` }).click();
}

/** Whether `response` answers a POST /api/v1/workouts. */
const isWorkoutPost = (response) =>
  response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/workouts';

/** What the context tried to send while its network was cut, with the times, for a failure message. */
function noPostWhileOffline(network, what) {
  const tried = network.workoutPostsWhileOffline();
  assert.equal(tried.length, 0, `${what}: POST /api/v1/workouts tried while offline at ${tried.map((p) => `${p.at} (${p.from}, key ${p.key})`).join(', ')}`);
}

describe('offline logging', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {ReturnType<typeof watchNetwork>} */
  let network;

  before(async () => {
    journey = await openJourney({ user });
    network = watchNetwork(journey.browser.context);
  });

  after(async () => {
    await journey?.close();
  });

  test('offline before the request: says so at once, sends nothing, keeps Discard, and saves once when back online', { timeout: 60_000 }, async () => {
    const { page, server, browser } = journey;
    const { context } = browser;
    const title = 'Cut before the request';
    const postsBefore = network.workoutPosts.length;
    await logWorkout(page, server.baseUrl, title);
    await tickBenchSet(page);

    await network.goOffline();
    await waitUntilPageOffline(page);
    const tapped = Date.now();
    await page.getByRole('button', { name: 'Finish workout' }).click();
    await page.getByText(/^No connection\. The workout is kept on this device/).waitFor({ timeout: 3_000 });
    assert.ok(Date.now() - tapped < 3_000, 'the offline state shows within 3 s, not after a 45 s timeout');
    noPostWhileOffline(network, 'nothing is sent while the browser is offline');
    assert.equal(network.workoutPosts.length, postsBefore);
    assert.equal(await page.getByRole('button', { name: 'Discard workout' }).isEnabled(), true);
    await checkPage(page, 'workout-finished-offline');

    // Back online: the background sync sends it, and the screen follows it to the summary.
    await network.goOnline();
    await page.getByText('Workout saved').waitFor();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(network.workoutPosts.length, postsBefore + 1);
    assert.equal((await serverCopies(context, server.baseUrl, title)).length, 1);
  });

  test('answer lost after the server committed: a retry, after a reload too, is answered with the same workout', { timeout: 60_000 }, async () => {
    const { page, server, browser } = journey;
    const { context } = browser;
    const title = 'Cut after the commit';
    await logWorkout(page, server.baseUrl, title);
    await tickBenchSet(page);

    // The first POST reaches the server (which commits it); its answer never reaches the page.
    let cut = 0;
    await page.route('**/api/v1/workouts', async (route) => {
      if (route.request().method() !== 'POST' || cut > 0) return route.fallback();
      cut += 1;
      const response = await route.fetch();
      assert.equal(response.status(), 201, 'the server saved it');
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Finish workout' }).click();
    await page.getByText(/^No connection\./).waitFor();
    assert.equal((await serverCopies(context, server.baseUrl, title)).length, 1, 'the server has it already');
    await page.unrouteAll({ behavior: 'wait' });

    // Reload (the old client lost everything but a 409 here): the outbox is still there, in
    // IndexedDB, and is sent again at start; the replay gets the stored workout back.
    // No time limit of its own: the journey's timeout bounds it.
    const replay = page.waitForResponse(isWorkoutPost, { timeout: 0 });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal((await replay).status(), 200, 'the retry is a replay the server answers with the stored workout');
    await page.goto(`${server.baseUrl}/log`);
    await page.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    assert.equal(await page.getByText(/waiting to sync/).count(), 0, 'nothing waits any more');
    assert.equal((await serverCopies(context, server.baseUrl, title)).length, 1);
  });

  test('page closed while the answer was on its way: the next visit sends it again, and there is still one copy', { timeout: 60_000 }, async () => {
    const { server, browser } = journey;
    const { context } = browser;
    const title = 'Closed before the answer';
    const first = await context.newPage();
    await logWorkout(first, server.baseUrl, title);
    await tickBenchSet(first);
    let committed;
    const serverDone = new Promise((resolve) => {
      committed = resolve;
    });
    await first.route('**/api/v1/workouts', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      committed(response.status());
      // Never answered: the tab goes away first.
    });
    await first.getByRole('button', { name: 'Finish workout' }).click();
    assert.equal(await serverDone, 201);
    await first.close();

    const second = await context.newPage();
    const replays = [];
    second.on('response', (response) => {
      if (isWorkoutPost(response)) replays.push(response.status());
    });
    const replay = second.waitForResponse(isWorkoutPost, { timeout: 0 });
    await second.goto(`${server.baseUrl}/log`);
    await second.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    assert.equal((await replay).status(), 200, 'the workout was sent again and answered as a replay');
    await second.getByText(/waiting to sync/).first().waitFor({ state: 'detached', timeout: 0 });
    assert.deepEqual(replays, [200], 'sent once, answered as a replay');
    assert.equal((await serverCopies(context, server.baseUrl, title)).length, 1);
    await second.close();
  });
});

describe('installable, and logging with no connection at all', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {ReturnType<typeof watchNetwork>} */
  let network;

  before(async () => {
    journey = await openJourney({ user });
    network = watchNetwork(journey.browser.context);
  });

  after(async () => {
    await journey?.close();
  });

  test('has a manifest with installable icons', { timeout: 60_000 }, async () => {
    const { page, server, browser } = journey;
    await page.goto(`${server.baseUrl}/log`);
    assert.equal(await page.locator('link[rel="manifest"]').getAttribute('href'), '/manifest.webmanifest');
    const response = await browser.context.request.get(`${server.baseUrl}/manifest.webmanifest`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /^application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, '/');
    const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icons: ${sizes}`);
    for (const icon of manifest.icons) {
      assert.equal((await browser.context.request.get(`${server.baseUrl}${icon.src}`)).status(), 200, icon.src);
    }
  });

  test('a workout edited, reloaded and finished offline is sent once when the connection comes back', { timeout: 60_000 }, async () => {
    const { page, server, browser } = journey;
    const { context } = browser;
    const title = 'Basement session';

    // A first visit installs the service worker, which precaches the app.
    await page.goto(`${server.baseUrl}/log`);
    const worker = await waitForServiceWorker(page);
    assert.deepEqual(worker, { controlled: true, active: 'activated' }, 'the first visit is served by the service worker');
    // The exercise catalogue is kept on the device after one online visit.
    await waitUntilKept(page, ['["exercises","catalogue"]']);
    await logWorkout(page, server.baseUrl, title);

    await network.goOffline();
    await page.getByText(/^You are offline\./).waitFor();
    await tickBenchSet(page, 1);
    await page.getByRole('button', { name: 'Add set to Barbell Bench Press' }).click();
    await tickBenchSet(page, 2);

    // Offline, search filters the catalogue kept on this device like the server would (hyphens
    // and spaces ignored), and offers no "create" for a word it could not check.
    await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Add exercise' });
    await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill('row');
    await sheet.getByText(/^Offline: searching the exercises kept on this device\./).waitFor();
    const names = await sheet.getByRole('list', { name: 'Exercises' }).locator('.exercise-result__name').allTextContents();
    assert.ok(names.length > 0, 'rows are found offline');
    assert.ok(names.includes('Pendlay Row') && names.includes('Bent-Over Barbell Row'), `rows found: ${names.join(', ')}`);
    assert.equal(await sheet.getByRole('button', { name: /^Create/ }).count(), 0);
    assert.equal(await sheet.getByRole('button', { name: /Barbell Back Squat/ }).count(), 0, 'no unfiltered list');
    await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill('pullup');
    await sheet.getByRole('button', { name: /^Assisted Pull-Up\b/ }).waitFor();
    await sheet.getByRole('button', { name: 'Close', exact: true }).click();

    // A reload with no network: the app shell comes from the service worker, the workout from this device.
    await page.reload();
    await waitUntilPageOffline(page);
    await page.getByRole('textbox', { name: 'Workout name' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Workout name' }).inputValue(), title);
    assert.equal(await page.getByLabel('Reps, set 2 of Barbell Bench Press').inputValue(), '8');
    await page.getByRole('button', { name: 'Finish workout' }).click();
    await page.getByText(/^No connection\./).waitFor();

    // Another reload, still offline: the Log page renders, and says what waits.
    await page.goto(`${server.baseUrl}/log`);
    await waitUntilPageOffline(page);
    await page.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    await page.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor();
    noPostWhileOffline(network, 'nothing was even tried');
    assert.equal((await serverCopies(context, server.baseUrl, title)).length, 0, 'nothing reached the server yet');
    await checkPage(page, 'log-offline-waiting');

    // Back online: sent, exactly once, with both sets.
    const sent = page.waitForResponse(isWorkoutPost, { timeout: 0 });
    await network.goOnline();
    assert.equal((await sent).status(), 201);
    await page.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor({ state: 'detached' });
    noPostWhileOffline(network, 'still nothing tried offline');
    const copies = await serverCopies(context, server.baseUrl, title);
    assert.equal(copies.length, 1);
    const saved = await (await context.request.get(`${server.baseUrl}/api/v1/workouts/${copies[0].id}`)).json();
    assert.deepEqual(
      saved.blocks.map((b) => b.sets.map((s) => [s.weight_kg, s.reps, s.done])),
      [[[60, 8, true], [60, 8, true]]],
    );
  });

  test('a German user offline still reads German: the German catalogue is precached', { timeout: 60_000 }, async () => {
    const { page, server } = journey;
    // German only comes on demand (a chunk of its own, not in the first page's bundle).
    await page.goto(`${server.baseUrl}/me`);
    // The service worker in control, so its precache is complete.
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 20_000 });
    await page.getByRole('radio', { name: 'Deutsch' }).check();
    await page.getByRole('group', { name: 'Sprache' }).waitFor();
    await page.goto(`${server.baseUrl}/log`);
    await page.getByRole('button', { name: 'Leeres Training' }).waitFor();

    const precached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls.filter((path) => /^\/assets\/de-[\w-]+\.js$/.test(path));
    });
    // Checked in the cache itself: offline, the browser's HTTP cache may still hand out a chunk
    // fetched earlier, but not after it evicted it, nor to a visit that never used German online.
    assert.equal(precached.length, 1, 'the service worker keeps the German chunk');

    await network.goOffline();
    await page.reload();
    await waitUntilPageOffline(page);
    await page.getByRole('button', { name: 'Leeres Training' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Empty workout' }).count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');

    // Back online and to English for whatever runs next.
    await network.goOnline();
    await page.goto(`${server.baseUrl}/me`);
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('group', { name: 'Language' }).waitFor();
  });
});
