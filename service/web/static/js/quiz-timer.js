// Countdowns: the quiz's time limit, and the wait a 429 asks for. Each ticks once a second
// from a deadline on the clock (not by counting ticks, which a background tab slows down).

/** "1:05", "12:00", "1:02:03" for a number of seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** "12 seconds", "1 minute 5 seconds": a wait in words. */
export function inWords(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  const m = Math.floor(s / 60);
  const unit = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (m === 0) return unit(s, "second");
  return s % 60 ? `${unit(m, "minute")} ${unit(s % 60, "second")}` : unit(m, "minute");
}

/**
 * Calls `tick(secondsLeft)` now and every second until `deadline` (ms since the epoch), then
 * `done()`. Returns a function that stops it.
 */
export function countdown(deadline, tick, done) {
  let timer = null;
  const step = () => {
    const left = (deadline - Date.now()) / 1000;
    if (left <= 0) {
      stop();
      done();
      return;
    }
    tick(left);
    timer = setTimeout(step, Math.min(1000, ((left * 1000) % 1000) + 5));
  };
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  step();
  return stop;
}
