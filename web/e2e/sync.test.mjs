// Journeys "Sync" (issue 10): two devices of one user, each a browser of its own (a phone and a
// desktop), on the real server binary with the built app (web/dist).
// (a) A workout logged offline on the phone, the page reloaded while offline, then the
//     connection back: the server has exactly one copy, read through the API.
// (b) The same workout edited on both: the phone edits offline, the desktop saves first. When
//     the phone comes back its queued PUT is refused (412); the phone shows "Changed on another
//     device", and each of the three choices ends with the server state it promises:
//     Keep both -> two workouts (the desktop's and the phone's contents); Use mine -> one, with
//     the phone's; Use theirs -> one, with the desktop's.
// (c) A workout deleted on the phone offline: hidden at once, still pending after a reload, and
//     deleted on the server exactly once when the connection is back; deleted offline after the
//     desktop changed it: the phone asks, and "Delete anyway" deletes it.
// (d) A cardio session entered by hand offline goes through the same outbox: reloaded offline,
//     then online, the server has exactly one copy, every attempt under one Idempotency-Key.
// The app also follows GET /api/v1/changes when it comes online: that route comes from the
// sync-server branch, so this file needs a server built with it (every API exchange is checked
// against api/openapi.yaml).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { keptQueryKeys, waitForServiceWorker, waitUntilKept, waitUntilPageOffline, watchNetwork } from './support/offline.mjs';
import { createUser, startServer } from './support/server.mjs';
import { signIn } from './support/page.mjs';

const user = { username: 'sam_sync', email: 'sam@example.org', password: 'two devices one lifter' };

/** Calls the API as the signed-in user of `page` (cookie session and CSRF header, like the app). */
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

/** The server's workouts titled `title`, full, read through the API from the desktop. */
async function serverWorkouts(page, title) {
  const list = await callApi(page, 'GET', '/workouts?limit=100');
  assert.equal(list.status, 200);
  const matching = list.body.items.filter((w) => w.title === title);
  return Promise.all(matching.map(async (w) => (await callApi(page, 'GET', `/workouts/${w.id}`)).body));
}

/** Fails with the times of any POST /api/v1/workouts the phone tried while its network was cut. */
function noPostWhileOffline(network, what) {
  const tried = network.workoutPostsWhileOffline();
  assert.equal(tried.length, 0, `${what}: POST /api/v1/workouts tried while offline at ${tried.map((p) => `${p.at} (${p.from}, key ${p.key})`).join(', ')}`);
}

/** The Idempotency-Keys of the phone's POST /api/v1/workouts from the `from`th on. */
const keysSince = (network, from) => network.workoutPosts.slice(from).map((p) => p.key);

async function waitFor(check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('two devices, one user', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let phoneBrowser;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let desktopBrowser;
  /** @type {import('playwright-core').Page} */
  let phone;
  /** @type {import('playwright-core').Page} */
  let desktop;
  /** @type {string[]} */
  let phoneErrors;
  /** @type {string[]} */
  let desktopErrors;
  /** The phone's network: cut airtight, and what it tried to send. */
  /** @type {ReturnType<typeof watchNetwork>} */
  let phoneNet;

  before(async () => {
    server = await startServer({ prepare: (where) => createUser({ ...where, ...user }), args: ['--access-log', 'false'] });
    phoneBrowser = await launchBrowser();
    phoneNet = watchNetwork(phoneBrowser.context);
    desktopBrowser = await launchBrowser();
    phone = await phoneBrowser.context.newPage();
    phoneErrors = collectPageErrors(phone);
    await phone.setViewportSize(viewports.phone);
    desktop = await desktopBrowser.context.newPage();
    desktopErrors = collectPageErrors(desktop);
    await signIn(phone, server.baseUrl, user);
    await signIn(desktop, server.baseUrl, user);
    const routine = await callApi(desktop, 'POST', '/routines', {
      name: 'Squat day',
      items: [{ exercise_id: 'barbell-back-squat', target_sets: 2, target_reps: 5 }],
    });
    assert.equal(routine.status, 201, JSON.stringify(routine.body));
    // One online visit: the service worker keeps the app, the app keeps the catalogue.
    await phone.goto(`${server.baseUrl}/log`);
    assert.deepEqual(await waitForServiceWorker(phone), { controlled: true, active: 'activated' });
    await waitUntilKept(phone, ['["exercises","catalogue"]', '["routines","list"]', '["workouts","list"']);
  });

  // A journey that failed offline does not take the next ones down with it.
  afterEach(async () => {
    if (phoneNet?.offline) await phoneNet.goOnline();
  });

  after(async () => {
    try {
      await phoneBrowser?.close();
      await desktopBrowser?.close();
    } finally {
      await server?.stop();
    }
  });

  test('a workout logged offline, reloaded offline, reaches the server exactly once', { timeout: 90_000 }, async () => {
    const title = 'Garage session';
    const postsBefore = phoneNet.workoutPosts.length;
    const elsewhere = await callApi(
      desktop,
      'POST',
      '/workouts',
      { title: 'Logged on the desktop', started_at: '2026-11-01T08:00:00Z', ended_at: '2026-11-01T09:00:00Z', blocks: [] },
      { 'Idempotency-Key': 'desktop-only-1' },
    );
    assert.equal(elsewhere.status, 201, JSON.stringify(elsewhere.body));
    await phoneNet.goOffline();
    await phone.reload();
    await waitUntilPageOffline(phone);

    // A page whose data is not kept (a workout never opened here) says so, not "Something went
    // wrong", and loads by itself when the connection is back.
    await phone.goto(`${server.baseUrl}/workouts/${elsewhere.body.id}`);
    await waitUntilPageOffline(phone);
    await phone.getByText('You are offline; this page needs a connection.', { exact: false }).waitFor();
    assert.equal(await phone.getByText('Something went wrong').count(), 0);
    await phoneNet.goOnline();
    await phone.getByRole('heading', { level: 1, name: 'Logged on the desktop' }).waitFor();
    await phoneNet.goOffline();

    await phone.goto(`${server.baseUrl}/log`);
    await waitUntilPageOffline(phone);
    await phone.getByRole('button', { name: 'Empty workout' }).click();
    await phone.getByRole('textbox', { name: 'Workout name' }).fill(title);
    await phone.getByRole('button', { name: 'Add exercise', exact: true }).click();
    const sheet = phone.getByRole('dialog', { name: 'Add exercise' });
    await sheet.getByRole('searchbox', { name: 'Search exercises' }).fill('benchpress');
    await sheet.getByRole('button', { name: /^Barbell Bench Press\b/ }).click();
    await sheet.waitFor({ state: 'hidden' });
    await phone.getByLabel('Weight in kg, set 1 of Barbell Bench Press').fill('70');
    await phone.getByLabel('Reps, set 1 of Barbell Bench Press').fill('6');
    await phone.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }).click();
    await phone.getByRole('button', { name: 'Finish workout' }).click();
    await phone.getByText(/^No connection\./).waitFor();

    await phone.reload();
    await waitUntilPageOffline(phone);
    await phone.goto(`${server.baseUrl}/log`);
    await waitUntilPageOffline(phone);
    await phone.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor();
    noPostWhileOffline(phoneNet, 'nothing was even tried');
    const early = await serverWorkouts(desktop, title);
    assert.equal(
      early.length,
      0,
      `nothing reached the server while offline; on the server: ${JSON.stringify(early.map((w) => [w.id, w.rev, w.ended_at]))}; ` +
        `the phone's POSTs: ${JSON.stringify(phoneNet.workoutPosts)}`,
    );
    assert.equal(phoneNet.workoutPosts.length, postsBefore);

    const sent = phone.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/workouts', { timeout: 0 });
    await phoneNet.goOnline();
    assert.equal((await sent).status(), 201);
    await phone.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor({ state: 'detached', timeout: 20_000 });
    const copies = await serverWorkouts(desktop, title);
    assert.equal(copies.length, 1, 'exactly one copy');
    assert.deepEqual(
      copies[0].blocks.map((b) => [b.exercise_id, b.sets.map((s) => [s.weight_kg, s.reps, s.done])]),
      [['barbell-bench-press', [[70, 6, true]]]],
    );
    const posts = keysSince(phoneNet, postsBefore);
    assert.ok(posts.length >= 1 && posts.every((key) => key === posts[0]), `every attempt under one Idempotency-Key: ${posts}`);
    // Another reload and a focus do not send it again.
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    assert.equal((await serverWorkouts(desktop, title)).length, 1);
  });

  test('a cardio session entered offline, reloaded offline, reaches the server exactly once', { timeout: 90_000 }, async () => {
    const title = 'Basement rower';
    const postsBefore = phoneNet.workoutPosts.length;
    await phoneNet.goOffline();
    await phone.goto(`${server.baseUrl}/log/cardio`);
    await waitUntilPageOffline(phone);
    await phone.getByRole('heading', { level: 1, name: 'Record a cardio session' }).waitFor();
    await phone.getByLabel('Sport', { exact: true }).selectOption('row');
    await phone.getByLabel('Duration', { exact: true }).fill('0:42:00');
    await phone.getByLabel('Title', { exact: true }).fill(title);
    await phone.getByRole('button', { name: 'Save session' }).click();
    await phone.getByText(/^No connection: the session is kept on this device/).waitFor();
    await phone.reload();
    await waitUntilPageOffline(phone);
    await phone.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor();
    noPostWhileOffline(phoneNet, 'nothing was even tried');
    const early = await serverWorkouts(desktop, title);
    assert.equal(
      early.length,
      0,
      `nothing reached the server while offline; on the server: ${JSON.stringify(early.map((w) => [w.id, w.rev, w.ended_at]))}; ` +
        `the phone's POSTs: ${JSON.stringify(phoneNet.workoutPosts)}`,
    );
    assert.equal(phoneNet.workoutPosts.length, postsBefore);

    const sent = phone.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/workouts', { timeout: 0 });
    await phoneNet.goOnline();
    assert.equal((await sent).status(), 201);
    await phone.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor({ state: 'detached', timeout: 20_000 });
    const copies = await serverWorkouts(desktop, title);
    assert.equal(copies.length, 1, 'exactly one copy');
    assert.equal(copies[0].cardio.duration_s, 42 * 60);
    const posts = keysSince(phoneNet, postsBefore);
    assert.ok(posts.length >= 1 && posts.every((key) => key === posts[0]), `every attempt under one Idempotency-Key: ${posts}`);
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
    assert.equal((await serverWorkouts(desktop, title)).length, 1);
  });

  test('a routine kept on the phone starts offline, and the workout syncs once', { timeout: 90_000 }, async () => {
    await phoneNet.goOffline();
    await phone.goto(`${server.baseUrl}/log`);
    await waitUntilPageOffline(phone);
    await phone.getByRole('button', { name: 'Start Squat day' }).click();
    await phone.getByLabel('Weight in kg, set 1 of Barbell Back Squat').fill('100');
    await phone.getByLabel('Reps, set 1 of Barbell Back Squat').fill('5');
    await phone.getByRole('button', { name: 'Set 1 of Barbell Back Squat done' }).click();
    await phone.getByRole('button', { name: 'Finish workout' }).click();
    // One of two sets is not done: the app asks before finishing.
    await phone.getByRole('dialog').getByRole('button', { name: 'Finish', exact: true }).click();
    await phone.getByText(/^No connection\./).waitFor();
    noPostWhileOffline(phoneNet, 'nothing was even tried');
    const sent = phone.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/workouts', { timeout: 0 });
    await phoneNet.goOnline();
    assert.equal((await sent).status(), 201);
    const copies = await serverWorkouts(desktop, 'Squat day');
    assert.equal(copies.length, 1);
    assert.equal(copies[0].blocks[0].exercise_id, 'barbell-back-squat');
    assert.deepEqual(copies[0].blocks[0].sets[0], { ...copies[0].blocks[0].sets[0], weight_kg: 100, reps: 5, done: true });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal((await serverWorkouts(desktop, 'Squat day')).length, 1, 'exactly one copy');
  });

  /**
   * A saved workout edited on the phone offline ("phone notes", a second set) and on the desktop
   * online ("desktop notes"); then the phone comes back and the user picks `choice`.
   */
  async function conflict(title, choice) {
    const created = await callApi(
      desktop,
      'POST',
      '/workouts',
      {
        title,
        started_at: '2026-11-20T17:00:00Z',
        ended_at: '2026-11-20T18:00:00Z',
        blocks: [{ exercise_id: 'barbell-bench-press', sets: [{ set_type: 'normal', weight_kg: 80, reps: 5, done: true }] }],
      },
      { 'Idempotency-Key': `conflict-${title.replaceAll(' ', '-')}` },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;

    // The phone opens it online once, then loses the connection and edits it.
    await phone.goto(`${server.baseUrl}/workouts/${id}`);
    await phone.getByRole('heading', { level: 1, name: title }).waitFor();
    await waitUntilKept(phone, [`["workouts","detail","${id}"]`]);
    await phoneNet.goOffline();
    await phone.reload();
    await waitUntilPageOffline(phone);
    await phone.getByRole('heading', { level: 1, name: title }).waitFor();
    await phone.getByRole('button', { name: 'Edit workout' }).click();
    const form = phone.getByRole('form', { name: 'Edit workout' });
    await form.getByLabel('Notes', { exact: true }).fill('phone notes');
    await form.getByRole('button', { name: 'Add a set to Barbell Bench Press' }).click();
    await form.getByRole('group', { name: 'Set 2 of Barbell Bench Press' }).getByLabel('Reps', { exact: true }).fill('3');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await phone.getByText('Your changes are kept on this device').waitFor();

    // The desktop saves its own change first.
    const current = await callApi(desktop, 'GET', `/workouts/${id}`);
    const desktopEdit = await callApi(
      desktop,
      'PUT',
      `/workouts/${id}`,
      {
        title,
        started_at: current.body.started_at,
        ended_at: current.body.ended_at,
        notes: 'desktop notes',
        blocks: [{ exercise_id: 'barbell-bench-press', sets: [{ set_type: 'normal', weight_kg: 82.5, reps: 5, done: true }] }],
      },
      { 'If-Match': current.etag },
    );
    assert.equal(desktopEdit.status, 200, JSON.stringify(desktopEdit.body));

    // The phone comes back: its edit is refused as stale, and it says so, offering the choices.
    await phoneNet.goOnline();
    const card = phone.locator('section', { has: phone.getByRole('heading', { name: 'Changed on another device' }) }).last();
    await card.getByRole('button', { name: choice }).waitFor({ timeout: 20_000 });
    const stillThere = await serverWorkouts(desktop, title);
    assert.equal(stillThere.length, 1);
    assert.equal(stillThere[0].notes, 'desktop notes', 'the stale edit overwrote nothing');
    await card.getByRole('button', { name: choice }).click();
    await phone.getByRole('heading', { name: 'Changed on another device' }).waitFor({ state: 'detached', timeout: 15_000 });
    return id;
  }

  const contentsOf = (w) => [w.notes, w.blocks.map((b) => b.sets.map((s) => [s.weight_kg, s.reps]))];
  const phoneContents = ['phone notes', [[[80, 5], [80, 3]]]];
  const desktopContents = ['desktop notes', [[[82.5, 5]]]];

  test('the same workout edited on two devices: Keep both saves the phone’s as a second workout', { timeout: 90_000 }, async () => {
    const title = 'Keep both day';
    const id = await conflict(title, 'Keep both');
    const workouts = await waitFor(async () => {
      const found = await serverWorkouts(desktop, title);
      return found.length === 2 ? found : null;
    }, 'two workouts');
    const original = workouts.find((w) => w.id === id);
    const copy = workouts.find((w) => w.id !== id);
    assert.deepEqual(contentsOf(original), desktopContents);
    assert.deepEqual(contentsOf(copy), phoneContents);
  });

  test('the same workout edited on two devices: Use mine overwrites with the phone’s', { timeout: 90_000 }, async () => {
    const title = 'Use mine day';
    const id = await conflict(title, 'Use mine');
    const workouts = await serverWorkouts(desktop, title);
    assert.equal(workouts.length, 1);
    assert.equal(workouts[0].id, id);
    assert.deepEqual(contentsOf(workouts[0]), phoneContents);
  });

  test('the same workout edited on two devices: Use theirs keeps the desktop’s', { timeout: 90_000 }, async () => {
    const title = 'Use theirs day';
    const id = await conflict(title, 'Use theirs');
    const workouts = await serverWorkouts(desktop, title);
    assert.equal(workouts.length, 1);
    assert.equal(workouts[0].id, id);
    assert.deepEqual(contentsOf(workouts[0]), desktopContents);
    // Nothing of the phone's edit waits any more, and the phone shows the desktop's version.
    await phone.goto(`${server.baseUrl}/workouts/${id}`);
    await phone.getByText('desktop notes').waitFor();
    assert.equal(await phone.getByText('Changed on another device').count(), 0);
  });

  // Needs GET /api/v1/changes (the sync-server branch): without it nothing tells the phone.
  test('the change feed: a workout deleted on the desktop leaves the phone’s offline copy', { timeout: 60_000 }, async () => {
    const created = await callApi(
      desktop,
      'POST',
      '/workouts',
      { title: 'Deleted elsewhere', started_at: '2026-11-02T08:00:00Z', ended_at: '2026-11-02T09:00:00Z', blocks: [] },
      { 'Idempotency-Key': 'deleted-elsewhere-1' },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const detailKey = `["workouts","detail","${created.body.id}"]`;
    await phone.goto(`${server.baseUrl}/workouts/${created.body.id}`);
    await phone.getByRole('heading', { level: 1, name: 'Deleted elsewhere' }).waitFor();
    await waitUntilKept(phone, [detailKey]);
    // The phone moves on (the workout's query is no longer on screen, so nothing refetches it).
    await phone.goto(`${server.baseUrl}/log`);
    await phone.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();

    assert.equal((await callApi(desktop, 'DELETE', `/workouts/${created.body.id}`)).status, 204);
    // The phone comes back online (or to the foreground): it reads the feed and forgets the workout.
    await phoneNet.goOffline();
    await phoneNet.goOnline();
    await waitFor(async () => !(await keptQueryKeys(phone)).includes(detailKey), 'the deleted workout to leave the offline copy');
    await phoneNet.goOffline();
    await phone.goto(`${server.baseUrl}/workouts/${created.body.id}`);
    await waitUntilPageOffline(phone);
    await phone.getByText('You are offline; this page needs a connection.', { exact: false }).waitFor();
    await phoneNet.goOnline();
  });

  /** A workout saved from the desktop, opened on the phone online (kept), then deleted there offline. */
  async function deleteOffline(title) {
    const created = await callApi(
      desktop,
      'POST',
      '/workouts',
      { title, started_at: '2026-11-03T08:00:00Z', ended_at: '2026-11-03T09:00:00Z', blocks: [] },
      { 'Idempotency-Key': `delete-offline-${title.replaceAll(' ', '-')}` },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    await phone.goto(`${server.baseUrl}/workouts`);
    await phone.getByRole('link', { name: title }).waitFor();
    await phone.goto(`${server.baseUrl}/workouts/${id}`);
    await phone.getByRole('heading', { level: 1, name: title }).waitFor();
    await waitUntilKept(phone, [`["workouts","detail","${id}"]`]);
    await phoneNet.goOffline();
    await phone.reload();
    await waitUntilPageOffline(phone);
    await phone.getByRole('heading', { level: 1, name: title }).waitFor();
    await phone.getByRole('button', { name: 'Delete workout' }).click();
    await phone.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Workout history' }).waitFor();
    return { id, etag: created.etag };
  }

  test('a workout deleted offline, reloaded offline, is deleted on the server once', { timeout: 90_000 }, async () => {
    const title = 'Deleted offline day';
    const deletes = [];
    const onRequest = (r) => {
      if (r.method() === 'DELETE' && new URL(r.url()).pathname.startsWith('/api/v1/workouts/')) deletes.push(r.headers()['if-match']);
    };
    phone.on('request', onRequest);
    try {
      const { id, etag } = await deleteOffline(title);
      await phone.reload();
      await phone.getByRole('heading', { level: 1, name: 'Workout history' }).waitFor();
      assert.equal(await phone.getByRole('link', { name: title }).count(), 0, 'hidden from history at once');
      await phone.goto(`${server.baseUrl}/log`);
      await phone.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor();
      assert.equal((await callApi(desktop, 'GET', `/workouts/${id}`)).status, 200, 'still on the server while offline');

      await phoneNet.goOnline();
      await phone.getByRole('heading', { name: '1 workout waiting to sync.' }).waitFor({ state: 'detached', timeout: 20_000 });
      assert.equal((await callApi(desktop, 'GET', `/workouts/${id}`)).status, 404, 'deleted on the server');
      await phone.reload();
      await phone.getByRole('heading', { level: 1, name: 'Log a workout' }).waitFor();
      await new Promise((r) => setTimeout(r, 1_000));
      assert.deepEqual(deletes, [etag], 'one DELETE, with If-Match on the version the phone saw');
    } finally {
      phone.off('request', onRequest);
    }
  });

  test('a workout deleted offline after the desktop changed it: the phone asks, Delete anyway deletes it', { timeout: 90_000 }, async () => {
    const title = 'Deleted but changed day';
    const { id } = await deleteOffline(title);
    const current = await callApi(desktop, 'GET', `/workouts/${id}`);
    const changed = await callApi(
      desktop,
      'PUT',
      `/workouts/${id}`,
      { title, started_at: current.body.started_at, ended_at: current.body.ended_at, notes: 'desktop notes', blocks: [] },
      { 'If-Match': current.etag },
    );
    assert.equal(changed.status, 200, JSON.stringify(changed.body));

    await phone.goto(`${server.baseUrl}/log`);
    await phoneNet.goOnline();
    const card = phone.locator('section', { has: phone.getByRole('heading', { name: 'Changed on another device' }) }).last();
    await card.getByRole('button', { name: 'Delete anyway' }).waitFor({ timeout: 20_000 });
    assert.equal((await callApi(desktop, 'GET', `/workouts/${id}`)).body.notes, 'desktop notes', 'nothing deleted before the user chose');
    await card.getByRole('button', { name: 'Delete anyway' }).click();
    await phone.getByRole('heading', { name: 'Changed on another device' }).waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal((await callApi(desktop, 'GET', `/workouts/${id}`)).status, 404);
  });

  test('signing out forgets everything kept for offline use', { timeout: 30_000 }, async () => {
    assert.ok((await keptQueryKeys(phone)).length > 0);
    await phone.goto(`${server.baseUrl}/`);
    await phone.getByRole('button', { name: `Account menu: ${user.username}` }).click();
    await phone.getByRole('button', { name: 'Sign out', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Vigor' }).waitFor();
    await waitFor(async () => (await keptQueryKeys(phone)).length === 0, 'the kept answers to be deleted', 5_000);
  });

  test('no page error on either device', () => {
    // Requests tried while the phone was offline are the only failures expected.
    assert.deepEqual(phoneErrors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED')), []);
    assert.deepEqual(desktopErrors, []);
  });
});
