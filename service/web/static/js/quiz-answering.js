// The item on show and its answer form: showing an item (its feedback too, when it has been
// answered), reading and sending an answer, taking a hint, and what the server says back.
//
// Focus: whatever the learner acts on keeps focus or hands it on to what answers it (the
// verdict after Submit, the marked box after an unreadable answer, the new hint, the item's
// heading on a new item), so it never falls back to <body>.

import * as api from "./api.js";
import { element, showMessage } from "./dom.js";
import { answerFields, fillResponse, markKey, readResponse, updatePreview } from "./quiz-answer-types.js";
import { gradingNodes, hintNode, percent } from "./quiz-feedback.js";
import { clearEditedError, clearFieldErrors, readingSummary, serverFieldErrors, showFieldErrors } from "./quiz-form-errors.js";
import { renderItem, updateRunningScore } from "./quiz-item.js";
import * as session from "./quiz-session.js";
import { current, currentItem, el, moveOn, page } from "./quiz-state.js";
import { isWaiting, rateLimited, setWaiting } from "./quiz-waits.js";

const SUBMIT = "Submit answer";
let stopAnswerWait = () => {};
// What the page does when the server says the quiz is over or gone (quiz.js sets them).
let finish = async () => {};
let startOver = () => {};

// --- showing an item -------------------------------------------------------------------------

export function showItem(position, { focus = false } = {}) {
  moveOn();
  const quiz = page.quiz;
  quiz.position = position;
  session.save(quiz);
  const item = currentItem();
  renderItem(quiz);
  el.finishSlot.append(el.finish); // back in the progress area (see showNextAction)
  if (!page.timeUp) showMessage(el.quizError, "");
  el.hints.replaceChildren(...(quiz.hints[position] || []).map(hintNode));

  el.answerFields.replaceChildren(element("legend", { id: "answer-legend", text: "Your answer" }), ...answerFields(item));
  showMessage(el.answerError, "");
  el.feedback.replaceChildren();
  delete el.feedback.dataset.result;
  el.actions.replaceChildren();

  const grading = quiz.gradings[position];
  const response = (quiz.responses || {})[position];
  if (response) fillResponse(item, el.answerForm, response);
  updatePreview(item, el.answerForm);
  if (grading) showGrading(item, grading);
  else setFormOpen(!page.timeUp);
  if (page.timeUp && !grading) moveFinishButton();
  if (focus) el.itemHeading.focus();
}

/** The form's buttons as the item and the request in flight allow. */
function updateFormButtons() {
  setWaiting(el.submit, !page.formOpen || page.busy || page.waiting);
  el.submit.hidden = !page.formOpen;
  const quiz = page.quiz;
  if (!quiz) return;
  const item = currentItem();
  const left = item.hints - (quiz.hints[item.position] || []).length;
  const offered = left > 0 && page.formOpen;
  el.hintButton.hidden = !offered;
  el.hintCost.hidden = !offered;
  setWaiting(el.hintButton, page.busy);
  const cost = quiz.hint_penalty > 0 ? percent(quiz.hint_penalty) : null;
  el.hintButton.textContent = cost ? `Hint (−${cost})` : "Hint";
  el.hintCost.textContent = `${left} ${left === 1 ? "hint" : "hints"} left${cost ? `, each costs ${cost} of the item's points` : ""}`;
}

function setFormOpen(open) {
  page.formOpen = open && !page.timeUp;
  el.answerFields.disabled = !page.formOpen;
  updateFormButtons();
}

function setBusy(value) {
  page.busy = value;
  updateFormButtons();
}

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
  setFormOpen(false);
}

/** Forgets a 429's wait (a new quiz starts afresh). */
export function resetAnswering() {
  stopAnswerWait();
  stopAnswerWait = () => {};
  el.submit.textContent = SUBMIT;
  page.waiting = false;
  page.timeUp = false;
}

// --- answering and hints ---------------------------------------------------------------------

/**
 * Runs a request of the answer form (an answer, a hint) with the form busy. Resolves to the
 * request's answer; to undefined once `failed(error)` has dealt with its error, or when the page
 * has moved on meanwhile (the answer is stale, and dropped).
 */
async function formRequest(request, failed) {
  const stillShown = current();
  setBusy(true);
  try {
    const answer = await request();
    return stillShown() ? answer : undefined;
  } catch (error) {
    if (stillShown()) {
      setBusy(false);
      await failed(error);
    }
    return undefined;
  } finally {
    if (stillShown()) setBusy(false);
  }
}

async function submitAnswer(event) {
  event.preventDefault();
  if (page.busy || !page.formOpen || page.waiting) return;
  const quiz = page.quiz;
  const item = currentItem();
  clearFieldErrors(el.answerForm, el.answerError);
  const reading = readResponse(item, el.answerForm);
  if (!reading.ok) {
    showFieldErrors(el.answerForm, el.answerError, reading.errors, readingSummary(reading.errors), el.submit);
    return;
  }
  const response = reading.response;
  const result = await formRequest(() => api.answerItem(quiz.id, quiz.token, item.position, response), answerFailed);
  if (!result) return;
  quiz.gradings[item.position] = result;
  quiz.responses = { ...(quiz.responses || {}), [item.position]: response };
  session.save(quiz);
  updateRunningScore(quiz);
  showGrading(item, result, { focus: true });
}

async function answerFailed(error) {
  switch (error.status) {
    case 422: {
      // The response could not be read: mark the box the server names; no try was used.
      const errors = serverFieldErrors(currentItem(), error);
      const summary = Object.keys(errors).length ? readingSummary(errors) : `Your answer could not be read (${error.detail}). No try was used.`;
      showFieldErrors(el.answerForm, el.answerError, errors, summary, el.submit);
      return;
    }
    case 409:
      // The item is closed (answered in another tab?) or the quiz is finished: catch up.
      await syncWithServer("This item was already answered, perhaps in another tab: here is where it stands.");
      return;
    case 410: {
      const when = /at (\S+)$/.exec(error.detail || "");
      timeIsUp(when && !Number.isNaN(Date.parse(when[1])) ? new Date(when[1]) : null);
      return;
    }
    case 429:
      page.waiting = true;
      stopAnswerWait();
      stopAnswerWait = rateLimited(el.submit, SUBMIT, error, el.answerError, "answers were sent", () => {
        page.waiting = false;
        updateFormButtons();
      });
      updateFormButtons();
      el.submit.focus();
      return;
    case 401:
    case 404: {
      setFormOpen(false);
      showMessage(el.answerError, "This quiz can no longer be used: the server does not know it any more.");
      const again = element("button", { type: "button", className: "button", text: "Start a new quiz" });
      again.addEventListener("click", startOver);
      el.actions.replaceChildren(again);
      again.focus();
      return;
    }
    default:
      showMessage(el.answerError, error.detail); // network trouble: try again
      el.submit.focus();
  }
}

async function takeHint() {
  if (page.busy || !page.formOpen || isWaiting(el.hintButton)) return;
  const quiz = page.quiz;
  const position = quiz.position;
  const hint = await formRequest(() => api.takeHint(quiz.id, quiz.token, position), hintFailed);
  if (!hint) return;
  quiz.hints[position] = [...(quiz.hints[position] || []), hint];
  session.save(quiz);
  const node = hintNode(hint);
  node.tabIndex = -1;
  el.hints.append(node);
  updateFormButtons();
  // The new hint takes focus: it is what the learner asked for, and the button may be gone.
  node.focus();
}

async function hintFailed(error) {
  if (error.status === 409) await syncWithServer("This item takes no more hints: it has none left, or it was answered in another tab.");
  else if (error.status === 410) timeIsUp();
  else showMessage(el.answerError, error.detail);
}

/** After a 409: re-reads the quiz from the server and shows the current item as the server sees
 * it, with `message` under it; a quiz that is no longer open shows its summary instead. */
async function syncWithServer(message) {
  const stillShown = current();
  const quiz = page.quiz;
  let state = null;
  try {
    state = await api.getQuiz(quiz.id, quiz.token);
  } catch {
    // Could not catch up: the item stays as it is, and the message says what happened.
  }
  if (!stillShown()) return;
  if (state && state.status === "finished") {
    await finish();
    return;
  }
  if (state) {
    session.mergeStates(quiz, state.items);
    session.save(quiz);
    showItem(quiz.position);
  }
  showMessage(el.answerError, message);
  el.itemHeading.focus();
}

// --- feedback --------------------------------------------------------------------------------

function showGrading(item, result, { focus = false } = {}) {
  const quiz = page.quiz;
  const again = !result.correct && result.tries_left > 0;
  el.feedback.dataset.result = result.correct ? "correct" : (result.score || 0) > 0 ? "partial" : "wrong";
  el.feedback.replaceChildren(...gradingNodes(item, result, (quiz.responses || {})[item.position] || null, quiz));
  if (result.key) markKey(item, el.answerForm, result.key);
  el.actions.replaceChildren();
  if (again && !page.timeUp) {
    // Another try, or on to the next item with this one's best score so far.
    const retry = element("button", { id: "try-again", type: "button", className: "button", text: "Try again" });
    retry.addEventListener("click", () => {
      const first = el.answerFields.querySelector("input:not(:disabled)");
      if (first) first.focus();
    });
    const next = showNextAction({ secondary: true });
    el.actions.prepend(retry);
    if (next === el.finish) el.finishSlot.append(el.finish); // the last item: Finish stays on top
  } else if (!again) {
    showNextAction();
  }
  if (focus) {
    // The verdict, in view: on a phone it would otherwise sit below the fold.
    const verdict = el.feedback.querySelector("#verdict");
    verdict.focus({ preventScroll: true });
    verdict.scrollIntoView({ block: "start", behavior: "instant" });
  }
  setFormOpen(again);
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

export function moveFinishButton() {
  setWaiting(el.finish, false);
  el.actions.replaceChildren(el.finish); // moves the element: still exactly one #finish-quiz
  return el.finish;
}

// --- wiring ----------------------------------------------------------------------------------

/** A box edited: its "Reads as" preview follows, and its mark goes. */
function onEdit(event) {
  if (!page.quiz) return;
  updatePreview(currentItem(), el.answerForm);
  clearEditedError(el.answerForm, el.answerError, event.target);
}

/** Wires the form; `finished` shows the summary of a quiz found finished, `gone` starts over
 * after a quiz the server no longer knows. */
export function wireAnswering({ finished, gone }) {
  finish = finished;
  startOver = gone;
  el.answerForm.addEventListener("submit", submitAnswer);
  el.answerForm.addEventListener("input", onEdit);
  el.answerForm.addEventListener("change", onEdit);
  el.hintButton.addEventListener("click", takeHint);
}
