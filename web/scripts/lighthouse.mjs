#!/usr/bin/env node
// Lighthouse scores of the built app (web/dist) served by the real server binary, written as the
// "## Lighthouse" section of bench/RESULTS.md (the other sections stay). `make lighthouse` runs
// it; it takes a few minutes, so neither `make test` nor `make bench` does.
//
// Pages: the landing page and sign-in (signed out), and Today (signed in: Lighthouse sends the
// session cookie of a user signed in through the API beforehand, with a workout in the log).
// Each page is measured RUNS times (3): performance is noisy on a shared machine (68-74 on the
// same page in /work/shared/toolchain.md), so the median of the runs is recorded, with the range.
// Lighthouse's default (mobile) settings: a phone's screen, simulated slow 4G and a 4x slower CPU.
//
// Usage: node scripts/lighthouse.mjs [--runs N] [--results PATH] [--bin PATH] [--reports DIR]
// --reports keeps every run's full JSON report in DIR, for reading what costs the points.
// CHROME_PATH picks the browser (default /usr/bin/chromium).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createUser, startServer, vigorBin, webDir } from '../e2e/support/server.mjs';

const argv = process.argv.slice(2);
function option(name, fallback) {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : fallback;
}
const RUNS = Number(option('--runs', '3'));
const resultsPath = path.resolve(option('--results', path.join(webDir, '..', 'bench', 'RESULTS.md')));
const bin = path.resolve(option('--bin', vigorBin()));
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const lighthouseBin = path.join(webDir, 'node_modules', '.bin', 'lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const reportsDir = option('--reports', '');
/** The measurements behind the performance score: audit id, heading, unit. */
const METRICS = [
  ['first-contentful-paint', 'First contentful paint', 'ms'],
  ['largest-contentful-paint', 'Largest contentful paint', 'ms'],
  ['total-blocking-time', 'Total blocking time', 'ms'],
  ['cumulative-layout-shift', 'Cumulative layout shift', ''],
  ['speed-index', 'Speed index', 'ms'],
];

const user = { username: 'lena_lighthouse', email: 'lena@example.org', password: 'measure twice, ship once' };

if (!existsSync(lighthouseBin)) {
  console.error('lighthouse: not installed; run `npm ci` in web/ (it is a pinned devDependency)');
  process.exit(2);
}

/** Signs `user` in through the API; returns the Cookie header a browser would send after. */
async function signInCookies(baseUrl) {
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${baseUrl}/api/v1/meta`));
  const csrf = decodeURIComponent(jar.get('vigor_csrf') ?? '');
  const post = async (apiPath, body) => {
    const response = await fetch(`${baseUrl}/api/v1${apiPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Cookie: cookieHeader() },
      body: JSON.stringify(body),
    });
    keep(response);
    if (!response.ok) throw new Error(`POST ${apiPath}: ${response.status} ${await response.text()}`);
    return response;
  };
  await post('/auth/login', { login: user.username, password: user.password });
  // Sign-in may renew the CSRF cookie; what the browser holds now is what Lighthouse sends.
  const renewed = decodeURIComponent(jar.get('vigor_csrf') ?? csrf);
  const response = await fetch(`${baseUrl}/api/v1/workouts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': renewed, Cookie: cookieHeader() },
    body: JSON.stringify({
      title: 'Bench day',
      started_at: new Date(Date.now() - 2 * 3600_000).toISOString(),
      ended_at: new Date(Date.now() - 3600_000).toISOString(),
      blocks: [{ exercise_id: 'barbell-bench-press', sets: [{ set_type: 'normal', weight_kg: 80, reps: 5, done: true }] }],
    }),
  });
  if (response.status !== 201) throw new Error(`POST /workouts: ${response.status} ${await response.text()}`);
  return cookieHeader();
}

let reportCount = 0;

/** One Lighthouse run; returns the category scores (0-100). */
async function lighthouse(url, workDir, extraHeaders) {
  const report = path.join(workDir, 'report.json');
  const args = [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
  ];
  if (extraHeaders) {
    const headersFile = path.join(workDir, 'headers.json');
    await writeFile(headersFile, JSON.stringify(extraHeaders));
    args.push(`--extra-headers=${headersFile}`);
  }
  await promisify(execFile)(lighthouseBin, args, {
    env: { ...process.env, CHROME_PATH: chromePath },
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = await readFile(report, 'utf8');
  if (reportsDir) {
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(path.join(reportsDir, `${++reportCount}-${new URL(url).pathname.replace(/\W+/g, '_')}${extraHeaders ? '-signed-in' : ''}.json`), text);
  }
  const result = JSON.parse(text);
  if (result.runtimeError) throw new Error(`${url}: ${result.runtimeError.code} ${result.runtimeError.message}`);
  const landedOn = new URL(result.finalDisplayedUrl).pathname;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.categories[c]?.score ?? NaN) * 100)]));
  const failingIn = (category) =>
    Object.values(result.categories[category].auditRefs)
      .filter((ref) => ref.weight > 0)
      .map((ref) => result.audits[ref.id])
      .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
      .map((audit) => audit.id);
  // Who the page was for: GET /api/v1/me answers 200 signed in, 401 signed out.
  const meStatus = result.audits['network-requests']?.details?.items?.find((r) => new URL(r.url).pathname === '/api/v1/me')?.statusCode;
  const metrics = Object.fromEntries(METRICS.map(([id]) => [id, result.audits[id]?.numericValue ?? NaN]));
  return {
    scores,
    metrics,
    landedOn,
    meStatus,
    failing: failingIn('accessibility'),
    failingPractices: failingIn('best-practices'),
    version: result.lighthouseVersion,
    chrome: result.environment?.hostUserAgent,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const started = Date.now();
const server = await startServer({
  bin,
  prepare: (where) => createUser({ ...where, ...user }),
  args: ['--access-log', 'false', '--log-level', 'warn'],
});
const workDir = await mkdtemp(path.join(os.tmpdir(), 'vigor-lighthouse-'));
const rows = [];
let environment = {};
try {
  const cookie = await signInCookies(server.baseUrl);
  const pages = [
    { name: 'Landing', path: '/', signedIn: false },
    { name: 'Sign in', path: '/login', signedIn: false },
    { name: 'Today (signed in)', path: '/', signedIn: true },
  ];
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await lighthouse(`${server.baseUrl}${page.path}`, workDir, page.signedIn ? { Cookie: cookie } : undefined);
      if (run.landedOn !== page.path) throw new Error(`${page.name}: ended on ${run.landedOn}, not ${page.path}`);
      if (run.meStatus !== (page.signedIn ? 200 : 401)) throw new Error(`${page.name}: GET /api/v1/me answered ${run.meStatus}`);
      console.log(`${page.name} run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${run.scores[c]}`).join(', ')}`);
      runs.push(run);
      environment = { version: run.version, chrome: run.chrome };
    }
    rows.push({ page, runs });
  }
} finally {
  await server.stop();
  await rm(workDir, { recursive: true, force: true });
}

// --- the section of bench/RESULTS.md ---
let commit = 'unknown';
try {
  commit = (await promisify(execFile)('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: webDir })).stdout.trim();
} catch {
  // not a checkout: leave it unknown
}
const chromium = /Chrome\/([\d.]+)/.exec(environment.chrome ?? '')?.[1] ?? 'unknown';
const cell = (runs, category) => {
  const values = runs.map((r) => r.scores[category]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return `${median(values)}${low === high ? '' : ` (${low}-${high})`}`;
};
const lines = [
  '## Lighthouse',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, ${os.cpus().length} CPUs, load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
  `- Lighthouse ${environment.version} (web/package.json) with Debian's Chromium ${chromium}, headless; default mobile settings (simulated slow 4G, 4x CPU slowdown); the built app (web/dist) served by \`vigor serve\` on SQLite over loopback`,
  `- ${RUNS} runs a page; each cell is the median, with the range when the runs differ. Performance is noisy on a shared machine: compare medians of runs on the same machine`,
  `- Run with \`make lighthouse\` (${Math.round((Date.now() - started) / 1000)} s this time; not part of \`make test\` or \`make bench\`)`,
  '',
  '| Page | Performance | Accessibility | Best practices | Audits failing (accessibility; best practices) |',
  '| --- | ---: | ---: | ---: | --- |',
  ...rows.map(({ page, runs }) => {
    const list = (key) => [...new Set(runs.flatMap((r) => r[key]))].join(', ') || 'none';
    return `| ${page.name} \`${page.path}\` | ${cell(runs, 'performance')} | ${cell(runs, 'accessibility')} | ${cell(runs, 'best-practices')} | ${list('failing')}; ${list('failingPractices')} |`;
  }),
  '',
  'What the performance score is made of (medians of the same runs, simulated):',
  '',
  `| Page | ${METRICS.map(([, heading]) => heading).join(' | ')} |`,
  `| --- |${METRICS.map(() => ' ---: |').join('')}`,
  ...rows.map(({ page, runs }) => {
    const cells = METRICS.map(([id, , unit]) => {
      const value = median(runs.map((r) => r.metrics[id]));
      return unit === 'ms' ? `${Math.round(value).toLocaleString('en-US')} ms` : value.toFixed(3);
    });
    return `| ${page.name} \`${page.path}\` | ${cells.join(' | ')} |`;
  }),
  '',
];
const section = lines.join('\n');
const old = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Vigor benchmark results\n';
const kept = old.replace(/^## Lighthouse\n[\s\S]*?(?=^## |(?![\s\S]))/m, '').trimEnd();
writeFileSync(resultsPath, `${kept}\n\n${section}`);
console.log(`\n${section}\nwritten to ${resultsPath}`);
