// What the practice page's modules share: its elements, the learner and the session on show,
// what this browser keeps of them, and which view the page is in.
//
// localStorage keeps two things, and nothing else about the learner:
//
// - LEARNER_KEY, {id, token}: the anonymous learner (POST /v1/learners), whose progress the
//   server keeps under that id; the token is the only key to it.
// - SESSION_KEY, {id, token, learner_id, reasons: {position: {reason, topic}}, focus}: the
//   practice session in progress, so that a reload (or a later visit) comes back to the same
//   item. The server gives back everything else (GET /v1/quizzes/{id}); why each item was chosen
//   and what the session sticks to (its mistake or topics, in words) are not in its state, so
//   the page keeps them.

import * as api from "./api.js";
import { $ } from "./dom.js";

const LEARNER_KEY = "relu-learner";
const SESSION_KEY = "relu-practice";

export const el = {
  pageStatus: $("page-status"),
  navPlayground: $("nav-playground"),
  // starting
  startSection: $("start-section"),
  startHeading: $("start-heading"),
  startNote: $("start-note"),
  privacyFirst: $("privacy-first"),
  optionsForm: $("practice-options"),
  topicChoice: $("topic-choice"),
  start: $("start"),
  startError: $("start-error"),
  // progress and data
  progressSection: $("progress-section"),
  progressHeading: $("progress-heading"),
  sessionResult: $("session-result"),
  progressError: $("progress-error"),
  progressOverview: $("progress-overview"),
  reviewsText: $("reviews-text"),
  reviewNow: $("review-now"),
  reviewsError: $("reviews-error"),
  mastery: $("mastery"),
  mistakesText: $("mistakes-text"),
  mistakeList: $("mistake-list"),
  practiseError: $("practise-error"),
  dataSection: $("data-section"),
  exportButton: $("export"),
  forget: $("forget"),
  dataError: $("data-error"),
  dialog: $("forget-dialog"),
  dialogConfirm: $("forget-confirm"),
  dialogCancel: $("forget-cancel"),
  // a session
  session: $("session"),
  progressText: $("progress-text"),
  tally: $("running-score"),
  endSlot: $("end-slot"),
  end: $("end-session"),
  sessionError: $("session-error"),
  announcer: $("announcer"),
  item: $("item"),
  itemHeading: $("item-heading"),
  reason: $("reason"),
  hints: $("hints"),
  answerForm: $("answer-form"),
  answerFields: $("answer-fields"),
  answerError: $("answer-error"),
  submit: $("submit-answer"),
  hintButton: $("take-hint"),
  hintCost: $("hint-cost"),
  feedback: $("feedback"),
  actions: $("item-actions"),
};

export const page = {
  learner: null, // {id, token}, or null before the first "Start practising"
  // The session on show, in the shape of the quiz page's session (quiz-session.js), so that its
  // modules render it: {id, token, reveal, max_tries, penalty, hint_penalty, items, position,
  // gradings, responses, hints}, plus reasons {position: {reason, topic}} and focus (words).
  session: null,
  formOpen: false, // whether the item on show takes another answer
  busy: false, // a request of the answer form is in flight
  waiting: false, // a 429 asked the answer form to wait
};

// --- storage ---------------------------------------------------------------------------------

function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or turned off: practice still works, it is just not kept.
  }
}

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || "null");
  } catch {
    return null;
  }
}

export function loadLearner() {
  const saved = read(LEARNER_KEY);
  return saved && saved.id && saved.token ? { id: saved.id, token: saved.token } : null;
}

export function saveLearner(learner) {
  write(LEARNER_KEY, learner && { id: learner.id, token: learner.token });
}

/** The session this browser left, if it belongs to `learner`: {id, token, reasons}, or null. */
export function loadSession(learner) {
  const saved = read(SESSION_KEY);
  if (!saved || !saved.id || !saved.token || !learner || saved.learner_id !== learner.id) return null;
  return { reasons: {}, ...saved };
}

export function saveSession(session) {
  write(SESSION_KEY, session && { id: session.id, token: session.token, learner_id: page.learner && page.learner.id, reasons: session.reasons || {}, focus: session.focus || "" });
}

/** Forgets the session here (the server keeps it, finished or not). */
export function dropSession() {
  page.session = null;
  write(SESSION_KEY, null);
}

/** Forgets the learner and the session in this browser. */
export function dropLearner() {
  dropSession();
  page.learner = null;
  write(LEARNER_KEY, null);
}

// --- views and generations ---------------------------------------------------------------------

// Each view and each item shown starts a generation: an answer that arrives after the page has
// moved on is dropped (api.generations).
const shown = api.generations();

export const current = () => shown.check();

export function moveOn() {
  shown.next();
  page.busy = false;
}

/**
 * "start" (no learner yet), "home" (starting, the progress and the learner's data), "session"
 * (an item) or "none" (while the page finds out where it stands).
 */
export function showView(name) {
  moveOn();
  el.pageStatus.hidden = name !== "none";
  el.startSection.hidden = name !== "start" && name !== "home";
  el.privacyFirst.hidden = name !== "start";
  el.progressSection.hidden = name !== "home";
  el.dataSection.hidden = name !== "home";
  el.session.hidden = name !== "session";
}

export const currentItem = () => page.session.items[page.session.position - 1];
