// Buttons that wait. A waiting button keeps its focus (`disabled` would drop it to <body>): it
// is announced as unavailable with aria-disabled, and its handler refuses the click.

import { showMessage } from "./dom.js";
import { clock, countdown, inWords } from "./quiz-timer.js";

export function setWaiting(button, on) {
  if (on) button.setAttribute("aria-disabled", "true");
  else button.removeAttribute("aria-disabled");
}

export const isWaiting = (button) => button.getAttribute("aria-disabled") === "true";

/**
 * After a 429: the wait its Retry-After asks for, said in `messageTarget` and counted down on
 * `button` (whose own text is `label`), which waits meanwhile; then `done()`. `what` says what
 * there was too much of ("quizzes were started"). Returns a function that stops the countdown.
 */
export function rateLimited(button, label, error, messageTarget, what, done = () => {}) {
  const seconds = error.retryAfter ?? 60;
  showMessage(messageTarget, `Too many ${what} from this address just now. You can try again in ${inWords(seconds)}; the button counts down.`);
  setWaiting(button, true);
  return countdown(
    Date.now() + seconds * 1000,
    (left) => {
      button.textContent = `${label} (wait ${clock(left)})`;
    },
    () => {
      button.textContent = label;
      setWaiting(button, false);
      showMessage(messageTarget, "");
      done();
    },
  );
}
