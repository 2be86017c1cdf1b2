// Pure timing of the exercise timers: no DOM, no clock. Same input, same output.
//
// The rule (also in exercises/README.md):
// - A timer is a list of phases, each with a length in milliseconds (`ms`).
//   The breathing pacer repeats its cycle (in, hold, out) until the session
//   length `totalMs` is reached; the guided exercises (muscle relaxation, body
//   scan) run their steps once, and `totalMs` is the sum of the steps.
// - The only input that changes is `elapsedMs`: the time since the start,
//   always computed from clock differences (performance.now() now minus at
//   the start, minus time spent paused). It is never counted from timer ticks,
//   so a tab in the background, a slow phone or a skipped frame cannot make
//   the timer drift: the next computation is right again.
// - Position in the cycle: p = elapsedMs mod cycleMs when repeating, else
//   elapsedMs. The phase is the first one whose end (the running sum of the
//   lengths) lies after p; `phaseProgress` = time in that phase / its length,
//   from 0 up to (not including) 1. A phase of 0 ms (breathing without a
//   hold) is never the current phase: p < end is false for it.
// - The session is done when elapsedMs >= totalMs, even in the middle of a
//   breath; then progress is 1 and nothing is left. A negative elapsedMs
//   counts as 0.

/**
 * Where a timer stands after `elapsedMs`.
 * @param {number} elapsedMs time since the start, paused time left out
 * @param {{ms: number}[]} phases the phases of one cycle, or the steps
 * @param {number} totalMs the session length
 * @param {boolean} repeat repeat the cycle (breathing) or run the steps once
 */
export function positionAt(elapsedMs, phases, totalMs, repeat) {
  const cycleMs = phases.reduce((sum, phase) => sum + phase.ms, 0);
  const elapsed = Math.max(0, elapsedMs);
  if (!phases.length || cycleMs <= 0 || totalMs <= 0) {
    return { done: true, index: 0, cycle: 0, phaseElapsed: 0, phaseProgress: 1, phaseRemainingMs: 0, progress: 1, remainingMs: 0 };
  }
  const done = elapsed >= totalMs;
  const clamped = Math.min(elapsed, totalMs);
  let cycle = 0;
  let p = clamped;
  if (repeat) {
    cycle = Math.floor(clamped / cycleMs);
    p = clamped - cycle * cycleMs;
  }
  let index = phases.length - 1;
  let start = cycleMs - phases[index].ms;
  let end = 0;
  for (let i = 0; i < phases.length; i += 1) {
    end += phases[i].ms;
    if (p < end) {
      index = i;
      start = end - phases[i].ms;
      break;
    }
  }
  const phaseElapsed = Math.min(p - start, phases[index].ms);
  return {
    done,
    index,
    cycle,
    phaseElapsed,
    phaseProgress: phases[index].ms > 0 ? phaseElapsed / phases[index].ms : 1,
    phaseRemainingMs: phases[index].ms - phaseElapsed,
    progress: clamped / totalMs,
    remainingMs: totalMs - clamped,
  };
}

const SMALL = 0.45;

/** Gentle easing: slow at both ends, like a breath. */
function ease(x) {
  return 0.5 - Math.cos(Math.PI * x) / 2;
}

/**
 * The circle's size (SMALL to 1) for a breathing phase: it grows while
 * breathing in, stays full while holding, shrinks while breathing out.
 */
export function breathScale(phaseName, phaseProgress) {
  if (phaseName === "in") return SMALL + (1 - SMALL) * ease(phaseProgress);
  if (phaseName === "out") return 1 - (1 - SMALL) * ease(phaseProgress);
  return 1;
}

/** "m:ss" for a number of milliseconds, rounded up to the next whole second. */
export function formatClock(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}
