/* Offline support on every page (docs/offline.md), loaded by base.html:
   - registers the service worker (/sw.js) and offers a waiting new version
     with a button, so a session in progress is never reloaded by surprise;
   - keeps a check-in saved offline in IndexedDB, one per user and date, and
     sends it with PUT /api/v1/checkins/{date} (idempotent by date; edited_at says
     when it was edited here, so the newest of two devices wins) on the next
     page load, when the connection returns, or when the worker says so
     (Background Sync, where the browser has it);
   - keeps an exercise session done offline (exercises/offline-start.js calls
     window.pijnresetOffline.keepSession) and sends it with
     PUT /api/v1/exercise-sessions/{client_id} (idempotent by the client id);
   - on log-out sends what waits first (or asks), then deletes the queue and
     the cached patient pages: nothing health-related stays on the device.
   Texts come translated from data attributes (base.html, the check-in form). */
(() => {
  "use strict";
  const settings = document.currentScript.dataset;
  const user = settings.user || "";
  const API = "/api/v1/checkins/";
  const SESSIONS_API = "/api/v1/exercise-sessions/";
  const SYNC_TAG = "pijnreset-send"; // the worker's "sync" event tells open pages to send
  const PAGES_CACHE = "pijnreset-pages";
  const SCALES = ["pain", "fatigue", "sleep_quality", "stress", "mood", "gut"];
  const lang = document.documentElement.lang || "nl";

  // --- The queue: IndexedDB "pijnreset-offline"; store "checkins", key "<user>:<date>";
  // store "sessions" (exercise sessions), key "<user>:<client id>".
  const STORES = ["checkins", "sessions"];

  function openQueue() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open("pijnreset-offline", 2);
      request.onupgradeneeded = () => {
        for (const name of STORES) {
          if (!request.result.objectStoreNames.contains(name)) {
            request.result.createObjectStore(name, { keyPath: "key" });
          }
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function inStore(name, mode, work) {
    const db = await openQueue();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(name, mode);
      const request = work(transaction.objectStore(name));
      transaction.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error);
      };
    });
  }

  const keep = (item, name = "checkins") => inStore(name, "readwrite", (store) => store.put(item));
  const forget = (key, name = "checkins") => inStore(name, "readwrite", (store) => store.delete(key));
  const mineIn = async (name) =>
    (await inStore(name, "readonly", (store) => store.getAll())).filter((item) => item.user === user);
  // Everything of this user that waits, each with the store it is in: check-ins first.
  const mine = async () => {
    const found = [];
    for (const name of STORES) found.push(...(await mineIn(name)).map((item) => ({ ...item, store: name })));
    return found;
  };
  const stored = ({ store, ...item }) => item;
  // A check-in carries when it was edited here: the server keeps the newest of two devices.
  // (Entries queued before edited_at existed fall back on their saved_at, the same moment.)
  const body = (item) =>
    item.store === "checkins"
      ? { ...item.values, edited_at: item.edited_at || item.saved_at }
      : item.values;
  const address = (item) => (item.store === "sessions" ? SESSIONS_API + item.client_id : API + item.date);

  // Background Sync where the browser has it: the worker's "sync" event (when the
  // connection is back) tells the open pages to send. Elsewhere: page load and "online".
  async function askForSync() {
    const registration = await navigator.serviceWorker?.getRegistration();
    await registration?.sync?.register(SYNC_TAG);
  }

  // --- Sending: one PUT per day or session; 200 removes it, 422 keeps it with the reason.
  let sending = false;

  async function send() {
    if (sending || !user || !settings.csrf || !navigator.onLine) return;
    sending = true;
    try {
      for (const item of await mine()) {
        if (item.refused) continue;
        let response;
        try {
          response = await fetch(address(item), {
            method: "PUT",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": settings.csrf },
            body: JSON.stringify(body(item)),
          });
        } catch (dropped) {
          break; // the connection went again: the rest waits, nothing is lost
        }
        if (response.ok) {
          await forget(item.key, item.store);
          // The note spoke of wanting to die: offer the help page, as the form does.
          const saved = await response.json().catch(() => ({}));
          if (saved.help_url) crisis = saved.help_url;
        } else if (response.status === 422) {
          const body = await response.json().catch(() => ({}));
          item.refused = ((body.detail || [])[0] || {}).msg || String(response.status);
          await keep(stored(item), item.store);
        } else {
          break; // logged out, too many requests or a server fault: try again later
        }
      }
    } finally {
      sending = false;
    }
    await show();
  }

  // --- What waits, shown at the top of the page (role=status is read out).
  function statusRegion() {
    let region = document.getElementById("offline-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "offline-status";
      region.className = "messages";
      region.setAttribute("role", "status");
      (document.querySelector("main") || document.body).prepend(region);
    }
    return region;
  }

  function paragraph(text, error) {
    const p = document.createElement("p");
    p.className = error ? "message message--error" : "message";
    p.textContent = text;
    return p;
  }

  function dayName(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    const date = new Date(year, month - 1, day);
    return date.toLocaleDateString(lang, { weekday: "long", day: "numeric", month: "long" });
  }

  let said = null;
  let crisis = null;

  function crisisPanel() {
    const p = paragraph(settings.textCrisis + " ", true);
    const link = document.createElement("a");
    link.href = crisis;
    link.textContent = settings.textCrisisLink;
    p.append(link);
    return p;
  }

  async function show() {
    if (!user) return;
    const items = await mine().catch(() => []);
    if (!items.length && !said && !crisis) {
      document.getElementById("offline-status")?.remove();
      return;
    }
    const region = statusRegion();
    region.replaceChildren(...(crisis ? [crisisPanel()] : []), ...(said ? [said] : []));
    for (const item of items) {
      const session = item.store === "sessions";
      const text = session
        ? item.refused ? settings.textSessionRefused : settings.textSessionWaiting
        : item.refused ? settings.textRefused : settings.textWaiting;
      const p = paragraph(text.replace("{date}", dayName(item.date)).replace("{reason}", item.refused || ""), item.refused);
      if (item.refused) {
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button button--quiet";
        remove.textContent = settings.textDelete;
        remove.addEventListener("click", async () => {
          await forget(item.key, item.store);
          await show();
        });
        p.append(" ", remove);
      }
      region.append(p);
    }
  }

  function say(text, error) {
    said = paragraph(text, error);
    show().then(() => statusRegion().scrollIntoView({ block: "nearest" }));
  }

  // --- The check-in form: offline, save on the device instead of posting.
  function localToday(now = new Date()) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  // Now as ISO 8601 with the device's offset ("2026-03-10T08:15:02.123+01:00").
  function localInstant(now = new Date()) {
    const pad = (n, width = 2) => String(Math.abs(n)).padStart(width, "0");
    const offset = -now.getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
    const zone = `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
    return `${localToday(now)}T${time}.${pad(now.getMilliseconds(), 3)}${zone}`;
  }

  function checkInValues(form) {
    const fields = new FormData(form);
    const values = {};
    for (const name of SCALES) {
      const value = fields.get(name);
      values[name] = value === null || value === "" ? null : Number(value);
    }
    values.flare = fields.get("flare") !== null;
    values.note = String(fields.get("note") || "");
    values.pain_areas = fields.getAll("pain_areas").map(String);
    return values;
  }

  function watchCheckIn(form) {
    const texts = form.dataset;
    // A page kept from an earlier day still means "today" on the device.
    const date = () => (texts.offlineToday ? localToday() : texts.offlineDate);
    form.addEventListener("submit", async (event) => {
      if (navigator.onLine) {
        forget(`${user}:${date()}`).catch(() => {}); // saved online now: an older queued one must not win
        return;
      }
      event.preventDefault();
      const values = checkInValues(form);
      if (values.pain === null) {
        say(texts.offlinePain, true);
        return;
      }
      const day = date();
      const item = { key: `${user}:${day}`, user, date: day, values, edited_at: localInstant() };
      item.saved_at = item.edited_at;
      item.client_id = self.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
      try {
        await keep(item);
      } catch (full) {
        say(texts.offlineFailed, true); // e.g. the device storage is full
        return;
      }
      say(texts.offlineQueued);
      askForSync().catch(() => {});
    });
  }

  // --- Log-out: send first; what cannot be sent is deleted only if the patient agrees.
  function watchLogout() {
    document.addEventListener("submit", async (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.dataset.offlineCleared) return;
      if (new URL(form.action, location.href).pathname !== settings.logout) return;
      event.preventDefault();
      try {
        await send();
        const left = await mine();
        if (left.length && !window.confirm(settings.textLogout)) return;
        await Promise.all(left.map((item) => forget(item.key, item.store)));
      } catch (noStorage) {
        // No IndexedDB here: nothing was kept either.
      }
      if ("caches" in window) await caches.delete(PAGES_CACHE);
      await forgetPushHere(form).catch(() => {});
      form.dataset.offlineCleared = "1";
      form.submit();
    });
  }

  // Notifications on this device (js/push.js) belong to the person logging out: switch them
  // off here, so a shared browser never shows the next person someone else's reminders.
  async function forgetPushHere(form) {
    if (!settings.pushRemove || !("serviceWorker" in navigator)) return;
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = await registration?.pushManager?.getSubscription();
    if (!subscription) return;
    const token = form.querySelector("[name=csrfmiddlewaretoken]")?.value || settings.csrf || "";
    await fetch(settings.pushRemove, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ endpoint: subscription.endpoint }),
    });
    await subscription.unsubscribe();
  }

  // --- Any other form sent while offline: say so and keep what was typed, instead of the
  // browser's error page. (GET forms open a page: the worker answers with /offline/.)
  function watchOtherForms() {
    document.addEventListener("submit", (event) => {
      const form = event.target;
      if (navigator.onLine || event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
      if ((form.getAttribute("method") || "get").toLowerCase() !== "post") return;
      event.preventDefault();
      const region = statusRegion();
      region.querySelector("[data-form-offline]")?.remove();
      const p = paragraph(settings.textFormOffline, true);
      p.dataset.formOffline = "1";
      region.append(p);
      region.scrollIntoView({ block: "nearest" });
    });
  }

  // --- The service worker and its update flow.
  function offerUpdate(worker) {
    if (document.getElementById("offline-update")) return;
    const bar = document.createElement("div");
    bar.id = "offline-update";
    bar.className = "messages";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = settings.textUpdate;
    let asked = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (asked) location.reload();
    });
    button.addEventListener("click", () => {
      asked = true;
      worker.postMessage({ type: "skip-waiting" });
    });
    bar.append(button);
    (document.querySelector("main") || document.body).prepend(bar);
  }

  async function register() {
    if (!("serviceWorker" in navigator) || !settings.sw) return;
    const registration = await navigator.serviceWorker.register(settings.sw, { scope: "/" });
    const offer = () => {
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    };
    offer();
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => worker.state === "installed" && offer());
    });
    // Only a patient's Today and check-in are kept: for anyone else those pages answer 403,
    // and an answer fetched in the background may set a new CSRF cookie under an open form.
    // Today names more to keep: this week's and last week's lessons, the flare plan.
    if (user && settings.patient && navigator.onLine) {
      const ready = await navigator.serviceWorker.ready;
      const more = [...document.querySelectorAll("[data-offline-keep]")];
      const urls = more.flatMap((element) => element.dataset.offlineKeep.split(" ").filter(Boolean));
      ready.active?.postMessage({ type: "warm", lang, urls });
    }
  }

  // Another person logged in on this browser: the pages kept for the last one go.
  async function forgetOtherUsersPages() {
    if (!user || !("caches" in window)) return;
    if (localStorage.getItem("pijnreset-user") === user) return;
    await caches.delete(PAGES_CACHE);
    localStorage.setItem("pijnreset-user", user);
  }

  // An exercise session done offline (exercises/offline-start.js): kept until sent.
  // `values` is the body of PUT /api/v1/exercise-sessions/{client_id}.
  async function keepSession(clientId, values) {
    const item = {
      key: `${user}:${clientId}`,
      user,
      client_id: clientId,
      date: values.local_date,
      values,
      saved_at: new Date().toISOString(),
    };
    await keep(item, "sessions");
    askForSync().catch(() => {});
    if (navigator.onLine) send().catch(() => {}); // the connection came back during the session
    else await show();
  }

  document.querySelectorAll("form[data-offline-checkin]").forEach(watchCheckIn);
  if (settings.logout && "indexedDB" in window) watchLogout();
  watchOtherForms(); // after the check-in and log-out handlers, which go first
  if ("indexedDB" in window) {
    if (user && settings.patient) window.pijnresetOffline = { keepSession };
    send().catch(() => {});
    window.addEventListener("online", () => send().catch(() => {}));
    navigator.serviceWorker?.addEventListener("message", (event) => {
      if (event.data?.type === "send") send().catch(() => {});
    });
  }
  // Storage may be blocked; the worker still serves the help and offline pages.
  forgetOtherUsersPages()
    .catch(() => {})
    .then(register)
    .catch(() => {});
})();
