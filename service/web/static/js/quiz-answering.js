// The quiz page's side of the answer form (answering.js does the rest): each change saved in
// the tab's storage (quiz-session.js) and the running score, "Next item" or on the last item
// "Finish quiz" under the feedback, a time limit that runs out (410), a quiz found finished, and
// a quiz the server no longer knows.

import { answerForm } from "./answering.js";
import { element, showMessage } from "./dom.js";
import { updateRunningScore } from "./quiz-item.js";
import * as session from "./quiz-session.js";
import * as state from "./quiz-state.js";
import { setWaiting } from "./quiz-waits.js";

const { el, page } = state;
// What the page does when the server says the quiz is over or gone (quiz.js sets them).
let finish = async () => {};
let startOver = () => {};

const form = answerForm(state, {
  session: () => page.quiz,
  showing(quiz, position) {
    session.save(quiz);
    el.finishSlot.append(el.finish); // back in the progress area (see showNextAction)
    if (!page.timeUp) showMessage(el.quizError, "");
    if (page.timeUp && !quiz.gradings[position]) moveFinishButton();
  },
  stored(quiz) {
    session.save(quiz);
    updateRunningScore(quiz);
  },
  showActions,
  async ended(found) {
    if (found.status !== "finished") return false;
    await finish();
    return true;
  },
  refused,
});

/** Shows the item at `position` (its feedback too, when it has been answered); `focus` moves
 * the focus to its heading. */
export const showItem = form.showItem;

/** The quiz takes no more answers: say so in words and offer the finish. */
export function timeIsUp(when = null) {
  page.timeUp = true;
  const at = when ? ` at ${when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` : "";
  const focused = el.answerForm.contains(document.activeElement);
  el.timer.textContent = "Time is up";
  el.timer.classList.add("timer-low");
  showMessage(el.quizError, `Time is up: the quiz's time limit ran out${at}, so it takes no more answers. Finish it to see your score and the review.`);
  const button = moveFinishButton();
  if (focused) button.focus();
  form.setFormOpen(false);
}

/** Forgets a 429's wait and a time that was up (a new quiz starts afresh). */
export function resetAnswering() {
  form.reset();
  page.timeUp = false;
}

/** What the quiz page does about a refusal: a time limit run out (410), a quiz gone (401, 404
 * on an answer); anything else shows under the form. */
function refused(error, request) {
  if (error.status === 410) {
    const when = request === "answer" && /at (\S+)$/.exec(error.detail || "");
    timeIsUp(when && !Number.isNaN(Date.parse(when[1])) ? new Date(when[1]) : null);
    return true;
  }
  if (request !== "answer" || (error.status !== 401 && error.status !== 404)) return false;
  form.setFormOpen(false);
  showMessage(el.answerError, "This quiz can no longer be used: the server does not know it any more.");
  const again = element("button", { type: "button", className: "button", text: "Start a new quiz" });
  again.addEventListener("click", startOver);
  el.actions.replaceChildren(again);
  again.focus();
  return true;
}

// --- under the feedback ----------------------------------------------------------------------

function showActions(again) {
  el.actions.replaceChildren();
  if (again && !page.timeUp) {
    // Another try, or on to the next item with this one's best score so far.
    const retry = form.retryButton();
    const next = showNextAction({ secondary: true });
    el.actions.prepend(retry);
    if (next === el.finish) el.finishSlot.append(el.finish); // the last item: Finish stays on top
  } else if (!again) {
    showNextAction();
  }
}

/** After a closed item: "Next item", or on the last item the (moved) "Finish quiz" button. */
function showNextAction({ secondary = false } = {}) {
  const quiz = page.quiz;
  if (quiz.position < quiz.items.length) {
    const next = element("button", { id: "next-item", type: "button", className: secondary ? "button button-secondary" : "button", text: "Next item" });
    next.addEventListener("click", () => showItem(quiz.position + 1, { focus: true }));
    el.actions.replaceChildren(next);
    return next;
  }
  return moveFinishButton();
}

/** "Finish quiz" under the item, where the learner's eyes are; returns the button. */
export function moveFinishButton() {
  setWaiting(el.finish, false);
  el.actions.replaceChildren(el.finish); // moves the element: still exactly one #finish-quiz
  return el.finish;
}

/** Wires the form; `finished` shows the summary of a quiz found finished, `gone` starts over
 * after a quiz the server no longer knows. */
export function wireAnswering({ finished, gone }) {
  finish = finished;
  startOver = gone;
  form.wire();
}
