// Optional spoken cues (Web Speech API) and a soft tone (WebAudio). Both are
// off unless the patient switched them on; both are created from a click, as
// browsers ask.

const VOICES = { nl: "nl-NL", en: "en-GB" };

// The spoken-cues choice, remembered on this device (no cookie, no server).
const SPEAK_KEY = "pijnreset.spokenCues";

/** true or false as last chosen on this device, or null when never chosen (or storage is blocked). */
export function rememberedSpeech() {
  try {
    const stored = window.localStorage.getItem(SPEAK_KEY);
    return stored === null ? null : stored === "true";
  } catch {
    return null;
  }
}

/** Remember the spoken-cues choice; where storage is blocked it holds for this page only. */
export function rememberSpeech(speak) {
  try {
    window.localStorage.setItem(SPEAK_KEY, String(speak));
  } catch {
    // Not remembered on this device.
  }
}

/** A function that reads a text aloud, or one that does nothing when there is no speech. */
export function makeSpeaker(language) {
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
    return { say() {}, stop() {} };
  }
  return {
    say(text) {
      if (!text) return;
      window.speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = VOICES[language] || language;
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    },
    stop() {
      window.speechSynthesis.cancel();
    },
  };
}

const TONES = { in: 392, hold: 330, out: 262, tense: 392, release: 262, rest: 294, attend: 330 };

/** A function that plays a short, quiet sine tone for a phase, or does nothing. */
export function makeTone() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return () => {};
  const context = new Context();
  return (phaseName) => {
    const now = context.currentTime;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = TONES[phaseName] || 330;
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.06, now + 0.08);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.9);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(now);
    oscillator.stop(now + 1);
  };
}
