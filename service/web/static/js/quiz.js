// The quiz page: start a quiz, answer its items one by one (quiz-answering.js), finish,
// review, practise the ones missed.
//
// The server does all the grading; this page shows items, reads responses in the shape of each
// answer type (quiz-answer-types.js, by the server's rules in quiz-read.js) and shows what the
// server says. Progress lives in sessionStorage and localStorage (quiz-session.js): a reload
// shows exactly what was on screen, and another tab or a later visit offers to resume.
//
// The page shows nothing that answers an item before the quiz's reveal policy does: an item's
// plot is the graph of f that the server sends with it; the derivative's plot, the difference
// quotients, the key and the explanation come only in the server's answers once they are
// revealed, and a hint only when the learner asks (and pays) for it. It never calls the
// evaluation API, which an exam deployment turns off.

import * as api from "./api.js";
import { $, setFieldError, showMessage } from "./dom.js";
import { resetAnswering, showItem, timeIsUp, wireAnswering } from "./quiz-answering.js";
import { loadMisconceptions } from "./quiz-misconceptions.js";
import { loadConfig, loadTopics, practiceBody, readOptions } from "./quiz-options.js";
import * as session from "./quiz-session.js";
import { current, el, page, showView } from "./quiz-state.js";
import { missed, renderSummary } from "./quiz-summary.js";
import { clock, countdown } from "./quiz-timer.js";
import { isWaiting, rateLimited, setWaiting } from "./quiz-waits.js";

let stopTimer = () => {};
let stopStartWait = () => {};

function endSession() {
  page.quiz = null;
  page.summary = null;
  stopTimer();
  resetAnswering();
  session.forget();
}

// --- starting --------------------------------------------------------------------------------

function showOptionErrors(errors) {
  for (const id of ["size", "seed"]) setFieldError(el.optionsForm, id, errors[id] || "");
  const first = ["size", "seed"].find((id) => errors[id]);
  if (first) el.optionsForm.querySelector(`#${first}`).focus();
}

async function startQuiz(event) {
  event.preventDefault();
  if (isWaiting(el.start)) return;
  showMessage(el.startError, "");
  const options = readOptions();
  showOptionErrors(options.ok ? {} : options.errors);
  if (!options.ok) return;
  await createAndShow(options.body, el.start, "Start quiz", el.startError);
}

/** Creates a quiz from `body` and shows its first item; `button` waits meanwhile. */
async function createAndShow(body, button, label, messageTarget) {
  setWaiting(button, true);
  button.textContent = "Starting…";
  let created;
  try {
    created = await api.createQuiz(body);
  } catch (error) {
    button.textContent = label;
    setWaiting(button, false);
    if (error.status === 429) {
      stopStartWait();
      stopStartWait = rateLimited(button, label, error, messageTarget, "quizzes were started");
    } else if (error.status === 422) {
      // "only 2 items match these filters; ask for at most that many": beside the size box.
      const sentence = (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
      const boxes = {};
      for (const e of error.errors) if (button === el.start && ["size", "seed"].includes(e.loc?.[1])) boxes[e.loc[1]] = sentence(e.msg);
      if (Object.keys(boxes).length) showOptionErrors(boxes);
      else showMessage(messageTarget, `This quiz cannot be made: ${error.errors.map((e) => e.msg).join("; ") || error.detail}.`);
    } else {
      showMessage(messageTarget, error.detail);
    }
    return;
  }
  button.textContent = label;
  setWaiting(button, false);
  endSession();
  page.quiz = session.fromCreated(created, { options: body, time_limit_s: body.time_limit_s ?? null });
  session.save(page.quiz);
  showView("quiz");
  startTimer();
  showItem(1, { focus: true });
}

// --- resuming ---------------------------------------------------------------------------------

/** On return: the quiz another tab or an earlier visit left, offered if it is still open. */
async function offerResume(saved) {
  let state;
  try {
    state = await api.getQuiz(saved.id, saved.token);
  } catch (error) {
    if (error.status === 401 || error.status === 404) session.forget();
    return;
  }
  if (state.status === "finished") {
    session.forget();
    return;
  }
  const answered = state.items.filter((s) => s.answered).length;
  if (state.status === "expired") {
    el.resumeText.textContent = `The time of your last quiz is up (${answered} of ${state.items.length} items answered). Finish it to see your result.`;
    el.resume.textContent = "See your result";
  } else {
    el.resumeText.textContent = `You have answered ${answered} of ${state.items.length} items. Pick up where you left off.`;
    el.resume.textContent = "Resume your quiz";
  }
  el.resumeCard.hidden = false;
  el.resume.onclick = () => resumeFrom(saved);
}

/** The quiz as the server has it now (the card may have waited a while). */
async function resumeFrom(saved) {
  if (isWaiting(el.resume)) return;
  setWaiting(el.resume, true);
  let state;
  try {
    state = await api.getQuiz(saved.id, saved.token);
  } catch (error) {
    setWaiting(el.resume, false);
    if (error.status === 401 || error.status === 404) {
      session.forget();
      el.resumeCard.hidden = true;
      showMessage(el.startError, "That quiz can no longer be used: the server does not know it any more.");
    } else {
      showMessage(el.startError, `Your quiz could not be resumed: ${error.detail}`);
    }
    el.optionsForm.elements.size.focus();
    return;
  }
  setWaiting(el.resume, false);
  el.resumeCard.hidden = true;
  const tab = session.loadTabSession();
  if (session.carriesItems(state)) {
    page.quiz = session.fromState(saved, state);
  } else if (tab && tab.id === saved.id) {
    page.quiz = tab;
    session.mergeStates(page.quiz, state.items);
  } else {
    showMessage(el.startError, "This quiz can be resumed only in the tab where it started.");
    el.optionsForm.elements.size.focus();
    return;
  }
  if (state.status !== "open") {
    await finishQuiz();
    return;
  }
  session.save(page.quiz);
  showView("quiz");
  startTimer(state);
  showItem(Math.min(Math.max(1, page.quiz.position || 1), page.quiz.items.length), { focus: true });
}

/** A reload of this tab (or LTI's hand-off): the same item as before, its feedback included. */
async function resumeTab(saved) {
  let state;
  try {
    state = await api.getQuiz(saved.id, saved.token);
  } catch (error) {
    if (error.status === 401 || error.status === 404) session.forget();
    else showMessage(el.startError, `Your last quiz could not be resumed: ${error.detail}`);
    showView("options");
    return;
  }
  const quiz = saved;
  page.quiz = quiz;
  if (state.status === "finished") {
    await finishQuiz({ focus: false });
    return;
  }
  session.mergeStates(quiz, state.items);
  if (!quiz.expires_at) quiz.expires_at = state.expires_at;
  session.save(quiz);
  showView("quiz");
  startTimer(state);
  showItem(Math.min(Math.max(1, quiz.position || 1), quiz.items.length));
  if (state.status === "expired") timeIsUp();
}

// --- the time limit -----------------------------------------------------------------------------

/** The countdown, for a quiz with a time limit (or whose time runs out within a day). */
function startTimer(state = null) {
  stopTimer();
  el.timer.hidden = true;
  const quiz = page.quiz;
  const expires = Date.parse(quiz.expires_at || (state && state.expires_at) || "");
  if (Number.isNaN(expires)) return;
  const created = state ? Date.parse(state.created_at) : NaN;
  const limited = quiz.time_limit_s || (!Number.isNaN(created) && expires - created <= 86_400_000);
  if (!limited) return;
  el.timer.hidden = false;
  let warned = false;
  stopTimer = countdown(
    expires,
    (left) => {
      el.timer.textContent = `Time left ${clock(left)}`;
      el.timer.classList.toggle("timer-low", left <= 60);
      if (left <= 60 && !warned) {
        warned = true;
        el.announcer.textContent = "One minute left.";
      }
    },
    () => timeIsUp(),
  );
}

// --- finishing, starting over ------------------------------------------------------------------

function askToFinish() {
  if (isWaiting(el.finish)) return;
  const quiz = page.quiz;
  const left = quiz.items.filter((item) => !quiz.gradings[item.position]);
  if (left.length === 0 || page.timeUp) {
    finishQuiz();
    return;
  }
  const count = left.length === 1 ? "One item is" : `${left.length} items are`;
  el.dialogText.textContent = `${count} not answered yet (${left.map((i) => i.position).join(", ")}); ${left.length === 1 ? "it scores" : "they score"} 0 once you finish.`;
  el.dialog.showModal();
  el.dialogCancel.focus();
}

async function finishQuiz({ focus = true } = {}) {
  setWaiting(el.finish, true);
  showMessage(el.quizError, "");
  const stillShown = current();
  let summary;
  try {
    summary = await api.finishQuiz(page.quiz.id, page.quiz.token);
  } catch (error) {
    if (stillShown()) finishFailed(error);
    return;
  }
  if (stillShown()) showSummary(summary, { focus });
}

function finishFailed(error) {
  setWaiting(el.finish, false);
  if (error.status === 401 || error.status === 404) {
    endSession();
    showView("options");
    showMessage(el.startError, "That quiz can no longer be used: the server does not know it any more.");
  } else {
    showMessage(el.quizError, error.detail);
    el.finish.focus();
  }
}

function showSummary(summary, { focus = true } = {}) {
  stopTimer();
  el.timer.hidden = true;
  page.summary = summary;
  session.mergeStates(page.quiz, summary.items);
  session.save(page.quiz);
  renderSummary(summary, page.quiz);
  showMessage(el.practiseError, "");
  showView("summary");
  setWaiting(el.finish, false);
  if (focus) el.summaryHeading.focus();
}

async function practise() {
  if (!page.summary || isWaiting(el.practise)) return;
  const ids = missed(page.summary).map((state) => state.item_id);
  if (ids.length === 0) return;
  showMessage(el.practiseError, "");
  await createAndShow(practiceBody(page.quiz, ids), el.practise, el.practise.textContent, el.practiseError);
}

function startOver() {
  endSession();
  el.feedback.replaceChildren();
  el.actions.replaceChildren();
  el.resumeCard.hidden = true;
  showView("options");
  el.optionsForm.elements.size.focus();
}

// --- wiring ----------------------------------------------------------------------------------

wireAnswering({ finished: () => finishQuiz(), gone: startOver });
el.optionsForm.addEventListener("submit", startQuiz);
el.finish.addEventListener("click", askToFinish);
el.newQuiz.addEventListener("click", startOver);
el.practise.addEventListener("click", practise);
el.discard.addEventListener("click", () => {
  session.forget();
  el.resumeCard.hidden = true;
  el.optionsForm.elements.size.focus();
});
el.dialogConfirm.addEventListener("click", () => {
  el.dialog.close();
  finishQuiz();
});
el.dialogCancel.addEventListener("click", () => el.dialog.close());
el.dialog.addEventListener("close", () => {
  if (!el.quiz.hidden) el.finish.focus();
});
for (const id of ["size", "seed"]) $(id).addEventListener("input", () => setFieldError(el.optionsForm, id, ""));

loadTopics();
loadConfig();
loadMisconceptions();
const tab = session.loadTabSession();
if (tab) {
  showView("none"); // nothing until we know where the saved quiz stands
  resumeTab(tab);
} else {
  showView("options");
  const saved = session.loadResumable();
  if (saved) offerResume(saved);
}
