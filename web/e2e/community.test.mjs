// Issue 13's acceptance, in two browsers: A asks to follow B on B's profile, B approves on the
// people page; of B's three workouts (public, followers, private) A's feed shows exactly the first
// two; A's kudos, comment and @mention reach B's open page live (no reload). Then a track that
// starts and ends in B's privacy zone: others get it without the points inside the zone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { checkPage, signIn } from './support/page.mjs';
import { createUser, startServer } from './support/server.mjs';

const userA = { username: 'ada', email: 'ada@example.com', password: 'correct horse battery staple' };
const userB = { username: 'bert', email: 'bert@example.com', password: 'another horse battery staple' };

/** A request of the signed-in page to the API, with the CSRF header; the answer's status and body (text when not JSON). */
async function call(page, method, apiPath, body, { contentType = 'application/json', headers = {} } = {}) {
  return page.evaluate(
    async ({ method, apiPath, body, contentType, headers }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
      const response = await fetch(apiPath, {
        method,
        headers: {
          ...(body == null ? {} : { 'Content-Type': contentType }),
          'X-CSRF-Token': decodeURIComponent(csrf),
          ...headers,
        },
        ...(body == null ? {} : { body: contentType === 'application/json' ? JSON.stringify(body) : body }),
      });
      const text = await response.text();
      let parsed = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // GPX and other non-JSON answers stay text.
      }
      return { status: response.status, body: parsed };
    },
    { method, apiPath, body, contentType, headers },
  );
}

/** Great-circle distance in metres (haversine, mean Earth radius), worked out here, not by the server. */
function haversineM(lat1, lon1, lat2, lon2) {
  const rad = (d) => (d * Math.PI) / 180;
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

describe('community (issue 13 acceptance)', () => {
  let server;
  const browsers = [];
  let pageA;
  let pageB;
  let errorsA;
  let errorsB;

  before(async () => {
    server = await startServer({
      prepare: (where) => {
        createUser({ ...where, ...userA });
        createUser({ ...where, ...userB });
      },
      args: ['--access-log', 'false'],
    });
    for (const [user, assign] of [
      [userA, (p, e) => ((pageA = p), (errorsA = e))],
      [userB, (p, e) => ((pageB = p), (errorsB = e))],
    ]) {
      const browser = await launchBrowser();
      browsers.push(browser);
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);
      await page.setViewportSize(viewports.desktop);
      await signIn(page, server.baseUrl, user);
      assign(page, errors);
    }
  });

  after(async () => {
    for (const browser of browsers) await browser.close().catch(() => {});
    await server?.stop();
  });

  test('follow with approval, a feed of what A may see, kudos, comment and mention live to B', async () => {
    // A asks to follow B on B's profile (B requires approval: the default).
    await pageA.goto(`${server.baseUrl}/u/${userB.username}`);
    await pageA.getByRole('button', { name: 'Ask to follow', exact: true }).click();
    await pageA.getByRole('button', { name: 'Requested — cancel', exact: true }).waitFor();
    await checkPage(pageA, 'community-profile');

    // B sees the request on the people page and approves it.
    await pageB.goto(`${server.baseUrl}/community/people`);
    const requests = pageB.locator('section', { has: pageB.getByRole('heading', { name: 'Follow requests', exact: true }) });
    await requests.getByText(userA.username).first().waitFor();
    await requests.getByRole('button', { name: 'Approve', exact: true }).click();
    await requests.getByText('No one is asking to follow you.').waitFor();
    await pageA.reload();
    await pageA.getByRole('button', { name: 'Unfollow', exact: true }).waitFor();

    // B logs three workouts, one of each visibility.
    const titles = { public: 'Hill sprints for everyone', followers: 'Tempo run for followers', private: 'Secret recovery jog' };
    let hour = 6;
    for (const [visibility, title] of Object.entries(titles)) {
      hour += 1;
      const made = await call(pageB, 'POST', '/api/v1/workouts', {
        title,
        visibility,
        started_at: `2026-12-01T${String(hour).padStart(2, '0')}:00:00Z`,
        ended_at: `2026-12-01T${String(hour).padStart(2, '0')}:40:00Z`,
        blocks: [{ exercise_id: 'barbell-back-squat', sets: [{ set_type: 'normal', weight_kg: 80, reps: 5, done: true }] }],
      }, { headers: { 'Idempotency-Key': `community-${visibility}` } });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal(made.body.visibility, visibility);
    }

    // B's page is open on the notifications list before A acts.
    await pageB.goto(`${server.baseUrl}/notifications`);
    await pageB.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const bell = pageB.getByRole('link', { name: /^Notifications/ }).first();
    const bellBefore = await bell.getAttribute('aria-label');

    // A's feed: exactly the public and the followers-only workout.
    await pageA.goto(`${server.baseUrl}/community`);
    const cardTitles = pageA.locator('.feed-card__title');
    await pageA.getByRole('heading', { level: 2, name: titles.public }).waitFor();
    await pageA.getByRole('heading', { level: 2, name: titles.followers }).waitFor();
    assert.deepEqual((await cardTitles.allTextContents()).sort(), [titles.followers, titles.public].sort());
    await checkPage(pageA, 'community-feed');

    // Kudos on the public one, and a comment with a mention of B.
    const card = pageA.locator('.feed-card', { has: pageA.getByRole('heading', { level: 2, name: titles.public }) });
    await card.getByRole('button', { name: 'Kudos · 0' }).click();
    await card.getByRole('button', { name: 'Kudos · 1' }).waitFor();
    await card.getByRole('button', { name: '0 comments' }).click();
    await card.getByLabel('Write a comment').fill(`Great pace @${userB.username} <script>alert(1)</script> **fast** [x](javascript:alert(1))`);
    await card.getByRole('button', { name: 'Send', exact: true }).click();
    await card.locator('.comment-list li').first().waitFor();
    // Hostile input stays text in the browser: no script element, no javascript: link, bold works.
    const shown = card.locator('.comment-list li').first();
    await shown.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
    assert.equal(await shown.locator('script').count(), 0);
    assert.equal(await shown.locator('a[href^="javascript"]').count(), 0);
    assert.equal(await shown.locator('strong', { hasText: 'fast' }).count(), 1);

    // B's page, never reloaded, gets the notifications live.
    await pageB.getByText(`${userA.username} gave you kudos`).waitFor({ timeout: 15_000 });
    await pageB.getByText(`${userA.username} commented`).waitFor({ timeout: 15_000 });
    // The owner hears of a comment on their item once (as a comment, not again as a mention); a
    // mention of B on A's own public workout reaches B as a mention.
    const ownOfA = await call(pageA, 'POST', '/api/v1/workouts', {
      title: 'Ada long run',
      visibility: 'public',
      started_at: '2026-12-01T05:00:00Z',
      ended_at: '2026-12-01T06:00:00Z',
      blocks: [{ exercise_id: 'barbell-back-squat', sets: [{ set_type: 'normal', weight_kg: 60, reps: 5, done: true }] }],
    }, { headers: { 'Idempotency-Key': 'community-ada' } });
    assert.equal(ownOfA.status, 201, JSON.stringify(ownOfA.body));
    await pageA.reload();
    const cardOfA = pageA.locator('.feed-card', { has: pageA.getByRole('heading', { level: 2, name: 'Ada long run' }) });
    await cardOfA.getByRole('button', { name: '0 comments' }).click();
    await cardOfA.getByLabel('Write a comment').fill(`Join me next time, @${userB.username}`);
    await cardOfA.getByRole('button', { name: 'Send', exact: true }).click();
    await cardOfA.locator('.comment-list li').first().waitFor();
    await pageB.getByText(`${userA.username} mentioned you`).waitFor({ timeout: 15_000 });
    assert.equal(await pageB.getByText(`${userA.username} mentioned you`).count(), 1);
    assert.equal(await pageB.getByText(`${userA.username} commented`).count(), 1);
    const bellAfter = await bell.getAttribute('aria-label');
    assert.notEqual(bellAfter, bellBefore, 'the bell count changed without a reload');
    assert.match(bellAfter, /unread/);

    // On the server: the comment's HTML has the mention and nothing unsafe.
    const feed = await call(pageA, 'GET', '/api/v1/feed');
    assert.equal(feed.status, 200, JSON.stringify(feed.body));
    const item = feed.body.items.find((i) => i.summary?.title === titles.public);
    assert.ok(item, 'the public workout is in the feed');
    assert.deepEqual(
      feed.body.items.filter((i) => i.owner.username === userB.username).map((i) => i.summary?.title).sort(),
      [titles.followers, titles.public].sort(),
    );
    const comments = await call(pageA, 'GET', `/api/v1/feed-items/${item.id}/comments`);
    assert.equal(comments.status, 200, JSON.stringify(comments.body));
    assert.equal(comments.body.items.length, 1);
    const html = comments.body.items[0].body_html;
    // The contract renders markdown-lite only (strong, em, br, http(s) links): the mention stays text.
    assert.ok(html.startsWith(`Great pace @${userB.username} `), html);
    assert.doesNotMatch(html, /<script/i, html);
    assert.match(html, /&lt;script&gt;/, html);
    assert.match(html, /<strong>fast<\/strong>/, html);
    assert.doesNotMatch(html, /href="javascript/i, html);

    assert.deepEqual(errorsA, []);
    assert.deepEqual(errorsB, []);
  });

  test('a track that starts and ends in a privacy zone reaches others without those points', async () => {
    const zone = { name: 'Home', latitude: 52.52, longitude: 13.405, radius_m: 200 };
    const made = await call(pageB, 'POST', '/api/v1/me/privacy-zones', zone);
    assert.equal(made.status, 201, JSON.stringify(made.body));

    // Out 1.5 km to the north-east and back: the first and last points at the zone's centre.
    const points = Array.from({ length: 201 }, (_, i) => {
      const out = i <= 100 ? i : 200 - i;
      return {
        lat: (zone.latitude + out * 0.0001).toFixed(7),
        lon: (zone.longitude + out * 0.00012).toFixed(7),
        time: new Date(Date.UTC(2026, 11, 2, 7, 0, 0) + i * 4000).toISOString(),
      };
    });
    const inZone = (p) => haversineM(zone.latitude, zone.longitude, Number(p.lat), Number(p.lon)) <= zone.radius_m;
    assert.ok(inZone(points[0]) && inZone(points[200]) && !inZone(points[100]), 'the test track is what it claims');
    const gpx = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="vigor-e2e" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Home loop</name><type>running</type><trkseg>
${points.map((p) => `<trkpt lat="${p.lat}" lon="${p.lon}"><ele>40</ele><time>${p.time}</time></trkpt>`).join('\n')}
</trkseg></trk></gpx>
`;
    // New workouts public by default, so that the import is public.
    const settings = await call(pageB, 'GET', '/api/v1/me/privacy');
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    const put = await call(pageB, 'PUT', '/api/v1/me/privacy', { ...settings.body, workouts: 'public', sports: {} });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    const started = await call(pageB, 'POST', '/api/v1/imports?format=gpx&name=home-loop.gpx', gpx, { contentType: 'application/gpx+xml' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    let imported = started.body;
    for (let i = 0; i < 100 && imported.status !== 'succeeded' && imported.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      imported = (await call(pageB, 'GET', `/api/v1/imports/${started.body.id}`)).body;
    }
    assert.equal(imported.status, 'succeeded', JSON.stringify(imported));
    const workoutId = imported.result.workout_id;
    const own = await call(pageB, 'GET', `/api/v1/workouts/${workoutId}`);
    assert.equal(own.body.visibility, 'public', JSON.stringify(own.body));

    /** Every [lat, lon] in a track answer, whatever its shape (points, or GeoJSON coordinates). */
    const latLons = (body) => {
      const found = [];
      const walk = (v) => {
        if (Array.isArray(v)) {
          if (v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Math.abs(v[0]) <= 180) {
            found.push([v[1], v[0]]); // GeoJSON: [lon, lat]
          } else v.forEach(walk);
        } else if (v && typeof v === 'object') {
          const lat = v.lat ?? v.latitude;
          const lon = v.lon ?? v.lng ?? v.longitude;
          if (typeof lat === 'number' && typeof lon === 'number') found.push([lat, lon]);
          else Object.values(v).forEach(walk);
        }
      };
      walk(body);
      return found;
    };
    const near = ([lat, lon]) => haversineM(zone.latitude, zone.longitude, lat, lon) <= zone.radius_m;

    const ownTrack = await call(pageB, 'GET', `/api/v1/workouts/${workoutId}/track`);
    assert.equal(ownTrack.status, 200, JSON.stringify(ownTrack.body));
    const ownPoints = latLons(ownTrack.body);
    assert.ok(ownPoints.length > 100, `own track has its points (${ownPoints.length})`);
    assert.ok(ownPoints.some(near), 'B sees the points inside the zone');

    const othersTrack = await call(pageA, 'GET', `/api/v1/users/${userB.username}/workouts/${workoutId}/track`);
    assert.equal(othersTrack.status, 200, JSON.stringify(othersTrack.body));
    const othersPoints = latLons(othersTrack.body);
    assert.ok(othersPoints.length > 50, `A sees the part outside the zone (${othersPoints.length})`);
    assert.deepEqual(othersPoints.filter(near), [], 'no point of A\'s track lies in B\'s zone');

    const othersGpx = await call(pageA, 'GET', `/api/v1/users/${userB.username}/workouts/${workoutId}/gpx`);
    assert.equal(othersGpx.status, 200, String(othersGpx.body).slice(0, 300));
    const gpxPoints = [...String(othersGpx.body).matchAll(/<trkpt[^>]*lat="([-\d.]+)"[^>]*lon="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.ok(gpxPoints.length > 50, `A's GPX has the part outside the zone (${gpxPoints.length})`);
    assert.deepEqual(gpxPoints.filter(near), [], 'no point of A\'s GPX lies in B\'s zone');
  });
});
