// Keeps the screen on while a session runs (Screen Wake Lock API), so a phone
// does not dim and lock in the middle of a breathing exercise. Where the API
// is missing or refuses (battery saver, an iframe, an old browser) nothing
// happens: the exercise works the same, the screen may just dim.

/** An object with acquire() and release(); both are safe to call at any time. */
export function makeWakeLock() {
  let wanted = false;
  let sentinel = null;

  async function request() {
    if (!wanted || sentinel || document.hidden || !("wakeLock" in navigator)) return;
    try {
      sentinel = await navigator.wakeLock.request("screen");
      sentinel.addEventListener("release", () => {
        sentinel = null;
      });
      if (!wanted) release();
    } catch {
      sentinel = null;
    }
  }

  function release() {
    wanted = false;
    const held = sentinel;
    sentinel = null;
    if (held) held.release().catch(() => {});
  }

  // The browser drops the lock when the tab is hidden; take it again on return.
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) request();
  });

  return {
    acquire() {
      wanted = true;
      return request();
    },
    release,
    get held() {
      return sentinel !== null;
    },
  };
}
