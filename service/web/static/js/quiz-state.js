// What the quiz page's modules share: its elements, the quiz on show, and which view and
// generation the page is in.

import * as api from "./api.js";
import { $ } from "./dom.js";

export const el = {
  optionsSection: $("options-section"),
  optionsForm: $("quiz-options"),
  start: $("start"),
  startError: $("start-error"),
  resumeCard: $("resume-card"),
  resumeText: $("resume-text"),
  resume: $("resume"),
  discard: $("discard"),
  quiz: $("quiz"),
  finishSlot: $("finish-slot"),
  finish: $("finish-quiz"),
  quizError: $("quiz-error"),
  announcer: $("announcer"),
  timer: $("timer"),
  hints: $("hints"),
  hintButton: $("take-hint"),
  hintCost: $("hint-cost"),
  itemHeading: $("item-heading"),
  answerForm: $("answer-form"),
  answerFields: $("answer-fields"),
  answerError: $("answer-error"),
  submit: $("submit-answer"),
  feedback: $("feedback"),
  actions: $("item-actions"),
  summary: $("summary"),
  summaryHeading: $("summary-heading"),
  practise: $("practise"),
  practiseError: $("practise-error"),
  newQuiz: $("new-quiz"),
  dialog: $("finish-dialog"),
  dialogText: $("finish-dialog-text"),
  dialogConfirm: $("finish-confirm"),
  dialogCancel: $("finish-cancel"),
};

export const page = {
  quiz: null, // the session (see quiz-session.js), null before a quiz starts
  summary: null, // the finish summary on show
  formOpen: false, // whether the current item takes another answer
  busy: false, // a request of the answer form is in flight for what the page shows
  waiting: false, // a 429 asked the answer form to wait
  timeUp: false, // the quiz's time limit has passed
};

// Every view and every item shown starts a generation: a request's answer that arrives after
// the page has moved on (finished, started over, caught up with the server) is dropped, and
// the request no longer keeps the page busy.
const shown = api.generations();

/** The check of the generation on show: true until the page moves on. */
export const current = () => shown.check();

export function moveOn() {
  shown.next();
  page.busy = false;
}

export function showView(name) {
  moveOn();
  el.optionsSection.hidden = name !== "options";
  el.quiz.hidden = name !== "quiz";
  el.summary.hidden = name !== "summary";
}

export const currentItem = () => page.quiz.items[page.quiz.position - 1];
