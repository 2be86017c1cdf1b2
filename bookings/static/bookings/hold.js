// Two minutes before a guest's hold ends, announce it with the "hold longer" button
// (WCAG 2.2.1). The page works without this: the time and the button are always shown.
// The server gives the seconds left, so a wrong clock on the device does not matter.

const WARN_BEFORE_SECONDS = 120;

const form = document.getElementById("extend-hold");
const warning = document.getElementById("hold-warning");
const text = document.getElementById("hold-warning-text");

if (form && warning && text) {
  const secondsLeft = Number(form.dataset.secondsLeft);
  if (Number.isFinite(secondsLeft) && secondsLeft > 0) {
    const delay = Math.max(secondsLeft - WARN_BEFORE_SECONDS, 0) * 1000;
    window.setTimeout(() => {
      // Moving the text into the (already present) alert region makes screen readers say it.
      warning.append(...text.childNodes);
      warning.classList.add("is-shown");
    }, delay);
  }
}
