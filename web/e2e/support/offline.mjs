// What the app keeps on the device for offline use (web/src/lib/storage/query-persistence.ts):
// the query keys of the signed-in user's record in IndexedDB, read from the page.

/**
 * The keys (as JSON) of the answers kept for offline use on this page's origin.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export function keptQueryKeys(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('vigor');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('query-cache')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('query-cache').objectStore('query-cache').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result.flatMap((record) => record.state.queries.map((q) => JSON.stringify(q.queryKey))));
          };
          all.onerror = () => resolve([]);
        };
      }),
  );
}

/**
 * Waits until every key in `keys` (JSON prefixes, e.g. '["exercises","catalogue"') is kept.
 * @param {import('playwright-core').Page} page
 * @param {string[]} keys
 */
export async function waitUntilKept(page, keys, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let kept = [];
  while (Date.now() < deadline) {
    kept = await keptQueryKeys(page);
    if (keys.every((key) => kept.some((k) => k.startsWith(key)))) return kept;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not kept for offline use after ${timeoutMs} ms: ${keys.filter((key) => !kept.some((k) => k.startsWith(key))).join(', ')}; kept: ${kept.join(' ')}`);
}

/**
 * Waits until the service worker controls the page (it serves the app shell offline) and has
 * finished activating. The page may be controlled (clients.claim) a moment before the worker's
 * activate handler is done: checking only the first raced the worker (seen once in CI, the
 * state still 'activating').
 * @param {import('playwright-core').Page} page
 */
export async function waitForServiceWorker(page) {
  return page.evaluate(async () => {
    const deadline = Date.now() + 20_000;
    const state = async () => (await navigator.serviceWorker.getRegistration())?.active?.state;
    while (Date.now() < deadline && !(navigator.serviceWorker.controller && (await state()) === 'activated')) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return { controlled: Boolean(navigator.serviceWorker.controller), active: await state() };
  });
}

/**
 * Cuts a browser context's network airtight and watches what it still tries to send.
 * `context.setOffline` alone leaves a gap: a service worker that (re)starts while offline gets
 * the emulation a moment later, so a request it makes first can still reach the server. A
 * context route that fails every /api/v1/ request closes it (a context route also sees the
 * service worker's fetches). Every POST /api/v1/workouts the context attempts is recorded with
 * its time and whether the network was cut then, so a test can say "nothing was even tried".
 * @param {import('playwright-core').BrowserContext} context
 */
export function watchNetwork(context) {
  /** @type {{ at: string, offline: boolean, key: string | undefined, from: string }[]} */
  const workoutPosts = [];
  let offline = false;
  context.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/workouts') {
      const from = request.serviceWorker() ? 'service worker' : request.frame().url();
      workoutPosts.push({ at: new Date().toISOString(), offline, key: request.headers()['idempotency-key'], from });
    }
  });
  const cutApi = (route) => route.abort('internetdisconnected');
  return {
    workoutPosts,
    /** Whether the network is cut now. */
    get offline() {
      return offline;
    },
    async goOffline() {
      offline = true;
      await context.route('**/api/v1/**', cutApi);
      await context.setOffline(true);
    },
    async goOnline() {
      await context.unrouteAll({ behavior: 'wait' });
      // The page hears "online" while setOffline(false) is on its way and may send at once.
      offline = false;
      await context.setOffline(false);
    },
    /** The POST /api/v1/workouts attempted while the network was cut (none, when all is well). */
    workoutPostsWhileOffline() {
      return workoutPosts.filter((p) => p.offline);
    },
  };
}

/**
 * Waits until the page itself believes it is offline (after a reload or a navigation while the
 * context is offline, before the test acts on it).
 * @param {import('playwright-core').Page} page
 */
export async function waitUntilPageOffline(page) {
  await page.waitForFunction(() => navigator.onLine === false);
}
