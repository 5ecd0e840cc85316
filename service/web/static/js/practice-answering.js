// The practice page's side of the answer form (answering.js does the rest, as for a quiz): why
// the item was chosen, the tally ("3 items answered, 2 right") where a quiz keeps its running
// score, and under the feedback "Next item" (which the server chooses) and "End session" where
// a quiz has its fixed length. A session the server says is over or gone goes to the session
// module (practice-session.js), which shows the home view.
//
// The session has the shape of the quiz page's, so quiz-item.js, quiz-answer-types.js and
// quiz-feedback.js render it as they render a quiz; practice-state.js keeps what of it this
// browser remembers.

import { answerForm } from "./answering.js";
import { element, showMessage } from "./dom.js";
import { topicWords } from "./quiz-item.js";
import { topicDescriptions } from "./quiz-options.js";
import { setWaiting } from "./quiz-waits.js";
import * as state from "./practice-state.js";

const { el, page } = state;
// What the session module does on "Next item", and when the session is over or gone.
let next = async () => {};
let over = () => {};

/** A topic's title in words: its description from /v1/topics, else its name made readable. */
export const topicTitle = (topic) => topicDescriptions[topic] || topicWords(topic);

const REASONS = {
  review: () => "A review that is due",
  misconception: () => "On a mistake you made before",
  diagnostic: () => "Checking a common mistake",
  practice: (topic) => `At your level in ${topicTitle(topic)}`,
};

/** Why the server chose the item, in words. */
export function reasonText(reason) {
  const words = reason && REASONS[reason.reason];
  return words ? words(reason.topic) : "";
}

const form = answerForm(state, {
  session: () => page.session,
  showing(session, position) {
    el.item.hidden = false;
    updateTally();
    const reason = reasonText(session.reasons[position]);
    el.reason.replaceChildren(...(reason ? [element("span", { className: "label", text: "Why this item: " }), `${reason}.`] : []));
    el.reason.hidden = !reason;
    el.endSlot.append(el.end); // back beside the tally (see showClosedActions)
    setWaiting(el.end, false);
    showMessage(el.sessionError, "");
  },
  stored: updateTally,
  showActions: showClosedActions,
  ended(found) {
    if (found.status === "open") return false;
    over({ status: 410, detail: "" });
    return true;
  },
  refused(error, request) {
    // The session is gone (401, 404) or over (410): the session module takes it home.
    if (![401, 404, 410].includes(error.status)) return false;
    if (request === "answer") form.setFormOpen(false);
    over(error);
    return true;
  },
});

/** Shows the session's item at `position` (its feedback too, when it has been answered), why it
 * was chosen and the tally; `focus` moves the focus to its heading. */
export const showItem = form.showItem;

/** Forgets a 429's wait on the answer form (a new session starts afresh). */
export const resetAnswering = form.reset;

/** "3 items answered, 2 right": the session so far, beside "End session". */
function updateTally() {
  const gradings = Object.values(page.session.gradings || {});
  const right = gradings.filter((g) => g.correct).length;
  const focus = page.session.focus;
  el.progressText.replaceChildren("Practice session", ...(focus ? [element("span", { className: "session-focus", text: `: ${focus}` })] : []));
  const items = `${gradings.length} ${gradings.length === 1 ? "item" : "items"} answered`;
  el.tally.textContent = gradings.length ? `${items}, ${right} right` : "";
}

// --- under the feedback ----------------------------------------------------------------------

/** Under the feedback: "Try again" and "Next item" while a try is left; once the item is closed,
 * "Next item" and the (moved) "End session" button. */
function showClosedActions(again) {
  const nextButton = nextItemButton(again ? "button button-secondary" : "button");
  if (again) {
    el.actions.replaceChildren(form.retryButton(), nextButton);
    el.endSlot.append(el.end);
  } else {
    el.actions.replaceChildren(nextButton, el.end); // moves the element: still one #end-session
  }
}

/** The actions when no item could be fetched: "Next item" to ask again, and "End session". */
export function showRetryActions() {
  const nextButton = nextItemButton("button");
  el.actions.replaceChildren(nextButton, el.end);
  return nextButton;
}

function nextItemButton(className) {
  const button = element("button", { id: "next-item", type: "button", className, text: "Next item" });
  button.addEventListener("click", () => next(button));
  return button;
}

/** Wires the form; `onNext(button)` fetches the next item, `onOver(error)` deals with a session
 * the server says is gone (401, 404) or over (410). */
export function wireAnswering({ onNext, onOver }) {
  next = onNext;
  over = onOver;
  form.wire();
}
