// LaneCheck's service worker. tools/precache.mjs fills in PRECACHE (every file of the build),
// VERSION (a hash of their contents; a new build is a new cache) and PAGES after each build.
// Navigations go to the network first and fall back to the cached page of the address
// (`pageRoutes` in tools/files.mjs: signing's for a check-in's review and copy, the
// inspection's, the damage diagram's and the reception's for their steps and /arrive, the
// desk's for /new, /jobs/<id>, /settings and /sync, the app shell for everything else; the
// reference server's routes say the same). Other requests are served from the precache. Old
// caches are deleted on activation. A new version waits until the page asks it to take over
// ("update available").
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = `lanecheck-${VERSION}`;

const PAGES = __PAGES__.map(([address, page]) => [new RegExp(address), `/${page}`]);
const pageFor = (path) => PAGES.find(([address]) => address.test(path))?.[1] ?? "/index.html";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("lanecheck-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The sync API and the manager's page are the server's, never the cache's.
  if (request.method !== "GET" || url.origin !== self.location.origin || /^\/(sync|manager)\//.test(url.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() => caches.match(pageFor(url.pathname), { cacheName: CACHE })),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
  );
});
