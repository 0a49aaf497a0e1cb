// Netral's service worker: the page keeps working offline after the first visit (a training room
// or a regional office with no connection). It only ever fetches the page's own files, as the page
// would: network first, so an update is seen at once when online; the last copy when offline.
// Nothing the person types passes through here (it never leaves the page).

// A new name whenever the modules stop fitting the copies kept before (v3: the classify module's
// snapshot format and the editor module's exports changed): activating drops the older caches.
const CACHE = 'netral-v3';
// The page's files, kept at install (with the Latihan tab's module and case data, which the page
// loads only with that tab, so that a shared quiz opens offline too). The editor module (pkg-editor/) and its worker
// (editor-worker.js, whose requests this worker also sees) are kept the first time they are loaded
// (network first, below), so the rule editor works offline once it has been opened.
const PAGE = ['./', 'index.html', 'app.min.js', 'style.min.css', 'icon.svg', 'pkg/netral.js', 'pkg/netral_bg.wasm',
  'training.min.js', 'training.min.css', 'training/cases.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PAGE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      // Offline: the last copy (a `?engine=N` copy of the glue is the same file).
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
