// Service worker of the routekaart, generated at build time (macros/afterbuild/offline.py).
// It caches every file of the site on the first visit, so the site works
// offline afterwards. The cache name comes from a hash of the files: a new
// build gets a new cache, and the old one is removed once the new one is ready.
"use strict";

const CACHE = __CACHE_NAME__;
const PREFIX = __CACHE_PREFIX__;
// Only this edition's caches: editions on one host (routekaart-<hash> at the
// root, routekaart-<edition>-<hash> below it) must not remove each other's.
// The prefix holds letters, digits and hyphens only.
const OURS = new RegExp("^" + PREFIX + "[0-9a-f]{16}$");
const FILES = __FILES__;
// Online, the network answers first so a new version shows at once; on a bad
// connection the cached copy answers after this wait.
const NETWORK_WAIT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // Bypass the HTTP cache: the new cache must hold this build's files.
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((k) => OURS.test(k) && k !== CACHE);
    await Promise.all(old.map((k) => caches.delete(k)));
    await self.clients.claim();
    if (old.length) {
      const pages = await self.clients.matchAll({ type: "window" });
      // Pages of an older build still listen for this type: it stays as it is.
      pages.forEach((page) => page.postMessage({ type: "routekaart-bijgewerkt", cache: CACHE }));
    }
  })());
});

// The cached copy of a request: "x/" is "x/index.html", and a query string
// (e.g. from search highlighting) does not matter.
function fromCache(request) {
  let url = new URL(request.url);
  url.search = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  return caches.open(CACHE).then((cache) => cache.match(url.href));
}

function fromNetwork(request) {
  // A page is checked with the server even when the browser's HTTP cache
  // holds it: servers send no Cache-Control for it, and without one the
  // browser may keep a page for days. Other files keep the usual caching.
  const asked = request.mode === "navigate" ? new Request(request, { cache: "no-cache" }) : request;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network too slow")), NETWORK_WAIT_MS);
    fetch(asked).then((response) => {
      clearTimeout(timer);
      // A server error is worse than the cached copy.
      response.status < 500 ? resolve(response) : reject(new Error(String(response.status)));
    }, (error) => { clearTimeout(timer); reject(error); });
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fromNetwork(request).catch(async (error) => {
      const cached = await fromCache(request);
      if (cached) return cached;
      if (request.mode === "navigate") {
        const missing = await caches.open(CACHE).then((c) => c.match(new URL("404.html", self.registration.scope).href));
        if (missing) return missing;
      }
      throw error;
    })
  );
});
