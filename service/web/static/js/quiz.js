// The quiz page: start a quiz, answer its items one by one, finish, review.
//
// The server does all the grading; this page only shows items, reads responses in the shape
// of each answer type (quiz-answer-types.js) and shows what the server says. Progress lives in
// sessionStorage (quiz-session.js), so a reload (or a crash of the tab) continues where the
// learner was.
//
// The page shows nothing that answers an item before the quiz's reveal policy does: an item's
// plot is the graph of f that the server sends with it; the derivative's plot, the difference
// quotients, the key and the explanation come only in the server's answers once they are
// revealed, and a hint only when the learner asks (and pays) for it. It never calls the
// evaluation API, which an exam deployment turns off.

import * as api from "./api.js";
import { $, element, showMessage } from "./dom.js";
import { answerFields, readResponse } from "./quiz-answer-types.js";
import { gradingNodes, hintNode, percent } from "./quiz-feedback.js";
import { drawItemPlot, renderItem, updateRunningScore } from "./quiz-item.js";
import { loadConfig, loadTopics, readOptions } from "./quiz-options.js";
import * as session from "./quiz-session.js";
import { renderSummary } from "./quiz-summary.js";

const el = {
  optionsSection: $("options-section"),
  optionsForm: $("quiz-options"),
  start: $("start"),
  startError: $("start-error"),
  quiz: $("quiz"),
  finishSlot: $("finish-slot"),
  finish: $("finish-quiz"),
  quizError: $("quiz-error"),
  hints: $("hints"),
  hintButton: $("take-hint"),
  itemHeading: $("item-heading"),
  answerForm: $("answer-form"),
  answerFields: $("answer-fields"),
  answerError: $("answer-error"),
  submit: $("submit-answer"),
  feedback: $("feedback"),
  actions: $("item-actions"),
  summary: $("summary"),
  summaryHeading: $("summary-heading"),
  newQuiz: $("new-quiz"),
};

let quiz = null; // the session (see quiz-session.js), null before a quiz starts
let formOpen = false; // whether the current item takes another answer
let busy = false; // a request of the answer form is in flight for what the page shows
// Every view and every item shown starts a generation: a request's answer that arrives after
// the page has moved on (finished, started over, caught up with the server) is dropped, and
// the request no longer keeps the page busy.
const shown = api.generations();

function moveOn() {
  shown.next();
  busy = false;
}

function showView(name) {
  moveOn();
  el.optionsSection.hidden = name !== "options";
  el.quiz.hidden = name !== "quiz";
  el.summary.hidden = name !== "summary";
}

function endSession() {
  quiz = null;
  session.forget();
}

// --- starting --------------------------------------------------------------------------------

async function startQuiz(event) {
  event.preventDefault();
  showMessage(el.startError, "");
  const body = readOptions();
  el.start.disabled = true;
  el.start.textContent = "Starting…";
  try {
    quiz = session.fromCreated(await api.createQuiz(body));
    session.save(quiz);
    showView("quiz");
    showItem(1, { focus: true });
  } catch (error) {
    showMessage(el.startError, error.detail);
  } finally {
    el.start.disabled = false;
    el.start.textContent = "Start quiz";
  }
}

// --- showing an item -------------------------------------------------------------------------

function currentItem() {
  return quiz.items[quiz.position - 1];
}

function showItem(position, { focus = false } = {}) {
  moveOn();
  quiz.position = position;
  session.save(quiz);
  const item = currentItem();
  renderItem(quiz);
  el.finishSlot.append(el.finish); // back in the progress area (see showNextAction)
  el.finish.disabled = false;
  showMessage(el.quizError, "");
  el.hints.replaceChildren(...(quiz.hints[position] || []).map(hintNode));

  el.answerFields.replaceChildren(element("legend", { text: "Your answer" }), ...answerFields(item));
  showMessage(el.answerError, "");
  el.feedback.replaceChildren();
  delete el.feedback.dataset.result;
  el.actions.replaceChildren();

  const grading = quiz.gradings[position];
  if (grading) showGrading(item, grading);
  else setFormOpen(true);
  if (focus) el.itemHeading.focus();
}

/** The form's buttons as the item and the request in flight allow: submit while the item is
 * open, the next hint while it is open and has hints left, neither while busy. */
function updateFormButtons() {
  el.submit.disabled = !formOpen || busy;
  if (!quiz) return;
  const item = currentItem();
  const left = item.hints - (quiz.hints[item.position] || []).length;
  el.hintButton.hidden = left <= 0 || !formOpen;
  el.hintButton.disabled = busy;
  el.hintButton.textContent = `Hint (${left} left, −${percent(quiz.hint_penalty)} each)`;
}

function setFormOpen(open) {
  formOpen = open;
  el.answerFields.disabled = !open;
  updateFormButtons();
}

function setBusy(value) {
  busy = value;
  updateFormButtons();
}

// --- answering and hints ---------------------------------------------------------------------

/**
 * Runs a request of the answer form (an answer, a hint) with the form busy. Resolves to the
 * request's answer; to undefined once `failed(error)` has dealt with its error, or when the page
 * has moved on meanwhile (the answer is stale, and dropped).
 */
async function formRequest(request, failed) {
  const current = shown.check();
  setBusy(true);
  try {
    const answer = await request();
    return current() ? answer : undefined;
  } catch (error) {
    if (current()) await failed(error);
    return undefined;
  } finally {
    if (current()) setBusy(false);
  }
}

async function submitAnswer(event) {
  event.preventDefault();
  if (busy || !formOpen) return;
  const item = currentItem();
  const response = readResponse(item, el.answerForm);
  showMessage(el.answerError, "");
  const result = await formRequest(() => api.answerItem(quiz.id, quiz.token, item.position, response), answerFailed);
  if (!result) return;
  quiz.gradings[item.position] = result;
  session.save(quiz);
  updateRunningScore(quiz);
  showGrading(item, result, { focus: true });
}

async function answerFailed(error) {
  switch (error.status) {
    case 422:
      // The response could not be read: the server says how it read it; no try was used.
      showMessage(el.answerError, error.detail);
      return;
    case 409:
      // The item is closed (answered in another tab?) or the quiz is finished: catch up.
      await syncWithServer(error.detail);
      return;
    case 410:
      setFormOpen(false);
      showMessage(el.answerError, `${error.detail}. The time is up: finish the quiz to see your score.`);
      moveFinishButton();
      return;
    case 401:
    case 404: {
      setFormOpen(false);
      showMessage(el.answerError, `${error.detail}. This quiz can no longer be used.`);
      const again = element("button", { type: "button", className: "button", text: "Start a new quiz" });
      again.addEventListener("click", startOver);
      el.actions.replaceChildren(again);
      return;
    }
    default:
      showMessage(el.answerError, error.detail); // network trouble, rate limit: try again
  }
}

async function takeHint() {
  if (busy || !formOpen) return;
  const position = quiz.position;
  const hint = await formRequest(() => api.takeHint(quiz.id, quiz.token, position), hintFailed);
  if (!hint) return;
  quiz.hints[position] = [...(quiz.hints[position] || []), hint];
  session.save(quiz);
  el.hints.append(hintNode(hint));
  updateFormButtons();
}

async function hintFailed(error) {
  if (error.status === 409) await syncWithServer(error.detail);
  else showMessage(el.answerError, error.detail);
}

/** After a 409: re-reads the quiz from the server and shows the current item as the server sees
 * it, with `message` under it; a quiz that is no longer open shows its summary instead. */
async function syncWithServer(message) {
  const current = shown.check();
  let state = null;
  try {
    state = await api.getQuiz(quiz.id, quiz.token);
  } catch {
    // Could not catch up: the item stays as it is, and the message says what happened.
  }
  if (!current()) return;
  if (state && state.status !== "open") {
    await finishQuiz();
    return;
  }
  if (state) {
    session.mergeStates(quiz, state.items);
    session.save(quiz);
    showItem(quiz.position);
  }
  showMessage(el.answerError, message);
}

// --- feedback --------------------------------------------------------------------------------

function showGrading(item, result, { focus = false } = {}) {
  const correct = Boolean(result.correct);
  const partial = !correct && result.score > 0;
  el.feedback.dataset.result = correct ? "correct" : partial ? "partial" : "wrong";
  el.feedback.replaceChildren(...gradingNodes(item, result));
  if (result.subgradient_graph) drawItemPlot(item, result);

  const again = !correct && result.tries_left > 0;
  setFormOpen(again);
  el.actions.replaceChildren();
  if (!again) {
    const next = showNextAction();
    if (focus) next.focus();
  }
}

/** After a closed item: "Next item", or on the last item the (moved) "Finish quiz" button. */
function showNextAction() {
  if (quiz.position < quiz.items.length) {
    const next = element("button", { id: "next-item", type: "button", className: "button", text: "Next item" });
    next.addEventListener("click", () => showItem(quiz.position + 1, { focus: true }));
    el.actions.replaceChildren(next);
    return next;
  }
  return moveFinishButton();
}

function moveFinishButton() {
  el.finish.disabled = false;
  el.actions.replaceChildren(el.finish); // moves the element: still exactly one #finish-quiz
  return el.finish;
}

// --- finishing, starting over, resuming --------------------------------------------------------

async function finishQuiz() {
  el.finish.disabled = true;
  showMessage(el.quizError, "");
  const current = shown.check();
  let summary;
  try {
    summary = await api.finishQuiz(quiz.id, quiz.token);
  } catch (error) {
    if (current()) finishFailed(error);
    return;
  }
  if (current()) showSummary(summary);
}

function finishFailed(error) {
  el.finish.disabled = false;
  if (error.status === 401 || error.status === 404) {
    endSession();
    showView("options");
    showMessage(el.startError, error.detail);
  } else {
    showMessage(el.quizError, error.detail);
  }
}

function showSummary(summary, { focus = true } = {}) {
  renderSummary(summary, quiz);
  showView("summary");
  if (focus) el.summaryHeading.focus();
}

function startOver() {
  endSession();
  el.feedback.replaceChildren();
  el.actions.replaceChildren();
  showView("options");
  el.optionsForm.elements.size.focus();
}

async function resume(saved) {
  let state;
  try {
    state = await api.getQuiz(saved.id, saved.token);
  } catch (error) {
    if (error.status === 401 || error.status === 404) session.forget();
    else showMessage(el.startError, `Your last quiz could not be resumed: ${error.detail}`);
    showView("options");
    return;
  }
  quiz = saved;
  if (state.status !== "open") {
    // Finished (or out of time): finishing is idempotent and returns the summary.
    try {
      showSummary(await api.finishQuiz(quiz.id, quiz.token), { focus: false });
    } catch (error) {
      showView("options");
      showMessage(el.startError, `Your last quiz could not be shown: ${error.detail}`);
    }
    return;
  }
  session.mergeStates(quiz, state.items);
  const next = state.items.find((s) => s.tries_left > 0);
  showView("quiz");
  showItem(next ? next.position : quiz.items.length);
}

// --- wiring ----------------------------------------------------------------------------------

el.optionsForm.addEventListener("submit", startQuiz);
el.answerForm.addEventListener("submit", submitAnswer);
el.finish.addEventListener("click", finishQuiz);
el.hintButton.addEventListener("click", takeHint);
el.newQuiz.addEventListener("click", startOver);

loadTopics();
loadConfig();
const saved = session.loadSaved();
if (saved) {
  showView("none"); // nothing until we know where the saved quiz stands
  resume(saved);
} else {
  showView("options");
}
