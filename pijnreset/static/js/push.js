/* "Notifications on this device" on the reminder page (docs/push.md).
   Loaded only when the server has VAPID keys. Without JavaScript, or in a
   browser without Push, the switch stays hidden and the page says reminders
   come by e-mail. The switch asks the browser for a subscription (which asks
   the person for permission), then sends it to the server; off removes it in
   the browser and on the server. The worker side is js/sw-push.js. */
(() => {
  "use strict";
  const settings = document.currentScript.dataset;

  function keyBytes(base64url) {
    const padded = base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  }

  // The page lists the SHA-256 of the endpoints the server has for this account: the
  // switch is on only when this browser's subscription is one of them (it may have been
  // switched off in the list, from another device, or forgotten after a 410).
  async function digest(text) {
    const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": settings.csrf },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error("HTTP " + response.status);
  }

  async function start() {
    const wrapper = document.querySelector("[data-push-toggle]");
    const status = document.querySelector("[data-push-status]");
    if (!wrapper || !status) return;
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;
    const registration = await navigator.serviceWorker.ready;
    const toggle = wrapper.querySelector("input");
    const say = (text) => { status.textContent = text; };

    async function current() {
      return registration.pushManager.getSubscription();
    }

    async function switchOn() {
      if ((await Notification.requestPermission()) !== "granted") {
        say(settings.textBlocked);
        return false;
      }
      const subscription =
        (await current()) ||
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(settings.key),
        }));
      await post(settings.subscribe, subscription.toJSON());
      say(settings.textOn);
      return true;
    }

    async function switchOff() {
      const subscription = await current();
      if (subscription) {
        await post(settings.unsubscribe, { endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      say(settings.textOff);
      return false;
    }

    const known = (settings.devices || "").split(" ").filter(Boolean);
    const existing = await current();
    toggle.checked =
      Notification.permission === "granted" && existing !== null && known.includes(await digest(existing.endpoint));
    if (Notification.permission === "denied") say(settings.textBlocked);
    toggle.addEventListener("change", async () => {
      const wanted = toggle.checked;
      toggle.disabled = true;
      try {
        toggle.checked = wanted ? await switchOn() : await switchOff();
      } catch (error) {
        toggle.checked = !wanted;
        say(settings.textFailed);
      } finally {
        toggle.disabled = false;
      }
    });
    wrapper.hidden = false;
    const fallback = document.querySelector("[data-push-fallback]");
    if (fallback) fallback.hidden = true;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
