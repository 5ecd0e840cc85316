// The quiz in progress, kept in two places:
//
// - sessionStorage, under STORAGE_KEY, the whole session, so that a reload of the tab shows
//   exactly what it showed (the item on screen, its feedback included). LTI's launch page hands
//   a quiz to this page the same way (service/lti/pages.py writes that key):
//
//   {id, token, reveal, max_tries, penalty, hint_penalty, seed, items: [PublicItem], position,
//    gradings: {position: result}, responses: {position: response}, hints: {position: [hint]},
//    time_limit_s?, expires_at?, options?}
//
// - localStorage, under RESUME_KEY, only {id, token, position}: enough for another tab or a
//   later visit to offer "Resume your quiz" and rebuild the rest from GET /v1/quizzes/{id},
//   which returns each item as creation did and its tries with their feedback.

const STORAGE_KEY = "relu-quiz";
const RESUME_KEY = "relu-quiz-resume";

/** A new session from POST /v1/quizzes's answer, at its first item. */
export function fromCreated(created, { options = null, time_limit_s = null } = {}) {
  return {
    id: created.id,
    token: created.token,
    reveal: created.reveal,
    max_tries: created.max_tries,
    penalty: created.penalty,
    hint_penalty: created.hint_penalty,
    seed: created.seed,
    items: created.items,
    expires_at: created.expires_at,
    time_limit_s: created.time_limit_s ?? time_limit_s,
    options,
    position: 1,
    gradings: {},
    responses: {},
    hints: {},
  };
}

/** Whether GET /v1/quizzes/{id} carries the items themselves (their stems), not only states. */
export const carriesItems = (state) => Array.isArray(state.items) && state.items.length > 0 && typeof state.items[0].stem === "string";

// What an item state repeats of the item as creation showed it (its offered hints are
// `hints_offered` there: its `hints` are those taken).
const ITEM_FIELDS = ["item_id", "version", "type", "topics", "difficulty", "stem", "function", "position", "choices", "graph", "points", "length", "labels"];

/** A session rebuilt from the server's state alone (a new tab, another browser). */
export function fromState(saved, state) {
  const items = state.items.map((s) => {
    const item = {};
    for (const field of ITEM_FIELDS) if (s[field] !== undefined) item[field] = s[field];
    item.hints = s.hints_offered ?? 0;
    item.points = item.points ?? s.max_score;
    item.choices = item.choices || [];
    // An item the bank has changed since the quiz began shows only what the quiz stored.
    if (typeof item.stem !== "string") item.stem = "This item has changed since the quiz began: it takes no answer and counts for nothing.";
    item.difficulty = item.difficulty ?? "?";
    return item;
  });
  const quiz = {
    id: saved.id,
    token: saved.token,
    reveal: state.reveal,
    max_tries: state.max_tries,
    penalty: state.penalty,
    hint_penalty: state.hint_penalty,
    seed: null,
    items,
    expires_at: state.expires_at,
    time_limit_s: state.time_limit_s ?? null,
    options: null,
    position: saved.position || 1,
    gradings: {},
    responses: {},
    hints: {},
  };
  mergeStates(quiz, state.items);
  return quiz;
}

function write(storage, key, value) {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the quiz still works, it just cannot be resumed.
  }
}

function read(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) || "null");
  } catch {
    return null;
  }
}

export function save(quiz) {
  write(sessionStorage, STORAGE_KEY, quiz);
  write(localStorage, RESUME_KEY, { id: quiz.id, token: quiz.token, position: quiz.position });
}

/** This tab's session (a reload, or LTI's hand-off), or null. */
export function loadTabSession() {
  const saved = read(sessionStorage, STORAGE_KEY);
  if (!saved || !saved.id || !saved.token || !Array.isArray(saved.items)) return null;
  return { gradings: {}, responses: {}, hints: {}, position: 1, ...saved };
}

/** The quiz another tab or an earlier visit left: {id, token, position}, or null. */
export function loadResumable() {
  const saved = read(localStorage, RESUME_KEY);
  return saved && saved.id && saved.token ? saved : null;
}

export function forget() {
  write(sessionStorage, STORAGE_KEY, null);
  write(localStorage, RESUME_KEY, null);
}

/** The grading an item's state stands for: its last try with the item's best score. */
function gradingOf(state, last, stored) {
  const grading = {
    ...stored,
    position: state.position,
    correct: last ? last.correct : state.correct,
    score: state.score,
    max_score: state.max_score,
    tries_left: state.tries_left,
    hints_used: state.hints_used,
  };
  if (last) {
    Object.assign(grading, {
      credit: last.credit,
      feedback: last.feedback,
      misconception: last.misconception,
      misconception_title: last.misconception_title ?? null,
    });
  }
  for (const field of ["key", "explanation", "evidence", "subgradient_graph"]) if (state[field]) grading[field] = state[field];
  return grading;
}

/** Folds the server's per-item states into the session: gradings (from each item's tries when
 * the server lists them), the responses sent, and the hints taken. */
export function mergeStates(quiz, states) {
  quiz.responses = quiz.responses || {};
  for (const state of states) {
    const tries = Array.isArray(state.tries) ? state.tries : [];
    const last = tries.length ? tries[tries.length - 1] : null;
    if (state.answered || last) {
      quiz.gradings[state.position] = gradingOf(state, last, quiz.gradings[state.position] || { feedback: "", misconception: null });
      if (last && last.response) quiz.responses[state.position] = last.response;
    }
    if (state.hints && state.hints.length) quiz.hints[state.position] = state.hints;
  }
}
