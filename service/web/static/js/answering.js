// The answer form of the item on show, for the quiz page and the practice page alike: showing an
// item (its feedback too, when it has been answered), reading and sending an answer, taking a
// hint, the form's busy and waiting states (a 429 counts down on Submit), and what the server
// says back: a grading, an answer it cannot read (its 422 marked on the boxes it names), an item
// closed meanwhile (409: the page catches up with the server). What differs between the pages
// comes in hooks: quiz-answering.js (a saved quiz of fixed length, its running score, "Next item"
// or "Finish quiz", a time limit) and practice-answering.js (a tally, "Next item" chosen by the
// server and "End session").
//
// Focus: whatever the learner acts on keeps focus or hands it on to what answers it (the
// verdict after Submit, the marked box after an unreadable answer, the new hint, the item's
// heading on a new item), so it never falls back to <body>.

import * as api from "./api.js";
import { element, showMessage } from "./dom.js";
import { answerFields, fillResponse, markKey, readResponse, updatePreview } from "./quiz-answer-types.js";
import { gradingNodes, hintNode, percent } from "./quiz-feedback.js";
import { clearEditedError, clearFieldErrors, readingSummary, serverFieldErrors, showFieldErrors } from "./quiz-form-errors.js";
import { renderItem } from "./quiz-item.js";
import { mergeStates } from "./quiz-session.js";
import { isWaiting, rateLimited, setWaiting } from "./quiz-waits.js";

const SUBMIT = "Submit answer";

/**
 * The answer form of a page. `state` is the page's state module: its elements `el` (answerForm,
 * answerFields, answerError, submit, hintButton, hintCost, hints, feedback, actions, itemHeading),
 * `page` ({formOpen, busy, waiting}, and timeUp on a page whose quiz can run out of time),
 * `current()`, `currentItem()` and `moveOn()`. `hooks` say what is the page's own:
 *
 * - `session()`: the quiz on show, in quiz-session.js's shape (null before there is one);
 * - `showing(session, position)`: the page's own parts of a new item, once the form is drawn
 *   and before its grading shows (saving it, its messages, where its buttons go back to);
 * - `stored(session)`: a grading, a hint or the server's state was put in the session;
 * - `showActions(again)`: the buttons under a grading (`again`: a try is left);
 * - `ended(state)`: on catching up after a 409, the server's state of the quiz; resolves to true
 *   once the page has dealt with a quiz that is over;
 * - `refused(error, request)`: an error of an "answer" or a "hint" request that the form does
 *   not deal with itself (401, 404, 410); true once the page has dealt with it, else its detail
 *   shows under the form.
 *
 * Returns {showItem(position, {focus}), setFormOpen(open), retryButton(), reset(), wire()}.
 */
export function answerForm({ el, page, current, currentItem, moveOn }, hooks) {
  let stopAnswerWait = () => {};

  // --- showing an item -----------------------------------------------------------------------

  function showItem(position, { focus = false } = {}) {
    moveOn();
    const session = hooks.session();
    session.position = position;
    const item = currentItem();
    renderItem(session);
    el.hints.replaceChildren(...(session.hints[position] || []).map(hintNode));

    el.answerFields.replaceChildren(element("legend", { id: "answer-legend", text: "Your answer" }), ...answerFields(item));
    showMessage(el.answerError, "");
    el.feedback.replaceChildren();
    delete el.feedback.dataset.result;
    el.actions.replaceChildren();

    const grading = session.gradings[position];
    const response = (session.responses || {})[position];
    if (response) fillResponse(item, el.answerForm, response);
    updatePreview(item, el.answerForm);
    hooks.showing(session, position);
    if (grading) showGrading(item, grading);
    else setFormOpen(true);
    if (focus) el.itemHeading.focus();
  }

  /** The form's buttons as the item and the request in flight allow. */
  function updateFormButtons() {
    setWaiting(el.submit, !page.formOpen || page.busy || page.waiting);
    el.submit.hidden = !page.formOpen;
    const session = hooks.session();
    if (!session || !session.items.length) return;
    const item = currentItem();
    const left = item.hints - (session.hints[item.position] || []).length;
    const offered = left > 0 && page.formOpen;
    el.hintButton.hidden = !offered;
    el.hintCost.hidden = !offered;
    setWaiting(el.hintButton, page.busy);
    const cost = session.hint_penalty > 0 ? percent(session.hint_penalty) : null;
    el.hintButton.textContent = cost ? `Hint (−${cost})` : "Hint";
    el.hintCost.textContent = `${left} ${left === 1 ? "hint" : "hints"} left${cost ? `, each costs ${cost} of the item's points` : ""}`;
  }

  /** Opens the form for an answer (never once the time is up) or shuts it. */
  function setFormOpen(open) {
    page.formOpen = open && !page.timeUp;
    el.answerFields.disabled = !page.formOpen;
    updateFormButtons();
  }

  function setBusy(value) {
    page.busy = value;
    updateFormButtons();
  }

  /** Forgets a 429's wait on the answer form (a new quiz or session starts afresh). */
  function reset() {
    stopAnswerWait();
    stopAnswerWait = () => {};
    el.submit.textContent = SUBMIT;
    page.waiting = false;
  }

  // --- answering and hints -------------------------------------------------------------------

  /**
   * Runs a request of the answer form (an answer, a hint) with the form busy. Resolves to the
   * request's answer; to undefined once `failed(error)` has dealt with its error, or when the
   * page has moved on meanwhile (the answer is stale, and dropped).
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
    const session = hooks.session();
    const item = currentItem();
    clearFieldErrors(el.answerForm, el.answerError);
    const reading = readResponse(item, el.answerForm);
    if (!reading.ok) {
      showFieldErrors(el.answerForm, el.answerError, reading.errors, readingSummary(reading.errors), el.submit);
      return;
    }
    const response = reading.response;
    const result = await formRequest(() => api.answerItem(session.id, session.token, item.position, response), answerFailed);
    if (!result) return;
    session.gradings[item.position] = result;
    session.responses = { ...(session.responses || {}), [item.position]: response };
    hooks.stored(session);
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
        // The item is closed (answered in another tab?) or the quiz is over: catch up.
        await syncWithServer("This item was already answered, perhaps in another tab: here is where it stands.");
        return;
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
      default:
        if (hooks.refused(error, "answer")) return;
        showMessage(el.answerError, error.detail); // network trouble: try again
        el.submit.focus();
    }
  }

  async function takeHint() {
    if (page.busy || !page.formOpen || isWaiting(el.hintButton)) return;
    const session = hooks.session();
    const position = session.position;
    const hint = await formRequest(() => api.takeHint(session.id, session.token, position), hintFailed);
    if (!hint) return;
    session.hints[position] = [...(session.hints[position] || []), hint];
    hooks.stored(session);
    const node = hintNode(hint);
    node.tabIndex = -1;
    el.hints.append(node);
    updateFormButtons();
    // The new hint takes focus: it is what the learner asked for, and the button may be gone.
    node.focus();
  }

  async function hintFailed(error) {
    if (error.status === 409) await syncWithServer("This item takes no more hints: it has none left, or it was answered in another tab.");
    else if (!hooks.refused(error, "hint")) showMessage(el.answerError, error.detail);
  }

  /** After a 409: re-reads the quiz from the server and shows the current item as the server
   * sees it, with `message` under it; a quiz that is over goes to the page (hooks.ended). */
  async function syncWithServer(message) {
    const stillShown = current();
    const session = hooks.session();
    let state = null;
    try {
      state = await api.getQuiz(session.id, session.token);
    } catch {
      // Could not catch up: the item stays as it is, and the message says what happened.
    }
    if (!stillShown()) return;
    if (state && (await hooks.ended(state))) return;
    if (state) {
      mergeStates(session, state.items);
      hooks.stored(session);
      showItem(session.position);
    }
    showMessage(el.answerError, message);
    el.itemHeading.focus();
  }

  // --- feedback ------------------------------------------------------------------------------

  function showGrading(item, result, { focus = false } = {}) {
    const session = hooks.session();
    const again = !result.correct && result.tries_left > 0;
    el.feedback.dataset.result = result.correct ? "correct" : (result.score || 0) > 0 ? "partial" : "wrong";
    el.feedback.replaceChildren(...gradingNodes(item, result, (session.responses || {})[item.position] || null, session));
    if (result.key) markKey(item, el.answerForm, result.key);
    hooks.showActions(again);
    if (focus) {
      // The verdict, in view: on a phone it would otherwise sit below the fold.
      const verdict = el.feedback.querySelector("#verdict");
      verdict.focus({ preventScroll: true });
      verdict.scrollIntoView({ block: "start", behavior: "instant" });
    }
    setFormOpen(again);
  }

  /** "Try again": back to the form's first box, for another try at the item. */
  function retryButton() {
    const retry = element("button", { id: "try-again", type: "button", className: "button", text: "Try again" });
    retry.addEventListener("click", () => {
      const first = el.answerFields.querySelector("input:not(:disabled)");
      if (first) first.focus();
    });
    return retry;
  }

  // --- wiring --------------------------------------------------------------------------------

  /** A box edited: its "Reads as" preview follows, and its mark goes. */
  function onEdit(event) {
    const session = hooks.session();
    if (!session || !session.items.length) return;
    updatePreview(currentItem(), el.answerForm);
    clearEditedError(el.answerForm, el.answerError, event.target);
  }

  function wire() {
    el.answerForm.addEventListener("submit", submitAnswer);
    el.answerForm.addEventListener("input", onEdit);
    el.answerForm.addEventListener("change", onEdit);
    el.hintButton.addEventListener("click", takeHint);
  }

  return { showItem, setFormOpen, retryButton, reset, wire };
}
