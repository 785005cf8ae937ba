// Journey "Record a run" with a map: an admin imports a GPX run and sees its route on a plain
// background; configures a tile server (a tiny one this test runs on 127.0.0.1, which draws
// every tile as a generated PNG and counts the requests) in the admin settings; the workout page
// then shows a Leaflet map whose tiles come from that server, with no CSP violation; removing
// the server brings the plain drawing back. The built app (web/dist) runs on the real binary.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { viewports } from './support/browser.mjs';
import { checkPage, openJourney } from './support/page.mjs';

const admin = { username: 'tess_tiles', email: 'tess@example.org', password: 'maps are worth a thousand runs', admin: true };

// --- A 256 x 256 PNG of one colour, written by hand (signature, IHDR, IDAT, IEND). ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function solidPng(size, [r, g, b]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const tilePng = solidPng(256, [205, 225, 205]);

/** Serves the PNG for any /z/x/y.png and remembers every tile asked for. */
async function startTileServer() {
  /** @type {string[]} */
  const requested = [];
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && /^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': tilePng.length });
      res.end(tilePng);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

// --- A 2 km run: 201 points 10 m apart heading north-east from Berlin, one every 3 s. ---
const runPoints = Array.from({ length: 201 }, (_, i) => ({
  lat: (52.5 + i * 0.000054).toFixed(7),
  lon: (13.4 + i * 0.000118).toFixed(7),
  time: new Date(Date.UTC(2025, 4, 3, 7, 0, 0) + i * 3000).toISOString(),
}));
const gpx = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="vigor-e2e" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Map run</name><type>running</type><trkseg>
${runPoints.map((p) => `<trkpt lat="${p.lat}" lon="${p.lon}"><time>${p.time}</time></trkpt>`).join('\n')}
</trkseg></trk></gpx>
`;

describe('map tiles', () => {
  let server;
  let tiles;
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let pageErrors = [];
  let workoutUrl = '';

  before(async () => {
    tiles = await startTileServer();
    journey = await openJourney({ user: admin, viewport: viewports.desktop });
    ({ server, page, pageErrors } = journey);

    await page.goto(`${server.baseUrl}/import`);
    await page.getByLabel('Choose a file').setInputFiles({ name: 'map-run.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpx) });
    await page.getByText('Imported', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Open the workout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Map run' }).waitFor();
    workoutUrl = page.url();
  });

  after(async () => {
    try {
      await journey?.close();
    } finally {
      await tiles?.close();
    }
  });

  test('without a tile server the route is drawn on a plain background', async () => {
    const response = await page.goto(workoutUrl);
    assert.doesNotMatch(response?.headers()['content-security-policy'] ?? '', /127\.0\.0\.1/);
    const svg = page.getByRole('img', { name: /Map of the route/ });
    await svg.waitFor();
    assert.ok(((await svg.locator('path.track-map__route').getAttribute('d')) ?? '').split('L').length > 100, 'the route has its points');
    assert.equal(await page.locator('.leaflet-container').count(), 0);
    assert.deepEqual(tiles.requested, []);
    assert.deepEqual(pageErrors, []);
  });

  test('an admin sets a tile server and the route is drawn on its tiles, within the CSP', async () => {
    await page.goto(`${server.baseUrl}/admin/settings`);
    const url = page.getByLabel('Tile URL template', { exact: true });
    // The server refuses a template without {y}; its field error shows at the input.
    await url.fill(`${tiles.origin}/{z}/{x}.png?y=1&{y`);
    await page.getByRole('button', { name: 'Save', exact: true }).nth(1).click();
    await page.locator('input[aria-invalid="true"]').waitFor();
    assert.match((await page.locator('.field__error').first().textContent()) ?? '', /placeholders|\{z\}, \{x\} and \{y\}/);

    await url.fill(`${tiles.origin}/{z}/{x}/{y}.png`);
    await page.getByLabel('Attribution', { exact: true }).fill('Tiles: e2e <test> server');
    await page.getByRole('button', { name: 'Save', exact: true }).nth(1).click();
    // Angle brackets are not plain text: refused, nothing saved.
    await page.getByText(/plain text/).waitFor();
    await page.getByLabel('Attribution', { exact: true }).fill('Tiles: e2e test server');
    await page.getByRole('button', { name: 'Save', exact: true }).nth(1).click();
    await page.getByText(/Map tiles saved/).waitFor();
    await checkPage(page, 'admin-map-tiles');

    // A page loaded from now on carries the tile server's origin in img-src, and nothing else new.
    const response = await page.goto(workoutUrl);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, new RegExp(`img-src 'self' data: blob: ${tiles.origin.replace(/\./g, '\\.')};`));
    assert.match(csp, /connect-src 'self';/);

    const map = page.getByRole('region', { name: /Map of the route/ });
    await map.waitFor();
    assert.match((await map.getAttribute('class')) ?? '', /leaflet-container/);
    await map.locator('img.leaflet-tile-loaded').first().waitFor();
    assert.ok(tiles.requested.length > 0, 'tiles were fetched from the tile server');
    const route = map.locator('path.tile-map__route');
    assert.match((await route.getAttribute('d')) ?? '', /^M[\d.-]+ [\d.-]+L/);
    assert.equal(await map.locator('path.tile-map__start').count(), 1);
    assert.equal(await map.locator('path.tile-map__finish').count(), 1);
    assert.equal((await map.locator('.leaflet-control-attribution').textContent())?.trim(), 'Tiles: e2e test server');
    // The fitted view: the whole route lies inside the map.
    const [mapBox, routeBox] = [await map.boundingBox(), await route.boundingBox()];
    assert.ok(mapBox && routeBox, 'boxes');
    assert.ok(routeBox.x >= mapBox.x - 1 && routeBox.x + routeBox.width <= mapBox.x + mapBox.width + 1, 'route fits horizontally');
    assert.ok(routeBox.y >= mapBox.y - 1 && routeBox.y + routeBox.height <= mapBox.y + mapBox.height + 1, 'route fits vertically');
    assert.equal(await page.getByRole('img', { name: /Map of the route/ }).count(), 0, 'no SVG drawing');
    await checkPage(page, 'activity-tile-map');
    // Console errors include CSP violations ("Refused to load ... Content Security Policy").
    assert.deepEqual(pageErrors, []);
  });

  test('removing the tile server brings the plain drawing back', async () => {
    await page.goto(`${server.baseUrl}/admin/settings`);
    await page.getByRole('button', { name: 'Remove tile server' }).click();
    await page.getByText(/Tile server removed/).waitFor();
    const before = tiles.requested.length;
    const response = await page.goto(workoutUrl);
    assert.doesNotMatch(response?.headers()['content-security-policy'] ?? '', /127\.0\.0\.1/);
    await page.getByRole('img', { name: /Map of the route/ }).waitFor();
    assert.equal(await page.locator('.leaflet-container').count(), 0);
    assert.equal(tiles.requested.length, before, 'no tile requested any more');
    assert.deepEqual(pageErrors, []);
  });
});
