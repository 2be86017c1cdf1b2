importScripts("/static/js/sw-push.js"); // the push handlers; URL set by pijnreset.views
/* pijnreset's service worker (docs/offline.md). Served from /sw.js by
   pijnreset.views.service_worker, which replaces the CONFIG line below with
   the real version and URLs (hashed static names in production).

   Three caches:
   - "pijnreset-static-<version>": CSS, JS and icons; stale-while-revalidate.
   - "pijnreset-public-<version>": the crisis help page and the offline page,
     fetched WITHOUT cookies at install, so they hold nobody's data.
   - "pijnreset-pages": the patient pages as last seen (Today, the check-in, the
     exercises, this week's and last week's lessons, the flare plan),
     network-first. This browser profile only; the page deletes it on log-out.
   API answers are never cached. Background Sync: the "sync" event tells the open
   pages to send what waits (they hold the CSRF token; js/offline.js). */

const CONFIG = {"version": "dev", "static": [], "public": ["/hulp/", "/offline/", "/en/hulp/", "/en/offline/"], "offline": {"nl": "/offline/", "en": "/en/offline/"}, "pages": [], "kept": ["/lessen/", "/en/lessen/", "/uitleg/", "/en/uitleg/"], "warm": {}}; // replaced by the view

const STATIC_CACHE = "pijnreset-static-" + CONFIG.version;
const PUBLIC_CACHE = "pijnreset-public-" + CONFIG.version;
const PAGES_CACHE = "pijnreset-pages";
// A check-in of one of the last days: /dagboek/2026-12-01/ (and /en/...).
const DATED_CHECKIN = /^(\/en)?\/dagboek\/\d{4}-\d{2}-\d{2}\/$/;
// One page under a kept prefix: /lessen/<key>/, /uitleg/<slug>/ (CONFIG.kept).
const ONE_SLUG = /^[\w-]+\/$/;
const SYNC_TAG = "pijnreset-send";

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the page asks (the
  // "New version" button), so a session in progress never changes under it.
  event.waitUntil(
    (async () => {
      const staticCache = await caches.open(STATIC_CACHE);
      await staticCache.addAll(CONFIG.static);
      const publicCache = await caches.open(PUBLIC_CACHE);
      await Promise.all(
        CONFIG.public.map(async (url) => {
          const response = await fetch(url, { credentials: "omit" });
          if (response.ok) await publicCache.put(url, response);
        }),
      );
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = [STATIC_CACHE, PUBLIC_CACHE, PAGES_CACHE];
      for (const name of await caches.keys()) {
        if (name.startsWith("pijnreset-") && !keep.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "skip-waiting") self.skipWaiting();
  if (data.type === "warm") {
    // The page may name more (Today: the lessons, the flare plan); only patient pages.
    const named = (Array.isArray(data.urls) ? data.urls : [])
      .map((url) => new URL(url, self.location.origin))
      .filter((url) => url.origin === self.location.origin && isPatientPage(url))
      .map((url) => url.pathname);
    event.waitUntil(warm([...(CONFIG.warm[data.lang] || []), ...named]));
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(askPagesToSend());
});

// Sending needs the page's CSRF token, so the worker asks the open pages; with no page
// open, the next page load sends.
async function askPagesToSend() {
  for (const page of await self.clients.matchAll({ type: "window" })) {
    page.postMessage({ type: "send" });
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname === "/sw.js") return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(staleWhileRevalidate(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, url));
  }
});

function isPatientPage(url) {
  const path = url.pathname;
  const kept = CONFIG.kept.some((prefix) => path.startsWith(prefix) && ONE_SLUG.test(path.slice(prefix.length)));
  return CONFIG.pages.includes(path) || DATED_CHECKIN.test(path) || kept;
}

function language(url) {
  return url.pathname.startsWith("/en/") ? "en" : "nl";
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    // Only a page the patient really saw: not a redirect to the log-in page, not an error.
    if (isPatientPage(url) && response.ok && !response.redirected) {
      const cache = await caches.open(PAGES_CACHE);
      await cache.put(url.pathname, response.clone());
    }
    return response;
  } catch (offline) {
    const found =
      (await caches.match(url.pathname, { cacheName: PUBLIC_CACHE, ignoreVary: true })) ||
      (isPatientPage(url) &&
        (await caches.match(url.pathname, { cacheName: PAGES_CACHE, ignoreVary: true })));
    if (found) return found;
    const fallback = await caches.match(CONFIG.offline[language(url)], {
      cacheName: PUBLIC_CACHE,
      ignoreVary: true,
    });
    return fallback || Response.error();
  }
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  const fresh = fetch(request)
    .then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    })
    .catch(() => cached || Response.error());
  return cached || fresh;
}

// The patient pages the page asks for (Today, today's check-in, the exercises, the
// lessons Today names), fetched once so they open offline even if never opened online.
async function warm(urls) {
  const cache = await caches.open(PAGES_CACHE);
  for (const url of urls) {
    if (await cache.match(url, { ignoreVary: true })) continue;
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (response.ok && !response.redirected) await cache.put(url, response);
    } catch (offline) {
      return;
    }
  }
}
