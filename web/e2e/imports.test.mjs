// Journey "Record a run" (shared/ux.md): a user imports a GPX file this test writes (a 5 km
// run along a known line, with elevation and heart rate), watches the job finish, opens the
// workout and finds the distance this test computed, the route and three charts. Then a
// Strong CSV: its local times are read in the zone picked on the page, the dry run previews the
// right number of sets, the import runs, and "Undo" takes its workouts away again; imported
// again, the same file shows its workouts as already in the log. Last, an exercise page shows
// the body diagram with the primary muscle highlighted. axe on every page, phone and desktop
// screenshots.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, openJourney } from './support/page.mjs';

const user = { username: 'rita_runs', email: 'rita@example.org', password: 'long runs on sunday' };

// --- The run: 501 points 10 m apart heading north-east from Berlin, one every 3 s. ---
const R = 6371008.8; // WGS84 mean radius
const rad = (d) => (d * Math.PI) / 180;
function haversine(a, b) {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
const runPoints = Array.from({ length: 501 }, (_, i) => {
  const d = i * 10;
  return {
    lat: Number((52.5 + ((d * 0.6) / R) * (180 / Math.PI)).toFixed(7)),
    lon: Number((13.4 + ((d * 0.8) / (R * Math.cos(rad(52.5)))) * (180 / Math.PI)).toFixed(7)),
    ele: 40 + 20 * Math.sin(i / 50),
    hr: 140 + (i % 30),
    time: new Date(Date.UTC(2025, 4, 3, 7, 0, 0) + i * 3000).toISOString(),
  };
});
/** The run's length as this test computes it, from the very coordinates in the file. */
const runDistanceM = runPoints.slice(1).reduce((sum, p, i) => sum + haversine(runPoints[i], p), 0);
const gpx = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="vigor-e2e" xmlns="http://www.topografix.com/GPX/1/1"
  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><name>Morning run</name><type>running</type><trkseg>
${runPoints
  .map(
    (p) =>
      `<trkpt lat="${p.lat}" lon="${p.lon}"><ele>${p.ele.toFixed(1)}</ele><time>${p.time}</time>` +
      `<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${p.hr}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>`,
  )
  .join('\n')}
</trkseg></trk></gpx>
`;

// --- A Strong export: two workouts, one row with an unreadable weight. ---
const strongRows = [
  ['2025-04-01 18:00:00', 'Push day', 'Bench Press (Barbell)', 1, '60', 8],
  ['2025-04-01 18:00:00', 'Push day', 'Bench Press (Barbell)', 2, '62.5', 6],
  ['2025-04-01 18:00:00', 'Push day', 'Zottel Curl', 1, '20', 10],
  ['2025-04-03 18:00:00', 'Leg day', 'Squat (Barbell)', 1, '100', 5],
  ['2025-04-03 18:00:00', 'Leg day', 'Squat (Barbell)', 2, 'heavy', 5],
];
const strongCsv =
  'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n' +
  strongRows.map(([date, name, exercise, order, weight, reps]) => `${date},${name},1h,${exercise},${order},${weight},${reps},0,0,,,`).join('\n') +
  '\n';
const expectedSets = strongRows.filter((r) => Number.isFinite(Number(r[4]))).length;

/** The number a summary figure shows, e.g. "5.01" of "Distance 5.01 km". */
async function figure(page, label) {
  const term = page.locator('dt', { hasText: new RegExp(`^${label}$`) });
  return (await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
}

describe('imports', () => {
  let server;
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  let page;
  let pageErrors = [];

  before(async () => {
    journey = await openJourney({ user });
    ({ server, page, pageErrors } = journey);
  });

  after(async () => {
    await journey?.close();
  });

  test('imports a GPX run and shows its distance, route and charts', async () => {
    // Progress arrives on the event stream (GET /api/v1/events), not by polling the import. The
    // stream is watched from before the page loads: the page opens it as it loads.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const streamed = [];
    cdp.on('Network.eventSourceMessageReceived', (e) => streamed.push(e));
    const importReads = [];
    const countRead = (request) => {
      if (request.method() === 'GET' && /^\/api\/v1\/imports\/[^/]+$/.test(new URL(request.url()).pathname)) importReads.push(request.url());
    };
    page.on('request', countRead);
    const streamOpen = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/events' && r.status() === 200);
    await page.goto(`${server.baseUrl}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await checkPage(page, 'import');
    await streamOpen;
    await page.getByLabel('Choose a file').setInputFiles({ name: 'morning-run.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpx) });
    await page.getByText('Imported', { exact: true }).waitFor();
    // DevTools may report a message a moment after the page acted on it (the stream passes
    // the service worker's fetch handler): give it up to 3 s.
    const ended = () => streamed.some((e) => e.eventName === 'import.progress' && JSON.parse(e.data).status === 'succeeded');
    for (let i = 0; i < 30 && !ended(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    page.off('request', countRead);
    await cdp.detach();
    const progress = streamed.filter((e) => e.eventName === 'import.progress').map((e) => JSON.parse(e.data));
    assert.ok(progress.some((p) => p.status === 'succeeded'), `the stream reported the end: ${JSON.stringify(progress)}`);
    // The first read, one when the stream opened (what happened before), one for the outcome.
    assert.ok(importReads.length <= 3, `the import was read ${importReads.length} times`);
    await page.getByRole('link', { name: 'Open the workout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Morning run' }).waitFor();

    const shown = await figure(page, 'Distance');
    const km = Number(/([\d.]+)\s*km/.exec(shown)?.[1]);
    const error = Math.abs(km * 1000 - runDistanceM) / runDistanceM;
    assert.ok(error < 0.005, `distance shown ${shown}, computed ${(runDistanceM / 1000).toFixed(3)} km (${(error * 100).toFixed(2)} % off)`);

    const map = page.getByRole('img', { name: /Map of the route/ });
    await map.waitFor();
    assert.ok(((await map.locator('path.track-map__route').getAttribute('d')) ?? '').split('L').length > 100, 'the route has its points');
    for (const question of ['How did my pace change along the way?', 'Where did it climb and descend?', 'How hard was my heart working?']) {
      const chart = page.getByRole('figure', { name: question });
      await chart.waitFor();
      assert.ok(((await chart.locator('path.line-chart__line').first().getAttribute('d')) ?? '').length > 100, `${question}: a line`);
    }
    assert.ok((await page.getByRole('table').first().locator('tbody tr').count()) >= 5, 'five splits at least');
    await page.getByRole('link', { name: 'Download GPX' }).waitFor();
    await checkPage(page, 'activity');

    // The splits and heart-rate zones tables fit a phone: no scrolling sideways inside them, nor
    // on the page.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const name of ['Splits', 'Time in each heart-rate zone']) {
      const box = page.locator(`.activity-table-wrap[aria-label="${name}"]`);
      const inner = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(inner <= 0, `the ${name} table overflows a 360 px phone by ${inner} px`);
    }
    const outer = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(outer <= 0, `the workout page overflows a 360 px phone by ${outer} px`);
  });

  test('previews a Strong CSV, imports it, and undoes it', async () => {
    await page.goto(`${server.baseUrl}/import`);
    await page.getByLabel('Choose a file').setInputFiles({ name: 'strong.csv', mimeType: 'text/csv', buffer: Buffer.from(strongCsv) });
    await page.getByRole('radio', { name: 'Strong' }).check();
    await page.getByRole('radio', { name: 'Kilograms (kg)' }).check();
    // The phone was in New York: 18:00 there on 1 April 2025 (EDT, UTC-4) is 22:00Z.
    await page.getByLabel('Times in the file are local times in').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Show what it will import' }).click();
    await page.getByRole('heading', { name: 'What strong.csv will import' }).waitFor();
    assert.equal((await figure(page, 'Sets')).trim(), String(expectedSets));
    assert.equal((await figure(page, 'Workouts')).trim(), '2');
    assert.equal((await figure(page, 'Already in your log')).trim(), '0');
    await page.getByText('Times are read as local times in America/New_York.').waitFor();
    await page.getByRole('row', { name: /^6 Weight/ }).waitFor();
    await checkPage(page, 'import-preview');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported', { exact: true }).waitFor();
    await page.getByText(`2 workouts with ${expectedSets} sets are in your log`, { exact: false }).waitFor();
    const listed = await page.evaluate(() => fetch('/api/v1/workouts?limit=50').then((r) => r.json()));
    const push = listed.items.find((w) => w.title === 'Push day');
    assert.equal(listed.items.filter((w) => w.title === 'Push day' || w.title === 'Leg day').length, 2);
    assert.equal(push.started_at, '2025-04-01T22:00:00.000Z');
    assert.equal(push.time_zone, 'America/New_York');

    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByRole('dialog', { name: 'Undo this import?' }).getByRole('button', { name: 'Delete imported workouts' }).click();
    await page.getByText('Import undone').waitFor();
    await page.goto(`${server.baseUrl}/workouts`);
    await page.getByRole('link', { name: /Morning run/ }).first().waitFor();
    assert.equal(await page.getByText('Push day').count(), 0, 'Push day is gone from the history');
    assert.equal(await page.getByText('Leg day').count(), 0, 'Leg day is gone from the history');
  });

  test('imports a Strong CSV twice and the second time skips what is in the log', async () => {
    await page.goto(`${server.baseUrl}/import`);
    await page.getByLabel('Choose a file').setInputFiles({ name: 'strong.csv', mimeType: 'text/csv', buffer: Buffer.from(strongCsv) });
    await page.getByRole('radio', { name: 'Strong' }).check();
    await page.getByLabel('Times in the file are local times in').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Show what it will import' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(`2 workouts with ${expectedSets} sets are in your log`, { exact: false }).waitFor();

    // The same file again: both workouts are in the log, so the preview skips them.
    await page.goto(`${server.baseUrl}/import`);
    await page.getByLabel('Choose a file').setInputFiles({ name: 'strong.csv', mimeType: 'text/csv', buffer: Buffer.from(strongCsv) });
    await page.getByRole('radio', { name: 'Strong' }).check();
    await page.getByLabel('Times in the file are local times in').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Show what it will import' }).click();
    await page.getByRole('heading', { name: 'What strong.csv will import' }).waitFor();
    assert.equal((await figure(page, 'Workouts')).trim(), '0');
    assert.equal((await figure(page, 'Already in your log')).trim(), '2');
    await page.getByRole('region', { name: '2 workouts are already in your log and will be skipped' }).waitFor();
    await page.getByRole('row', { name: /Push day already in your log/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);
    await checkPage(page, 'import-preview-skipped');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('a Strong CSV’s RPE and per-set notes show on the workout page, and the history marks the notes', async () => {
    const csv =
      'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n' +
      '2025-04-05 09:00:00,Pull day,50m,Deadlift (Barbell),1,140,5,0,0,Hook grip,Gym was packed,8.5\n' +
      '2025-04-05 09:00:00,Pull day,50m,Deadlift (Barbell),2,150,3,0,0,,Gym was packed,9\n';
    await page.goto(`${server.baseUrl}/import`);
    await page.getByLabel('Choose a file').setInputFiles({ name: 'pull.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('radio', { name: 'Strong' }).check();
    await page.getByRole('radio', { name: 'Kilograms (kg)' }).check();
    await page.getByLabel('Times in the file are local times in').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Show what it will import' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/1 workouts? with 2 sets (is|are) in your log/).waitFor();

    await page.goto(`${server.baseUrl}/workouts`);
    const line = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Pull day' }) });
    await line.getByText('Has notes').waitFor();
    await line.getByRole('link', { name: 'Pull day' }).click();
    const table = page.getByRole('table', { name: 'Sets of Barbell Deadlift' });
    await table.waitFor();
    const rows = await table.getByRole('row').allTextContents();
    assert.equal(rows.length, 3, rows.join(' | '));
    assert.match(rows[1], /^1140 kg × 5 reps.*Hook grip.*RPE 8\.5/);
    assert.equal(rows[2], '2150 kg × 3 repsNormalRPE 9Done');
    assert.doesNotMatch(rows[2], /Hook grip/);
    await page.getByText('Gym was packed').waitFor();
    await checkPage(page, 'imported-strong-rpe-notes');
  });

  test('shows an exercise with its muscles on the body diagram', async () => {
    await page.goto(`${server.baseUrl}/exercises`);
    await page.getByRole('searchbox', { name: 'Search exercises' }).fill('ben pre');
    await page.getByRole('link', { name: /^Barbell Bench Press/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Barbell Bench Press' }).waitFor();
    const front = page.locator('svg[data-view="front"]');
    await front.waitFor();
    assert.equal(await front.locator('[data-muscle="chest"][data-role="primary"]').count(), 1, 'chest is primary');
    assert.equal(await front.locator('[data-role="primary"]').count(), 1, 'only chest is primary');
    assert.ok((await front.locator('[data-muscle="triceps"], [data-muscle="front_delts"]').count()) >= 1);
    assert.equal(await page.locator('svg[data-view="back"] [data-muscle="triceps"][data-role="secondary"]').count(), 1);
    await page.getByText('Chest', { exact: true }).waitFor();
    await checkPage(page, 'exercise');
    await page.goto(`${server.baseUrl}/exercises`);
    await page.getByRole('link', { name: /^Barbell Bench Press/ }).first().waitFor({ state: 'attached' }).catch(() => undefined);
    await checkPage(page, 'exercise-browser');
    assert.deepEqual(pageErrors, []);
  });
});
