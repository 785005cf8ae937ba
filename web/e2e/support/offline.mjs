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
 * Waits until the service worker controls the page (it serves the app shell offline).
 * @param {import('playwright-core').Page} page
 */
export async function waitForServiceWorker(page) {
  return page.evaluate(async () => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 100));
    const registration = await navigator.serviceWorker.getRegistration();
    return { controlled: Boolean(navigator.serviceWorker.controller), active: registration?.active?.state };
  });
}
