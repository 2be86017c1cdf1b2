// "Listen instead of read": reads a lesson or an exercise text aloud with the
// browser's own speech synthesis, for days when reading is too much.
//
// Markup (labels translated by the template; the control stays hidden where
// the browser has no speech synthesis):
//   <div class="read-aloud" data-read-aloud="#text-id" hidden>
//     <button type="button" data-read-aloud-play aria-pressed="false">…</button>
//     <div role="group" aria-label="…"><button type="button" data-rate="0.8" aria-pressed="false">…</button>…</div>
//   </div>
//
// The text is read block by block (paragraphs, list items, headings): Chrome
// stops a single long utterance after about 15 seconds, and pausing between
// blocks lets "pause" resume at the start of the block it stopped in, which
// works the same in every browser (speechSynthesis.pause() does not).

const VOICES = { nl: "nl-NL", en: "en-GB" };
const BLOCKS = "h1, h2, h3, h4, p, li, blockquote, dt, dd";
const RATE_KEY = "pijnreset.readAloudRate";

if ("speechSynthesis" in window && typeof SpeechSynthesisUtterance !== "undefined") {
  for (const control of document.querySelectorAll("[data-read-aloud]")) setUp(control);
}

function blocksOf(source) {
  const found = [...source.querySelectorAll(BLOCKS)]
    .filter((element) => !element.querySelector(BLOCKS)) // the innermost blocks only
    .map((element) => element.textContent.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (found.length) return found;
  const whole = source.textContent.replace(/\s+/g, " ").trim();
  return whole ? [whole] : [];
}

function storedRate() {
  try {
    return Number(window.localStorage.getItem(RATE_KEY)) || 1;
  } catch {
    return 1;
  }
}

function setUp(control) {
  const source = document.querySelector(control.dataset.readAloud);
  const play = control.querySelector("[data-read-aloud-play]");
  const rateButtons = [...control.querySelectorAll("[data-rate]")];
  if (!source || !play) return;
  const blocks = blocksOf(source);
  if (!blocks.length) return;

  const language = document.documentElement.lang.split("-")[0];
  const synth = window.speechSynthesis;
  let rate = storedRate();
  let next = 0; // the block to read when playing (again)
  let reading = false;
  let current = null;

  function show() {
    play.setAttribute("aria-pressed", String(reading));
    for (const button of rateButtons) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.rate) === rate));
    }
  }

  function speakFrom(index) {
    if (index >= blocks.length) {
      reading = false;
      next = 0;
      show();
      return;
    }
    const utterance = new SpeechSynthesisUtterance(blocks[index]);
    utterance.lang = VOICES[language] || language || "nl-NL";
    utterance.rate = rate;
    utterance.addEventListener("end", () => {
      if (current !== utterance || !reading) return;
      next = index + 1;
      speakFrom(next);
    });
    utterance.addEventListener("error", () => {
      if (current !== utterance) return;
      reading = false;
      show();
    });
    current = utterance;
    next = index;
    synth.speak(utterance);
  }

  function stopSpeaking() {
    current = null;
    synth.cancel();
  }

  function toggle() {
    reading = !reading;
    show();
    if (reading) {
      stopSpeaking(); // another reader on the page (or the exercise cues) stops first
      speakFrom(next);
    } else {
      stopSpeaking();
    }
  }

  function choose(button) {
    rate = Number(button.dataset.rate) || 1;
    try {
      window.localStorage.setItem(RATE_KEY, String(rate));
    } catch {
      // Not remembered on this device; it still holds on this page.
    }
    show();
    if (reading) {
      stopSpeaking();
      speakFrom(next); // the block it was in, again, at the new speed
    }
  }

  play.addEventListener("click", toggle);
  for (const button of rateButtons) button.addEventListener("click", () => choose(button));
  window.addEventListener("pagehide", stopSpeaking);
  show();
  control.hidden = false;
}
