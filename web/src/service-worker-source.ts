// The console's service worker, written at build time with the names of the built files: the page and
// its scripts come from the device when the venue's network is down, so a desk reloaded offline still
// opens. Data never comes from here: the desk keeps its day and its waiting arrivals in IndexedDB.

/**
 * The worker's code for these built files (paths under /console/), cached under `version`.
 * Pure: vite.config.ts writes its result to dist/sw.js.
 */
export function serviceWorkerSource(files: readonly string[], version: string): string {
  return `// Qafila console service worker ${version}: built by vite.config.ts, do not edit.
const CACHE = ${JSON.stringify(`qafila-console-${version}`)};
const SHELL = ${JSON.stringify(['/console/', ...files])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))).then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/console/')) return;
  if (url.pathname.startsWith('/console/assets/')) {
    // Named by their content: a cached copy is always right. A file first asked for (the QR decoder's wasm) is kept.
    event.respondWith(
      caches.match(event.request).then((hit) => hit || fetch(event.request).then((response) => {
        if (response.ok) { const copy = response.clone(); void caches.open(CACHE).then((cache) => cache.put(event.request, copy)); }
        return response;
      })),
    );
    return;
  }
  if (event.request.mode === 'navigate' && !url.pathname.startsWith('/console/api/')) {
    // The newest page when the network answers, the kept one when it does not.
    event.respondWith(fetch(event.request).catch(() => caches.match('/console/').then((hit) => hit || Response.error())));
  }
});
`;
}
