// The practice page: an anonymous learner practises item after item, each chosen by the server
// for them (reviews due, mistakes made, common mistakes not yet tested, items at their level),
// and sees their progress: mastery per topic, the mistakes made, the reviews due.
//
// The learner is created on the first "Start practising" and kept in this browser only
// (practice-state.js); "Forget me" deletes it on the server and here. A session is a quiz of
// kind "practice", so its items, answers, hints and feedback are the quiz page's (answering.js,
// with practice-answering.js's hooks); practice-session.js starts, resumes and ends it;
// practice-progress.js draws the progress.

import * as api from "./api.js";
import { element, showMessage } from "./dom.js";
import { loadMisconceptions } from "./quiz-misconceptions.js";
import { loadTopics } from "./quiz-options.js";
import { isWaiting, setWaiting } from "./quiz-waits.js";
import { wireAnswering } from "./practice-answering.js";
import { renderProgress } from "./practice-progress.js";
import { GONE_LEARNER, nextItem, resumeSession, sessionOver, sessionResult, startSession, wireSession } from "./practice-session.js";
import { current, dropLearner, el, loadLearner, loadSession, page, showView } from "./practice-state.js";

const START = "Start practising";

// --- the views -------------------------------------------------------------------------------------

/** The first view: no learner in this browser (yet, or any more). */
function showStart(note = "") {
  showView("start");
  showMessage(el.startNote, note);
  el.start.textContent = START;
}

/**
 * The home view: starting a session, the progress, the learner's data. `summary`: the session
 * just ended (its result is said above the progress); `message`: what happened instead;
 * `focus`: the progress heading takes the focus (the learner comes from a session).
 */
async function showHome({ summary = null, message = "", focus = false } = {}) {
  showView("home");
  showMessage(el.startNote, "");
  el.sessionResult.textContent = summary ? sessionResult(summary) : message;
  if (focus || message) el.progressHeading.focus();
  await loadProgress();
}

/** The server no longer knows the learner: back to the first view, saying so. */
function learnerGone() {
  dropLearner();
  showStart(GONE_LEARNER);
  el.startHeading.focus();
}

// --- progress ------------------------------------------------------------------------------------

async function loadProgress() {
  const stillShown = current();
  showMessage(el.progressError, "");
  el.progressOverview.textContent = "Loading your progress…";
  let progress;
  try {
    progress = await api.getProgress(page.learner);
  } catch (error) {
    if (!stillShown()) return;
    if (error.status === 401 || error.status === 404) {
      learnerGone();
      return;
    }
    el.progressOverview.textContent = "";
    showMessage(el.progressError, `Your progress could not be loaded: ${error.detail}`);
    return;
  }
  if (stillShown()) renderProgress(progress, { practise: practiseMistake });
}

/** "Practise this": a session of items that test this mistake. */
function practiseMistake(mistake, button) {
  return startSession({ misconceptions: [mistake.slug] }, button, "Practise this", el.practiseError);
}

function startFromForm(event) {
  event.preventDefault();
  const topics = [...el.optionsForm.querySelectorAll('input[name="topic"]:checked')].map((box) => box.value);
  return startSession(topics.length ? { topics } : {}, el.start, START, el.startError);
}

// --- the learner's data --------------------------------------------------------------------------

/** "Download my data": everything the server keeps about the learner, as a JSON file. */
async function downloadData() {
  if (isWaiting(el.exportButton)) return;
  setWaiting(el.exportButton, true);
  showMessage(el.dataError, "");
  try {
    const data = await api.exportLearner(page.learner);
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = element("a", { href: url, download: "relu-practice-data.json", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    if (error.status === 401 || error.status === 404) learnerGone();
    else showMessage(el.dataError, `Your data could not be downloaded: ${error.detail}`);
  } finally {
    setWaiting(el.exportButton, false);
  }
}

function askToForget() {
  showMessage(el.dataError, "");
  el.dialog.showModal();
  el.dialogCancel.focus();
}

/** "Forget me", confirmed: the learner deleted on the server, then in this browser. */
async function forgetMe() {
  if (isWaiting(el.dialogConfirm)) return;
  setWaiting(el.dialogConfirm, true);
  try {
    await api.deleteLearner(page.learner);
  } catch (error) {
    // 401 or 404: the server cannot (or no longer) open this learner; only this browser's copy
    // is left to forget. Anything else: nothing was deleted, so nothing is dropped here either.
    if (error.status !== 401 && error.status !== 404) {
      setWaiting(el.dialogConfirm, false);
      el.dialog.close();
      showMessage(el.dataError, `You could not be forgotten: ${error.detail}. Your progress is still kept; try again.`);
      return;
    }
  }
  setWaiting(el.dialogConfirm, false);
  dropLearner();
  showStart("You have been forgotten: your progress is deleted from the server and from this browser. Start practising to begin afresh.");
  el.dialog.close();
  el.startHeading.focus();
}

// --- wiring ----------------------------------------------------------------------------------------

wireAnswering({ onNext: nextItem, onOver: sessionOver });
wireSession({ onHome: showHome, onRestart: learnerGone });
el.optionsForm.addEventListener("submit", startFromForm);
el.reviewNow.addEventListener("click", () => startSession({}, el.reviewNow, "Review now", el.reviewsError));
el.exportButton.addEventListener("click", downloadData);
el.forget.addEventListener("click", askToForget);
el.dialogConfirm.addEventListener("click", forgetMe);
el.dialogCancel.addEventListener("click", () => el.dialog.close());
el.dialog.addEventListener("close", () => {
  if (!el.dataSection.hidden) el.forget.focus();
});

api
  .getConfig()
  .then((config) => {
    el.navPlayground.hidden = config.exam_mode; // an exam deployment has no playground
  })
  .catch(() => {});

async function boot() {
  showView("none");
  // The topics' titles say why an item was chosen, the misconceptions' descriptions explain a
  // mistake: both are read before an item shows (each works without the other).
  await Promise.all([loadTopics(), loadMisconceptions()]);
  page.learner = loadLearner();
  if (!page.learner) {
    showStart();
    return;
  }
  const saved = loadSession(page.learner);
  if (saved && (await resumeSession(saved))) return;
  await showHome();
}

boot();
