// Every page of the app, signed out and signed in (an admin with a strength workout, a GPX run
// with its track, a routine, a weight and a goal), at phone (360x740), tablet (768x1024) and desktop
// (1440x900) size: no sideways scrolling (naming the element that sticks out furthest), no
// serious or critical axe violation, no console error or uncaught exception, and every /api/
// answer as api/openapi.yaml says. The list of pages is read from the app's route table
// (src/app/routes.tsx with the paths of src/app/paths.ts): a route without a visit recipe below
// fails the first test, so a new page cannot go unchecked. The built app (web/dist) runs on the
// real server binary; one browser page visits everything, resized for each size.
//
// On SQLite only: what it checks is the web app's (layout, accessibility, the browser's console),
// the same whichever database answers, and it is the longest journey (about 3 minutes). What the
// database could change, the answers of every route, the C++ tests check on both (the
// authorization and privacy matrices walk every route), and every other journey runs on both.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seriousA11yViolationsInDocument } from './support/axe.mjs';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { signIn } from './support/page.mjs';
import { backend, createUser, startServer, webDir } from './support/server.mjs';

const admin = { username: 'ada_admin', email: 'ada@example.org', password: 'every page at every size', admin: true };

/** The three sizes of the issue, in the order they are checked. */
const sizes = { phone: viewports.phone, tablet: viewports.tablet, desktop: viewports.desktop };

/**
 * The route patterns of the app: `path: paths.NAME` in routes.tsx, resolved through paths.ts,
 * `index: true` as "/", and "*" (not found). Read as text: Node runs neither TypeScript nor JSX.
 */
function appRoutes() {
  const pathsSource = readFileSync(path.join(webDir, 'src/app/paths.ts'), 'utf8');
  const block = /export const paths = \{([\s\S]*?)\} as const/.exec(pathsSource)?.[1];
  assert.ok(block, 'paths.ts: `export const paths = { ... } as const` not found');
  const pathOf = Object.fromEntries([...block.matchAll(/^\s*(\w+): '([^']+)'/gm)].map((m) => [m[1], m[2]]));
  const routesSource = readFileSync(path.join(webDir, 'src/app/routes.tsx'), 'utf8');
  const found = new Set();
  if (/\bindex: true\b/.test(routesSource)) found.add('/');
  for (const [, expression] of routesSource.matchAll(/\bpath: ([^,\n}]+)/g)) {
    const named = /^paths\.(\w+)$/.exec(expression.trim());
    const literal = /^'([^']*)'$/.exec(expression.trim());
    assert.ok(named || literal, `routes.tsx: a route path this test cannot read: ${expression}`);
    const pattern = named ? pathOf[named[1]] : literal[1];
    assert.ok(pattern, `routes.tsx: paths.${named?.[1]} is not in paths.ts`);
    found.add(pattern);
  }
  return [...found];
}

/**
 * How to visit each route: who (signed out, or the signed-in admin with data), which address
 * (ids come from the data made in before()), and what shows once the page has its data.
 * @typedef {{ name: string, who: 'visitor' | 'admin', url: (data: Record<string, string>) => string,
 *   ready?: (page: import('playwright-core').Page) => import('playwright-core').Locator }} Visit
 * @type {Record<string, Visit[]>}
 */
const recipes = {
  '/': [
    { name: 'landing', who: 'visitor', url: () => '/' },
    // The dashboard (GET /api/v1/dashboard) is drawn: axe and the screenshots see it, not its spinner.
    { name: 'today', who: 'admin', url: () => '/', ready: (p) => p.getByRole('heading', { level: 2, name: 'Training calendar' }) },
  ],
  '/signup': [{ name: 'signup', who: 'visitor', url: () => '/signup' }],
  '/login': [{ name: 'login', who: 'visitor', url: () => '/login' }],
  '/verify-email': [{ name: 'verify-email', who: 'visitor', url: () => '/verify-email?token=not-a-real-token' }],
  '/forgot-password': [{ name: 'forgot-password', who: 'visitor', url: () => '/forgot-password' }],
  '/reset-password': [{ name: 'reset-password', who: 'visitor', url: () => '/reset-password?token=not-a-real-token' }],
  '/settings/security': [{ name: 'security', who: 'admin', url: () => '/settings/security' }],
  '/admin/users': [
    { name: 'admin-users', who: 'admin', url: () => '/admin/users', ready: (p) => p.getByText(admin.email).first() },
  ],
  '/admin/settings': [{ name: 'admin-settings', who: 'admin', url: () => '/admin/settings' }],
  '/log': [{ name: 'log', who: 'admin', url: () => '/log' }],
  '/log/active': [{ name: 'log-active', who: 'admin', url: () => '/log/active' }],
  '/log/cardio': [{ name: 'log-cardio', who: 'admin', url: () => '/log/cardio' }],
  '/workouts': [
    { name: 'history', who: 'admin', url: () => '/workouts', ready: (p) => p.getByText('Bench day').first() },
  ],
  '/workouts/:id': [
    {
      name: 'workout-strength',
      who: 'admin',
      url: (d) => `/workouts/${d.strengthId}`,
      ready: (p) => p.getByRole('heading', { level: 1, name: 'Bench day' }),
    },
    {
      name: 'workout-cardio-track',
      who: 'admin',
      url: (d) => `/workouts/${d.cardioId}`,
      ready: (p) => p.getByRole('img', { name: /Map of the route/ }),
    },
  ],
  '/routines': [
    { name: 'routines', who: 'admin', url: () => '/routines', ready: (p) => p.getByText('Leg day').first() },
  ],
  '/routines/new': [{ name: 'routine-new', who: 'admin', url: () => '/routines/new' }],
  '/routines/:id': [
    {
      name: 'routine-edit',
      who: 'admin',
      url: (d) => `/routines/${d.routineId}`,
      ready: (p) => p.locator('input[value="Leg day"]').first(),
    },
  ],
  '/programs': [{ name: 'programs', who: 'admin', url: () => '/programs' }],
  '/templates': [{ name: 'templates', who: 'admin', url: () => '/templates' }],
  '/body': [{ name: 'body', who: 'admin', url: () => '/body' }],
  '/me': [{ name: 'me', who: 'admin', url: () => '/me' }],
  '/import': [{ name: 'import', who: 'admin', url: () => '/import' }],
  '/exercises': [{ name: 'exercises', who: 'admin', url: () => '/exercises' }],
  '/exercises/:id': [{ name: 'exercise', who: 'admin', url: () => '/exercises/barbell-bench-press' }],
  '/exercises/:id/progress': [
    {
      name: 'exercise-progress',
      who: 'admin',
      url: () => '/exercises/barbell-bench-press/progress',
      ready: (p) => p.getByRole('figure', { name: 'How has my estimated one-rep max changed?' }),
    },
  ],
  '/sports/:sport': [
    { name: 'sport', who: 'admin', url: () => '/sports/run', ready: (p) => p.getByRole('heading', { name: 'Best efforts' }) },
  ],
  '/records': [
    { name: 'records', who: 'admin', url: () => '/records', ready: (p) => p.getByRole('link', { name: 'Barbell Bench Press' }) },
  ],
  '/goals': [{ name: 'goals', who: 'admin', url: () => '/goals', ready: (p) => p.getByRole('link', { name: 'Run 20 km a month' }) }],
  '/goals/new': [{ name: 'goal-new', who: 'admin', url: () => '/goals/new' }],
  '/goals/:id': [
    {
      name: 'goal',
      who: 'admin',
      url: (d) => `/goals/${d.goalId}`,
      ready: (p) => p.getByRole('heading', { level: 2, name: 'Past periods' }),
    },
  ],
  '/goals/:id/edit': [
    {
      name: 'goal-edit',
      who: 'admin',
      url: (d) => `/goals/${d.goalId}/edit`,
      ready: (p) => p.locator('input[value="Run 20 km a month"]').first(),
    },
  ],
  '/food': [{ name: 'food', who: 'admin', url: () => '/food' }],
  '/food/:date': [
    { name: 'food-day', who: 'admin', url: () => '/food/2025-05-01', ready: (p) => p.getByText('Egg fried rice').first() },
  ],
  '/food/recipes': [
    { name: 'food-recipes', who: 'admin', url: () => '/food/recipes', ready: (p) => p.getByText('Egg fried rice').first() },
  ],
  '/food/recipes/new': [{ name: 'food-recipe-new', who: 'admin', url: () => '/food/recipes/new' }],
  '/food/recipes/:id': [
    {
      name: 'food-recipe',
      who: 'admin',
      url: (d) => `/food/recipes/${d.recipeId}`,
      ready: (p) => p.getByRole('heading', { level: 1, name: 'Egg fried rice' }),
    },
  ],
  '/food/recipes/:id/edit': [
    {
      name: 'food-recipe-edit',
      who: 'admin',
      url: (d) => `/food/recipes/${d.recipeId}/edit`,
      ready: (p) => p.locator('input[value="Egg fried rice"]').first(),
    },
  ],
  '/food/foods/new': [{ name: 'food-new', who: 'admin', url: () => '/food/foods/new?barcode=4006381333931' }],
  '/food/foods/:id/edit': [
    {
      name: 'food-edit',
      who: 'admin',
      url: (d) => `/food/foods/${d.foodId}/edit`,
      ready: (p) => p.locator('input[value="Granola bar"]').first(),
    },
  ],
  '/food/targets': [{ name: 'food-targets', who: 'admin', url: () => '/food/targets' }],
  '/food/day/:date/nutrients': [
    { name: 'food-nutrients', who: 'admin', url: () => '/food/day/2025-05-01/nutrients', ready: (p) => p.getByText('Protein').first() },
  ],
  '/food/week': [
    { name: 'food-week', who: 'admin', url: () => '/food/week?date=2025-05-01', ready: (p) => p.getByRole('heading', { level: 1 }).first() },
  ],
  '/notifications': [
    { name: 'notifications', who: 'admin', url: () => '/notifications', ready: (p) => p.getByRole('heading', { level: 1 }).first() },
  ],
  '/settings/notifications': [
    {
      name: 'notification-settings',
      who: 'admin',
      url: () => '/settings/notifications',
      ready: (p) => p.getByRole('checkbox').first(),
    },
  ],
  // Moderation: an empty queue and no decisions (reports need the kinds other features register).
  '/admin/moderation': [
    {
      name: 'admin-moderation',
      who: 'admin',
      url: () => '/admin/moderation',
      ready: (p) => p.getByText('No open reports. Nothing to do.'),
    },
  ],
  '/settings/moderation': [
    {
      name: 'moderation-settings',
      who: 'admin',
      url: () => '/settings/moderation',
      ready: (p) => p.getByText('Moderators have decided nothing about your content or account.'),
    },
  ],
  '/community/people': [
    { name: 'community-people', who: 'admin', url: () => '/community/people', ready: (p) => p.getByRole('heading', { level: 2, name: 'Muted' }) },
  ],
  '/u/:username': [
    { name: 'user-profile', who: 'admin', url: () => `/u/${admin.username}`, ready: (p) => p.getByText(`@${admin.username}`).first() },
  ],
  '/settings/privacy': [
    { name: 'privacy-settings', who: 'admin', url: () => '/settings/privacy', ready: (p) => p.getByRole('heading', { level: 2, name: 'Privacy zones' }) },
  ],
  '/settings/profile': [
    { name: 'profile-settings', who: 'admin', url: () => '/settings/profile', ready: (p) => p.getByRole('heading', { level: 2, name: 'Profile picture' }) },
  ],
  '/community': [
    { name: 'community', who: 'admin', url: () => '/community', ready: (p) => p.getByRole('heading', { level: 1, name: 'Community' }) },
  ],
  // Another user's workout as the server lets the viewer see it (here the owner's own, through
  // the shared path), and the bulk change of who sees past items.
  '/u/:username/workouts/:id': [
    {
      name: 'user-workout',
      who: 'admin',
      url: (d) => `/u/${admin.username}/workouts/${d.strengthId}`,
      ready: (p) => p.getByRole('heading', { level: 1, name: 'Bench day' }),
    },
  ],
  '/settings/privacy/visibility': [{ name: 'privacy-visibility', who: 'admin', url: () => '/settings/privacy/visibility' }],
  '/community/challenges': [
    { name: 'challenges', who: 'admin', url: () => '/community/challenges', ready: (p) => p.getByText('Pages month run').first() },
  ],
  '/community/challenges/new': [{ name: 'challenge-new', who: 'admin', url: () => '/community/challenges/new' }],
  '/community/challenges/:id': [
    {
      name: 'challenge',
      who: 'admin',
      url: (d) => `/community/challenges/${d.challengeId}`,
      ready: (p) => p.getByRole('table').first(),
    },
  ],
  '/community/clubs': [
    { name: 'clubs', who: 'admin', url: () => '/community/clubs', ready: (p) => p.getByText('Pages runners').first() },
  ],
  '/community/clubs/new': [{ name: 'club-new', who: 'admin', url: () => '/community/clubs/new' }],
  '/community/clubs/:id': [
    {
      name: 'club',
      who: 'admin',
      url: (d) => `/community/clubs/${d.clubId}`,
      ready: (p) => p.getByText('First run on Sunday').first(),
    },
  ],
  '*': [
    { name: 'not-found-signed-out', who: 'visitor', url: () => '/no-such-page' },
    { name: 'not-found-signed-in', who: 'admin', url: () => '/no-such-page' },
  ],
  // Client apps (issue 14, apps): the admin's registered app; the consent and device pages with a
  // request and a code that do not exist (the flow itself is the e2e lane's test).
  '/settings/apps': [
    { name: 'developer-apps', who: 'admin', url: () => '/settings/apps', ready: (p) => p.getByText('Pages app').first() },
  ],
  '/settings/apps/:id': [
    {
      name: 'developer-app',
      who: 'admin',
      url: (d) => `/settings/apps/${d.appClientId}`,
      ready: (p) => p.getByRole('heading', { level: 1, name: 'Pages app' }),
    },
  ],
  '/settings/connected-apps': [{ name: 'connected-apps', who: 'admin', url: () => '/settings/connected-apps' }],
  '/oauth/consent': [
    {
      name: 'oauth-consent-unknown',
      who: 'admin',
      url: () => '/oauth/consent?request=no-such-request',
      ready: (p) => p.getByText('This request has expired or does not exist'),
    },
  ],
  '/device': [
    { name: 'device', who: 'admin', url: () => '/device', ready: (p) => p.getByRole('textbox', { name: 'Code' }) },
    {
      name: 'device-unknown-code',
      who: 'admin',
      url: () => '/device?code=bcdf-ghjk',
      ready: (p) => p.getByText('The code BCDF-GHJK has expired or does not exist'),
    },
  ],
  '/admin/apps': [
    { name: 'admin-apps', who: 'admin', url: () => '/admin/apps', ready: (p) => p.getByText('Pages app').first() },
  ],
  // Consent (issue 15): the public policy, and the admin's editor with the shipped version.
  '/privacy-policy': [
    { name: 'privacy-policy', who: 'visitor', url: () => '/privacy-policy', ready: (p) => p.getByText('Version 1, published') },
  ],
  '/admin/privacy-policy': [
    {
      name: 'admin-privacy-policy',
      who: 'admin',
      url: () => '/admin/privacy-policy',
      ready: (p) => p.getByText('(shipped with Vigor)'),
    },
  ],
};

// --- A run of 301 points 10 m apart heading north-east from Berlin, one every 3 s. ---
const trackPoints = Array.from({ length: 301 }, (_, i) => ({
  lat: (52.5 + i * 0.000054).toFixed(7),
  lon: (13.4 + i * 0.000118).toFixed(7),
  ele: (40 + 10 * Math.sin(i / 30)).toFixed(1),
  time: new Date(Date.UTC(2025, 4, 3, 7, 0, 0) + i * 3000).toISOString(),
}));
const gpx = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="vigor-e2e" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Riverside run</name><type>running</type><trkseg>
${trackPoints.map((p) => `<trkpt lat="${p.lat}" lon="${p.lon}"><ele>${p.ele}</ele><time>${p.time}</time></trkpt>`).join('\n')}
</trkseg></trk></gpx>
`;

/** Calls the API as the signed-in user of the page; a JSON body unless contentType is given. */
async function callApi(page, method, apiPath, body, { contentType = 'application/json', headers = {} } = {}) {
  return page.evaluate(
    async ({ method, apiPath, body, contentType, headers }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
      const response = await fetch(`/api/v1${apiPath}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': contentType }),
          'X-CSRF-Token': decodeURIComponent(csrf),
          ...headers,
        },
        body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
      });
      return { status: response.status, body: response.status === 204 ? null : await response.json() };
    },
    { method, apiPath, body, contentType, headers },
  );
}

/** A strength workout, a GPX run (a cardio workout with its track), a routine, a weight and a goal. */
async function makeData(page) {
  const strength = await callApi(
    page,
    'POST',
    '/workouts',
    {
      title: 'Bench day',
      started_at: '2025-05-01T16:00:00Z',
      ended_at: '2025-05-01T17:00:00Z',
      blocks: [
        {
          exercise_id: 'barbell-bench-press',
          notes: 'Paused first rep',
          sets: [
            { set_type: 'normal', weight_kg: 100, reps: 5, rpe: 8.5, done: true },
            { set_type: 'normal', weight_kg: 100, reps: 5, done: true },
          ],
        },
      ],
    },
    { headers: { 'Idempotency-Key': 'pages-strength-1' } },
  );
  assert.equal(strength.status, 201, JSON.stringify(strength.body));

  const started = await callApi(page, 'POST', '/imports?format=gpx&name=riverside.gpx', gpx, { contentType: 'application/gpx+xml' });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  let imported = started.body;
  for (let i = 0; i < 100 && imported.status !== 'succeeded' && imported.status !== 'failed'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    imported = (await callApi(page, 'GET', `/imports/${started.body.id}`)).body;
  }
  assert.equal(imported.status, 'succeeded', JSON.stringify(imported));

  const routine = await callApi(page, 'POST', '/routines', {
    name: 'Leg day',
    items: [{ exercise_id: 'barbell-back-squat', target_sets: 5, target_reps: 5 }],
  });
  assert.equal(routine.status, 201, JSON.stringify(routine.body));

  const weight = await callApi(page, 'PUT', '/measurements', { kind: 'weight', day: '2025-05-01', value: 72.5 });
  assert.equal(weight.status, 200, JSON.stringify(weight.body));

  const goal = await callApi(page, 'POST', '/goals', {
    title: 'Run 20 km a month',
    metric: 'distance',
    sport: 'run',
    target: 20000,
    direction: 'increase',
    period: 'month',
    archived: false,
  });
  assert.equal(goal.status, 201, JSON.stringify(goal.body));

  const recipe = await callApi(page, 'POST', '/recipes', {
    name: 'Egg fried rice',
    servings: 2,
    ingredients: [
      { food_id: 'usda-20044', grams: 150 },
      { food_id: 'usda-01123', portion: { name: 'large', count: 2 } },
    ],
  });
  assert.equal(recipe.status, 201, JSON.stringify(recipe.body));
  const food = await callApi(page, 'POST', '/foods', {
    name: 'Granola bar',
    brand: 'Pages',
    barcode: '4006381333931',
    portions: [{ name: 'bar', amount: 1, grams: 40 }],
    per_100g: { energy_kcal: 450, protein_g: 8, carbohydrate_g: 62, fat_g: 18 },
  });
  assert.equal(food.status, 201, JSON.stringify(food.body));
  const logged = await callApi(page, 'POST', '/diary/2025-05-01/items', {
    items: [
      { meal: 'breakfast', food_id: 'usda-01123', portion: { name: 'large', count: 2 } },
      { meal: 'lunch', food_id: `recipe-${recipe.body.id}`, portion: { name: 'serving', count: 1 } },
      { meal: 'snacks', food_id: food.body.id, grams: 40 },
    ],
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const targets = await callApi(page, 'PUT', '/nutrition/targets', { mode: 'manual', energy_kcal: 2200, protein_g: 120 });
  assert.equal(targets.status, 200, JSON.stringify(targets.body));

  // A public challenge running now (from 30 days ago to 30 days ahead), joined, so its page has
  // a board with the viewer's row.
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const challenge = await callApi(page, 'POST', '/challenges', {
    title: 'Pages month run',
    description: 'Run as far as you can this month.',
    metric: 'distance',
    sport: 'run',
    starts_on: day(-30),
    ends_on: day(30),
    time_zone: 'UTC',
    target: 100000,
    access: 'public',
  });
  assert.equal(challenge.status, 201, JSON.stringify(challenge.body));
  const joined = await callApi(page, 'PUT', `/challenges/${challenge.body.id}/membership`, { count_private: false });
  assert.equal(joined.status, 200, JSON.stringify(joined.body));
  const club = await callApi(page, 'POST', '/clubs', {
    name: 'Pages runners',
    description: 'We run on Sundays.\nEveryone is welcome.',
    access: 'public',
  });
  assert.equal(club.status, 201, JSON.stringify(club.body));
  const clubPost = await callApi(page, 'POST', `/clubs/${club.body.id}/posts`, { body: 'First run on Sunday' });
  assert.equal(clubPost.status, 201, JSON.stringify(clubPost.body));

  const app = await callApi(page, 'POST', '/me/apps', {
    name: 'Pages app',
    homepage_url: 'https://pages-app.example',
    redirect_uris: ['https://pages-app.example/callback', 'http://127.0.0.1:8123/callback', 'com.example.pages:/cb'],
    confidential: true,
  });
  assert.equal(app.status, 201, JSON.stringify(app.body));

  return {
    appClientId: app.body.client_id,
    clubId: club.body.id,
    strengthId: strength.body.id,
    cardioId: imported.result.workout_id,
    routineId: routine.body.id,
    goalId: goal.body.id,
    recipeId: recipe.body.id,
    foodId: food.body.id,
    challengeId: challenge.body.id,
  };
}

/**
 * Sideways scrolling, and if there is some, the element that reaches furthest right (the
 * smallest such one when several end at the same place), e.g. `table.splits "Km Pace..."`.
 * @param {import('playwright-core').Page} page
 */
function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = /** @type {Element} */ (document.scrollingElement ?? document.documentElement);
    const overflow = root.scrollWidth - root.clientWidth;
    if (overflow <= 0) return null;
    let widest = null;
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= root.clientWidth + 0.5) continue;
      if (!widest || box.right > widest.right + 0.5 || (Math.abs(box.right - widest.right) <= 0.5 && box.width < widest.width)) {
        widest = { element, right: box.right, width: box.width };
      }
    }
    const describe = (e) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList].map((c) => `.${c}`).join('')}` +
      ` "${(e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    return {
      overflow,
      culprit: widest ? `${describe(widest.element)} reaches ${Math.round(widest.right)}px` : 'no element found',
    };
  });
}

/**
 * Opens the visit and waits for its content (the recipe's marker, else a level-1 heading, and no
 * spinner or skeleton left); then at each size checks overflow and axe. Returns what is wrong,
 * one line each.
 * @param {{ page: import('playwright-core').Page, errors: string[] }} tab
 * @param {Visit} visit
 */
async function checkVisit({ page, errors }, baseUrl, visit, data) {
  const problems = [];
  try {
    await page.setViewportSize(sizes.phone);
    await page.goto(`${baseUrl}${visit.url(data)}`);
    await (visit.ready?.(page) ?? page.getByRole('heading', { level: 1 }).first()).waitFor();
    await page.waitForFunction(() => document.querySelector('.spinner, .skeleton') === null);
  } catch (error) {
    problems.push(`${visit.name}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
  if (problems.length === 0) {
    for (const [sizeName, size] of Object.entries(sizes)) {
      const where = `${visit.name} at ${sizeName} ${size.width}x${size.height}`;
      await page.setViewportSize(size);
      // The new layout is in place after a frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const overflow = await horizontalOverflow(page);
      if (overflow) problems.push(`${where}: ${overflow.overflow}px wider than the window; ${overflow.culprit}`);
      for (const violation of await seriousA11yViolationsInDocument(page)) problems.push(`${where}: axe ${violation}`);
    }
  }
  for (const error of errors.splice(0)) problems.push(`${visit.name}: ${error}`);
  return problems;
}

describe('every page at every size', { skip: backend === 'postgresql' && 'on SQLite only (see the top of this file)' }, () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** The one page every visit uses (resized for each size), with the errors it collects. */
  let tab;
  let data = {};
  const routes = appRoutes();

  before(async () => {
    server = await startServer({ prepare: (where) => createUser({ ...where, ...admin }), args: ['--access-log', 'false'] });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    tab = { page, errors: collectPageErrors(page) };
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });

  test('every route of the app has a visit recipe here, and every recipe a route', () => {
    assert.ok(routes.length >= 20, `only ${routes.length} routes read from routes.tsx: ${routes.join(' ')}`);
    assert.deepEqual(
      routes.filter((route) => !recipes[route]),
      [],
      'routes without a visit recipe in e2e/pages.test.mjs (add one: who, address, what shows)',
    );
    assert.deepEqual(
      Object.keys(recipes).filter((route) => !routes.includes(route)),
      [],
      'recipes for routes the app no longer has',
    );
  });

  const visits = Object.values(recipes).flat();

  test('signed out: every public page fits, passes axe and logs no error', async () => {
    const problems = [];
    for (const visit of visits.filter((v) => v.who === 'visitor')) {
      problems.push(...(await checkVisit(tab, server.baseUrl, visit, data)));
    }
    assert.deepEqual(problems, []);
  });

  test('signed in with data: every page fits, passes axe and logs no error', async () => {
    await signIn(tab.page, server.baseUrl, admin);
    data = await makeData(tab.page);
    const problems = [];
    for (const visit of visits.filter((v) => v.who === 'admin')) {
      problems.push(...(await checkVisit(tab, server.baseUrl, visit, data)));
    }
    assert.deepEqual(problems, []);
  });
});
