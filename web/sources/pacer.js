// Long loops in a worker or a page must let the event loop run now and then: so a 'cancel'
// message or a click is seen, and so progress is reported at a readable pace.

/** Milliseconds between two yields (and two progress events). */
export const PACE_MS = 50;

/** A pacer: `due()` says the interval has passed; `pause()` yields to the event loop (a task,
 * not a microtask, so queued messages run) and restarts the interval. */
export function createPacer(intervalMs = PACE_MS, now = () => performance.now()) {
  let last = now();
  return {
    due: () => now() - last >= intervalMs,
    async pause() {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = now();
    },
  };
}

/** Wraps `onProgress` so it fires at most once every `intervalMs`, except for `force`d events. */
export function throttleProgress(onProgress, intervalMs = PACE_MS, now = () => performance.now()) {
  if (typeof onProgress !== 'function') return () => {};
  let last = -Infinity;
  return (event, force = false) => {
    const t = now();
    if (!force && t - last < intervalMs) return;
    last = t;
    onProgress(event);
  };
}
