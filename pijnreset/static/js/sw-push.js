/* The service worker's part for reminders as notifications (docs/push.md).
   Imported by sw.js. A message holds only a short title without health
   details, a path on this site and a tag; a click opens (or focuses) that page. */
"use strict";

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (error) {
    message = {};
  }
  const title = typeof message.title === "string" && message.title ? message.title : "pijnreset";
  event.waitUntil(
    self.registration.showNotification(title, {
      tag: typeof message.tag === "string" ? message.tag : undefined,
      icon: "/static/img/icon.svg",
      data: { url: typeof message.url === "string" ? message.url : "/" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  // Only a page of this site: a message can never send the person elsewhere.
  const target = new URL(event.notification.data && event.notification.data.url || "/", self.location.origin);
  const url = target.origin === self.location.origin ? target.href : self.location.origin + "/";
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const same = open.find((client) => client.url === url);
      if (same) return same.focus();
      return self.clients.openWindow(url);
    })(),
  );
});
