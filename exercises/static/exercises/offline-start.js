// A timed exercise without a connection (docs/offline.md). The start page keeps the
// timer in a <template> (one per length); when the start form is sent offline, the
// timer runs here instead of on the session page, and the session is kept on the
// device with a client id (window.pijnresetOffline, js/offline.js), to be sent with
// PUT /api/v1/exercise-sessions/{client_id} when the connection returns.

import { setUp } from "./session.js";
import { formatClock } from "./timing.js";

// The windows of the breathing form (exercises/catalogue.py); the server checks them again.
const RANGES = { breath_in: [2, 10], breath_hold: [0, 10], breath_out: [2, 10], minutes: [1, 10] };
const NO_HOLD = { breath_in: 4, breath_hold: 0, breath_out: 6 };

const form = document.querySelector("form[data-offline-start]");
if (form) form.addEventListener("submit", startOffline);

function whole(text, [low, high]) {
  const value = String(text ?? "").trim();
  if (!/^\d{1,2}$/.test(value)) return null;
  const number = Number(value);
  return number >= low && number <= high ? number : null;
}

function localDate(moment) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// What the patient chose, or null when a number is outside its window.
function readChoice(exercise, fields, submitter) {
  const feeling = whole(fields.get("feeling_before"), [0, 10]);
  const choice = {
    version: "",
    spoken_cues: fields.get("spoken_cues") !== null,
    sound: fields.get("sound") !== null,
    feeling_before: feeling,
  };
  if (exercise !== "breathing") {
    choice.version = String(fields.get("version") || "");
    return choice;
  }
  const noHold = submitter && submitter.name === "no_hold";
  const breath = {};
  for (const name of ["breath_in", "breath_hold", "breath_out"]) {
    breath[name] = noHold ? NO_HOLD[name] : whole(fields.get(name), RANGES[name]);
    if (breath[name] === null) return null;
  }
  const minutes = whole(fields.get("minutes"), RANGES.minutes);
  if (minutes === null) return null;
  return { ...choice, breath, minutes };
}

function say(text) {
  let message = form.querySelector("[data-offline-message]");
  if (!message) {
    message = document.createElement("p");
    message.className = "message message--error";
    message.setAttribute("role", "alert");
    message.dataset.offlineMessage = "";
    form.prepend(message);
  }
  message.textContent = text;
  message.scrollIntoView({ block: "nearest" });
}

// Breathing: the chosen rhythm and length in the kept timer (4-4-6 and 1 minute there).
function setRhythm(template, root, choice) {
  const secondsText = (n) =>
    (n === 1 ? template.dataset.secondsOne : template.dataset.secondsOther).replace(/\d+/, String(n));
  const seconds = { in: choice.breath.breath_in, hold: choice.breath.breath_hold, out: choice.breath.breath_out };
  for (const item of root.querySelectorAll("[data-steps] > li[data-phase]")) {
    const value = seconds[item.dataset.phase];
    if (!value) {
      item.remove(); // no hold: no hold step at all
      continue;
    }
    item.dataset.seconds = String(value);
    item.querySelector(".step__seconds").textContent = `(${secondsText(value)})`;
  }
  root.dataset.totalSeconds = String(choice.minutes * 60);
  root.querySelector("[data-time-left]").textContent = formatClock(choice.minutes * 60 * 1000);
}

function startOffline(event) {
  const queue = window.pijnresetOffline;
  if (navigator.onLine || !queue) return; // online: the usual start on the server
  event.preventDefault();
  const exercise = form.dataset.offlineStart;
  const choice = readChoice(exercise, new FormData(form), event.submitter);
  const templates = [...document.querySelectorAll("template[data-offline-pacer]")];
  const template = choice && templates.find((t) => t.dataset.offlinePacer === choice.version);
  if (!template) {
    say(form.dataset.textInvalid);
    return;
  }
  const texts = { ...form.dataset };
  const kept = template.content.cloneNode(true);
  const root = kept.querySelector("[data-pacer]");
  const finishForm = kept.querySelector("[data-finish-form]");
  if (choice.breath) setRhythm(template, root, choice);
  root.dataset.speak = String(choice.spoken_cues);
  root.dataset.sound = String(choice.sound);
  form.replaceWith(kept);

  const clientId = newClientId();
  const planned = Number(root.dataset.totalSeconds);
  let startedAt = null;
  root.querySelector("[data-begin]").addEventListener("click", () => {
    startedAt = new Date();
  });

  function keep(finished, seconds, after = {}) {
    const begun = startedAt || new Date();
    return queue.keepSession(clientId, {
      exercise,
      version: choice.version,
      local_date: localDate(begun),
      started_at: begun.toISOString(),
      ended_at: new Date().toISOString(),
      planned_seconds: planned,
      duration_seconds: Math.max(0, Math.min(Math.round(seconds) || 0, planned)),
      finished,
      ...(choice.breath || {}),
      spoken_cues: choice.spoken_cues,
      sound: choice.sound,
      feeling_before: choice.feeling_before,
      feeling_after: null,
      felt_dizzy: false,
      ...after,
    });
  }

  setUp(root, finishForm, { record: (seconds) => keep(true, seconds) });
  finishForm.addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    const fields = new FormData(finishForm);
    const outcome = submitted.submitter ? submitted.submitter.value : "finished";
    const after = {
      feeling_after: whole(fields.get("feeling_after"), [0, 10]),
      felt_dizzy: fields.get("felt_dizzy") !== null,
    };
    const note = document.createElement("p");
    note.setAttribute("role", "status");
    try {
      await keep(outcome === "finished", Number(fields.get("seconds")), after);
      note.className = "message";
      note.textContent = texts.textQueued;
    } catch (full) {
      note.className = "message message--error";
      note.textContent = texts.textFailed;
    }
    finishForm.replaceWith(note);
    root.hidden = true;
  });
  root.querySelector("[data-begin]").focus();
}
