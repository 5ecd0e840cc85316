// The quiz in progress, kept in sessionStorage so that a reload (or a crash of the tab)
// continues where the learner was:
//
//   {id, token, reveal, max_tries, penalty, hint_penalty, seed, items: [PublicItem], position,
//    gradings: {position: result}, hints: {position: [hint]}}
//
// `items` come only from the creation response (the GET route does not repeat the stems), which
// is why they are kept here.

const STORAGE_KEY = "relu-quiz";

/** A new session from POST /v1/quizzes's answer, at its first item. */
export function fromCreated(created) {
  return {
    id: created.id,
    token: created.token,
    reveal: created.reveal,
    max_tries: created.max_tries,
    penalty: created.penalty,
    hint_penalty: created.hint_penalty,
    seed: created.seed,
    items: created.items,
    position: 1,
    gradings: {},
    hints: {},
  };
}

export function save(quiz) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(quiz));
  } catch {
    // Storage full or disabled: the quiz still works, it just cannot be resumed.
  }
}

/** The saved session, or null when there is none (or it is unreadable). */
export function loadSaved() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null");
    if (!saved || !saved.id || !saved.token || !Array.isArray(saved.items)) return null;
    return { gradings: {}, hints: {}, position: 1, ...saved };
  } catch {
    return null;
  }
}

export function forget() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to do
  }
}

/** Folds the server's per-item states into the session's gradings and hints; an item graded in
 * another tab gets a grading made from its state (without feedback text, which the state does
 * not carry). */
export function mergeStates(quiz, states) {
  for (const state of states) {
    if (!state.answered) continue;
    const stored = quiz.gradings[state.position] || { feedback: "", misconception: null, evidence: null };
    quiz.gradings[state.position] = {
      ...stored,
      position: state.position,
      correct: state.correct,
      score: state.score,
      max_score: state.max_score,
      tries_left: state.tries_left,
      ...(state.key ? { key: state.key } : {}),
      ...(state.explanation ? { explanation: state.explanation } : {}),
      ...(state.evidence ? { evidence: state.evidence } : {}),
      ...(state.subgradient_graph ? { subgradient_graph: state.subgradient_graph } : {}),
    };
  }
  for (const state of states) {
    if (state.hints && state.hints.length) quiz.hints[state.position] = state.hints;
  }
}
