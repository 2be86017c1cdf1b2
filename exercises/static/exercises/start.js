// The start page of a timed exercise: the "read the cues aloud" box starts as
// last chosen on this device (the same choice as the switch next to Start). Without a
// connection the exercise runs on this page and is kept on the device (offline-start.js).

import "./offline-start.js";
import { rememberSpeech, rememberedSpeech } from "./voice.js";

const box = document.querySelector('input[type="checkbox"][name="spoken_cues"]');
if (box) {
  const remembered = rememberedSpeech();
  if (remembered !== null && !box.form?.querySelector(".errorlist")) box.checked = remembered;
  box.addEventListener("change", () => rememberSpeech(box.checked));
}
