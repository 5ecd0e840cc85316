// A practice session from start to end: the learner (created on the first "Start practising"),
// the session (POST /v1/learners/{id}/practice), each next item (POST /v1/practice/{id}/next),
// a reload that comes back to the same item, and "End session" (the quiz's finish).

import * as api from "./api.js";
import { showMessage } from "./dom.js";
import { fromState } from "./quiz-session.js";
import { isWaiting, rateLimited, setWaiting } from "./quiz-waits.js";
import { misconception } from "./quiz-misconceptions.js";
import { resetAnswering, showItem, showRetryActions, topicTitle } from "./practice-answering.js";
import { current, dropLearner, dropSession, el, page, saveLearner, saveSession, showView } from "./practice-state.js";

let stopStartWait = () => {};
let stopNextWait = () => {};
// What the page does once a session is over: show the home view, with the session's result.
let home = () => {};
// ...and when the server no longer knows the learner: the first view, with a message.
let restart = () => {};

export const GONE_LEARNER = "The server no longer knows this browser's learner (perhaps it was forgotten in another tab), so your progress here starts afresh.";

/** A session, in the shape the quiz page's modules render, from POST .../practice's answer. */
function fromCreated(created) {
  return {
    id: created.id,
    token: created.token,
    reveal: created.reveal,
    max_tries: created.max_tries,
    penalty: created.penalty,
    hint_penalty: created.hint_penalty,
    expires_at: created.expires_at,
    items: [],
    position: 0,
    gradings: {},
    responses: {},
    hints: {},
    reasons: {},
    focus: focusOf(created),
  };
}

/** What a session sticks to, in words ("" for every topic): its mistake or its topics. */
function focusOf(created) {
  if (created.misconceptions && created.misconceptions.length) return created.misconceptions.map((slug) => misconception(slug).title).join("; ");
  if (created.topics && created.topics.length) return created.topics.map(topicTitle).join("; ");
  return "";
}

/** The item /next returned, put in its place in the session (the same item again replaces it). */
function addItem(answer) {
  const session = page.session;
  const position = answer.item.position;
  session.items[position - 1] = answer.item;
  session.reasons[position] = { reason: answer.reason, topic: answer.topic };
  saveSession(session);
  return position;
}

// --- starting ------------------------------------------------------------------------------------

/**
 * Starts a session with `body` ({topics?, misconceptions?}) and shows its first item; the learner
 * is created first when this browser has none. `button` (whose text is `label`) waits
 * meanwhile, and `messageTarget` takes what goes wrong.
 */
export async function startSession(body, button, label, messageTarget) {
  if (isWaiting(button)) return;
  showMessage(messageTarget, "");
  setWaiting(button, true);
  button.textContent = "Starting…";
  const done = () => {
    button.textContent = label;
    setWaiting(button, false);
  };
  let created;
  try {
    if (!page.learner) {
      page.learner = await api.createLearner();
      saveLearner(page.learner);
    }
    created = await api.startPractice(page.learner, body);
  } catch (error) {
    done();
    if (error.status === 429) {
      stopStartWait();
      stopStartWait = rateLimited(button, label, error, messageTarget, "sessions were started");
    } else if (error.status === 401 || error.status === 404) {
      dropLearner();
      restart(GONE_LEARNER);
    } else {
      showMessage(messageTarget, `The session could not start: ${error.detail}`);
    }
    return;
  }
  resetAnswering();
  page.session = fromCreated(created);
  saveSession(page.session);
  let first;
  try {
    first = await api.nextItem(page.session);
  } catch (error) {
    done();
    showView("session");
    nextFailed(error, showRetryActions());
    return;
  }
  done();
  showView("session");
  showItem(addItem(first), { focus: true });
}

// --- item after item -------------------------------------------------------------------------------

/** "Next item": asks the server for the item it chooses, and shows it. */
export async function nextItem(button) {
  if (isWaiting(button) || !page.session) return;
  stopNextWait();
  showMessage(el.sessionError, "");
  setWaiting(button, true);
  const stillShown = current();
  let answer;
  try {
    answer = await api.nextItem(page.session);
  } catch (error) {
    if (!stillShown()) return;
    setWaiting(button, false);
    nextFailed(error, button);
    return;
  }
  if (stillShown()) showItem(addItem(answer), { focus: true });
}

function nextFailed(error, button) {
  switch (error.status) {
    case 409:
      // Every item this session may ask has been asked: only the end is left.
      showMessage(el.sessionError, "You have practised every item this session can choose from. End the session to see your progress, or start another on other topics.");
      button.remove();
      el.actions.append(el.end);
      el.end.focus();
      return;
    case 429:
      stopNextWait = rateLimited(button, "Next item", error, el.sessionError, "items were asked for");
      button.focus();
      return;
    case 401:
    case 404:
    case 410:
      sessionOver(error);
      return;
    default:
      showMessage(el.sessionError, `The next item could not be fetched: ${error.detail}`);
      button.focus();
  }
}

/** The server says the session is gone (401, 404) or its time is over (410): back home. */
export function sessionOver(error) {
  dropSession();
  resetAnswering();
  const message =
    error.status === 410
      ? "This practice session has run out of time; your answers in it count. Start a new one when you like."
      : "This practice session is no longer known to the server; your answers in it still count. Start a new one when you like.";
  home({ message });
}

// --- coming back -----------------------------------------------------------------------------------

/**
 * A reload, or a later visit, with a session left in this browser: the session as the server has
 * it, at its last item: with its feedback if it was answered, else the same item again (/next
 * returns it while it has no try). Resolves to false when there is nothing to resume.
 */
export async function resumeSession(saved) {
  let state;
  try {
    state = await api.getQuiz(saved.id, saved.token);
  } catch (error) {
    if (error.status === 401 || error.status === 404) dropSession();
    else showMessage(el.startError, `Your practice session could not be resumed: ${error.detail}`);
    return false;
  }
  if (state.status !== "open") {
    dropSession();
    return false;
  }
  const session = fromState(saved, state); // its gradings, responses and hints too
  session.reasons = saved.reasons || {};
  session.focus = saved.focus || "";
  page.session = session;
  const last = state.items[state.items.length - 1];
  if (!last || (!last.answered && last.tries_used === 0)) {
    let answer;
    try {
      answer = await api.nextItem(session);
    } catch (error) {
      showView("session");
      if (session.items.length) showItem(session.items.length);
      nextFailed(error, showRetryActions());
      return true;
    }
    showView("session");
    showItem(addItem(answer));
    return true;
  }
  showView("session");
  showItem(state.items.length);
  return true;
}

// --- the end ---------------------------------------------------------------------------------------

/** "End session": the quiz's finish, then the progress view with what the session came to. */
export async function endSession() {
  const session = page.session;
  if (!session || isWaiting(el.end)) return;
  setWaiting(el.end, true);
  showMessage(el.sessionError, "");
  let summary = null;
  try {
    summary = await api.finishQuiz(session.id, session.token);
  } catch (error) {
    if (error.status !== 401 && error.status !== 404) {
      setWaiting(el.end, false);
      showMessage(el.sessionError, `The session could not be ended: ${error.detail}`);
      el.end.focus();
      return;
    }
  }
  setWaiting(el.end, false);
  dropSession();
  resetAnswering();
  home({ summary, focus: true });
}

/** What a finished session came to, in words. */
export function sessionResult(summary) {
  const answered = summary.items.filter((s) => s.answered);
  if (answered.length === 0) return "Session ended: no item answered.";
  const right = answered.filter((s) => s.correct).length;
  const items = `${answered.length} ${answered.length === 1 ? "item" : "items"}`;
  return `Session ended: ${items} answered, ${right} right. Your progress below includes them.`;
}

/** `onHome({summary?, message?, focus?})` shows the home view; `onRestart(message)` the first view
 * after the learner was lost. */
export function wireSession({ onHome, onRestart }) {
  home = onHome;
  restart = onRestart;
  el.end.addEventListener("click", endSession);
}
