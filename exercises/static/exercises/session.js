// The exercise timer: the breathing pacer and the guided steps of muscle
// relaxation and the body scan. Progressive enhancement: without JavaScript
// the page is a readable step list with "I'm done" and "Stop early".
//
// Time comes only from performance.now() differences (see timing.js); the
// interval and animation frames merely ask "where are we now?", so a tab in
// the background keeps correct time and resyncs when it becomes visible.

import { breathScale, formatClock, positionAt } from "./timing.js";
import { makeSpeaker, makeTone, rememberSpeech, rememberedSpeech } from "./voice.js";
import { makeWakeLock } from "./wake-lock.js";

const root = document.querySelector("[data-pacer]");
if (root) setUp(root, document.querySelector("[data-finish-form]"));

// `record(seconds)` keeps a session whose timer ran out: by default the POST of the
// finish form; a session done offline is kept on the device instead (offline-start.js).
export function setUp(root, form, { record = null } = {}) {
  const $ = (selector, scope = root) => scope.querySelector(selector);
  const items = [...root.querySelectorAll("[data-steps] > li[data-phase]")];
  // A phase of 0 s (breathing without a hold) is left out: it would show for no time.
  const phases = items
    .map((li) => ({
      name: li.dataset.phase,
      ms: Number(li.dataset.seconds) * 1000,
      text: li.dataset.text,
      label: li.dataset.label,
      element: li,
    }))
    .filter((phase) => phase.ms > 0);
  if (!phases.length || !form) return;

  const repeat = root.dataset.repeat === "true";
  const totalMs = Number(root.dataset.totalSeconds) * 1000;
  const ui = {
    circle: $("[data-circle]"),
    label: $("[data-phase-label]"),
    cue: $("[data-cue]"),
    phaseBar: $("[data-phase-bar]"),
    totalBar: $("[data-total-bar]"),
    timeLeft: $("[data-time-left]"),
    begin: $("[data-begin]"),
    pause: $("[data-pause]"),
    speakToggle: $("[data-speak-toggle]"),
    seconds: $("[data-seconds-input]", form),
    rating: $("[data-rating]", form),
    save: $("[data-save]", form),
    stop: $("[data-stop]", form),
    done: document.querySelector("[data-done-panel]"),
  };

  for (const element of document.querySelectorAll("[data-js-only]")) element.hidden = false;
  for (const element of document.querySelectorAll("[data-nojs-only]")) element.hidden = true;
  if (ui.rating) ui.rating.hidden = true;

  let speaker = null;
  let tone = null;
  let startedAt = null;
  let pausedAt = null;
  let pausedMs = 0;
  let shown = { index: -1, cycle: -1 };
  let interval = null;
  let frameId = null;
  let finished = false;
  const wakeLock = makeWakeLock();
  let speak = rememberedSpeech() ?? root.dataset.speak === "true";
  showSpeech();

  function showSpeech() {
    if (ui.speakToggle) ui.speakToggle.setAttribute("aria-pressed", String(speak));
  }

  function toggleSpeech() {
    speak = !speak;
    showSpeech();
    rememberSpeech(speak);
    if (startedAt === null || finished) return;
    if (speak) {
      speaker = makeSpeaker(root.dataset.lang);
      speaker.say(ui.cue.textContent);
    } else if (speaker) {
      speaker.stop();
      speaker = null;
    }
  }

  const now = () => performance.now();
  const elapsed = () => {
    if (startedAt === null) return 0;
    return (pausedAt ?? now()) - startedAt - pausedMs;
  };

  function render(position) {
    const phase = phases[position.index];
    if (position.index !== shown.index || position.cycle !== shown.cycle) {
      shown = { index: position.index, cycle: position.cycle };
      for (const item of items) item.removeAttribute("aria-current");
      phase.element.setAttribute("aria-current", "step");
      ui.label.textContent = phase.label;
      ui.cue.textContent = phase.text;
      if (!repeat) phase.element.scrollIntoView({ block: "nearest" });
      if (speaker && !position.done) speaker.say(phase.text);
      if (tone && !position.done) tone(phase.name);
    }
    if (ui.circle) ui.circle.style.setProperty("--scale", breathScale(phase.name, position.phaseProgress).toFixed(4));
    ui.phaseBar.value = Math.round(position.phaseProgress * 1000);
    ui.totalBar.value = Math.round(position.progress * 1000);
    const left = formatClock(position.remainingMs);
    if (ui.timeLeft.textContent !== left) ui.timeLeft.textContent = left;
  }

  function tick() {
    if (startedAt === null || finished) return;
    const position = positionAt(elapsed(), phases, totalMs, repeat);
    render(position);
    if (position.done) finish();
  }

  function frame() {
    frameId = null;
    tick();
    schedule();
  }

  function schedule() {
    const running = startedAt !== null && !finished && pausedAt === null;
    if (running && !document.hidden && frameId === null) frameId = requestAnimationFrame(frame);
  }

  function begin() {
    if (speak) speaker = makeSpeaker(root.dataset.lang);
    if (root.dataset.sound === "true") tone = makeTone();
    startedAt = now();
    ui.begin.hidden = true;
    ui.pause.hidden = false;
    root.classList.add("is-running");
    interval = setInterval(tick, 250);
    wakeLock.acquire();
    tick();
    schedule();
  }

  function togglePause() {
    if (pausedAt === null) {
      pausedAt = now();
      if (speaker) speaker.stop();
      wakeLock.release();
      root.classList.remove("is-running");
      ui.pause.textContent = ui.pause.dataset.labelResume;
    } else {
      pausedMs += now() - pausedAt;
      pausedAt = null;
      root.classList.add("is-running");
      ui.pause.textContent = ui.pause.dataset.labelPause;
      wakeLock.acquire();
      schedule();
    }
  }

  async function finish() {
    finished = true;
    clearInterval(interval);
    wakeLock.release();
    root.classList.remove("is-running");
    root.classList.add("is-done");
    ui.pause.hidden = true;
    ui.cue.textContent = root.dataset.endCue;
    if (speaker) speaker.say(root.dataset.endCue);
    ui.seconds.value = String(Math.round(totalMs / 1000));
    try {
      await (record || postFinished)(Number(ui.seconds.value));
    } catch {
      // Not recorded yet: the Save button below records it.
    }
    ui.stop.hidden = true;
    ui.rating.hidden = false;
    ui.save.hidden = false;
    ui.done.hidden = false;
    ui.done.focus();
  }

  async function postFinished() {
    const body = new FormData(form);
    body.set("outcome", "finished");
    const response = await fetch(form.action, { method: "POST", body, credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
  }

  ui.begin.addEventListener("click", begin);
  ui.pause.addEventListener("click", togglePause);
  if (ui.speakToggle) ui.speakToggle.addEventListener("click", toggleSpeech);
  form.addEventListener("submit", () => {
    wakeLock.release();
    if (!finished) ui.seconds.value = String(Math.floor(Math.min(elapsed(), totalMs) / 1000));
  });
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && startedAt !== null && !finished) {
      tick();
      schedule();
    }
  });
}
