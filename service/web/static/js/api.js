// A small client for the service's JSON API (same origin, so plain relative paths).
//
// Every function returns the parsed JSON body, or throws an ApiError carrying the
// RFC 9457 problem document's `detail` (what to show the user) and the HTTP `status`.
// A network failure is an ApiError with status 0.

/** The error every call throws: `detail` is the server's explanation, fit to show as is. */
export class ApiError extends Error {
  constructor(status, detail, problem = null, retryAfter = null) {
    super(detail);
    this.name = "ApiError";
    this.status = status; // HTTP status, or 0 when the server could not be reached
    this.detail = detail;
    this.problem = problem; // the whole problem document, when there was one
    this.errors = (problem && problem.errors) || []; // [{loc, msg}] for validation errors
    this.retryAfter = retryAfter; // seconds, from a 429's or a 503's Retry-After header
  }
}

// --- non-finite numbers -------------------------------------------------------------
//
// JSON has no literal for NaN or the infinities, so the service writes them as the strings
// "NaN", "Infinity" and "-Infinity", both in requests and in answers.

const NON_FINITE = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** Turns the three words back into numbers, anywhere in a (nested) array of numbers. */
export function decodeNumbers(value) {
  if (Array.isArray(value)) return value.map(decodeNumbers);
  if (typeof value === "string" && value in NON_FINITE) return NON_FINITE[value];
  return value;
}

// JSON.stringify writes -0 as 0; the service tells them apart (relu(-0.0) is +0.0), so -0
// goes out as a placeholder string that toJson() then replaces with the literal -0.0.
const NEGATIVE_ZERO = "\u0000-0.0\u0000";

/** JSON.stringify replacer: NaN and the infinities become the service's three words
 * (by default JSON.stringify would silently write them as null), and -0 stays -0. */
function nonFiniteAsWords(_key, value) {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    if (Object.is(value, -0)) return NEGATIVE_ZERO;
  }
  return value;
}

function toJson(body) {
  const placeholder = JSON.stringify(NEGATIVE_ZERO);
  return JSON.stringify(body, nonFiniteAsWords).split(placeholder).join("-0.0");
}

// --- the one place that talks to the server ------------------------------------------

/** Retry-After in seconds (it may be a number of seconds or an HTTP date), or null. */
function retryAfter(header) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function request(method, path, { body, token, query } = {}) {
  const headers = { Accept: "application/json" };
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = toJson(body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  let url = path;
  if (query) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) search.append(name, String(value));
    }
    const text = search.toString();
    if (text) url += `?${text}`;
  }

  let response;
  try {
    response = await fetch(url, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, "The server could not be reached. Check your connection and try again.");
  }

  // Errors are problem+json documents; anything else (a proxy's HTML page) gets a generic text.
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const detail =
      (data && (data.detail || data.title)) ||
      `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError(response.status, detail, data, retryAfter(response.headers.get("Retry-After")));
  }
  return data;
}

// --- answers that arrive too late ------------------------------------------------------

/**
 * The one way a page drops a stale answer: a counter of what the page shows. `next()` starts a
 * new generation (the page now shows something else, or asks again) and returns its check;
 * `check()` returns the current generation's. A check is true until the next `next()`, so an
 * answer whose check has turned false belongs to something no longer shown, and is dropped.
 */
export function generations() {
  let generation = 0;
  const check = () => {
    const mine = generation;
    return () => mine === generation;
  };
  return {
    next() {
      generation += 1;
      return check();
    },
    check,
  };
}

// --- the function catalogue and evaluation -------------------------------------------

/** GET /v1/functions: every function with its metadata. */
export function listFunctions() {
  return request("GET", "/v1/functions");
}

/** GET /v1/functions/{name}?param=value: the metadata (kinks!) for these parameters. */
export function getFunction(name, params = {}) {
  return request("GET", `/v1/functions/${encodeURIComponent(name)}`, { query: params });
}

/** GET /v1/functions/{name}/graph?param=value: {function, subgradient}, graphs as plot.js
 * draws them. */
export function getFunctionGraph(name, params = {}) {
  return request("GET", `/v1/functions/${encodeURIComponent(name)}/graph`, { query: params });
}

/** POST /v1/functions/{name}/value: {value: [...]} with non-finite numbers decoded. */
export async function evaluateValue(name, x, params = {}) {
  const data = await request("POST", `/v1/functions/${encodeURIComponent(name)}/value`, {
    body: { x, params },
  });
  return { ...data, value: decodeNumbers(data.value) };
}

/**
 * POST /v1/functions/{name}/subgradient.
 * options: {mode: "point" | "interval" | "one_sided", convention?, atKink?}
 * Answers {subgradient}, {lower, upper} or {left, right} by mode, decoded to numbers.
 */
export async function evaluateSubgradient(name, x, params = {}, options = {}) {
  const body = { x, params, mode: options.mode || "point" };
  if (options.atKink !== undefined) body.at_kink = options.atKink;
  else if (options.convention) body.convention = options.convention;
  const data = await request("POST", `/v1/functions/${encodeURIComponent(name)}/subgradient`, {
    body,
  });
  const decoded = { ...data };
  for (const field of ["subgradient", "lower", "upper", "left", "right"]) {
    if (data[field] !== undefined && data[field] !== null) decoded[field] = decodeNumbers(data[field]);
  }
  return decoded;
}

// --- the quiz ------------------------------------------------------------------------

/** GET /v1/config: {exam_mode, quiz_defaults: {size, max_tries, reveal, penalty, hint_penalty}}. */
export function getConfig() {
  return request("GET", "/v1/config");
}

/** GET /v1/topics: [{topic, description, items}]. */
export function listTopics() {
  return request("GET", "/v1/topics");
}

/** POST /v1/quizzes: 201 {id, token, items, ...}. Keep the token: every later call needs it.
 * `item_ids` asks for those items of the bank (practising the ones missed). */
export function createQuiz(options) {
  return request("POST", "/v1/quizzes", { body: options });
}

/** POST /v1/quizzes/{id}/answers: the grading. A 422 means the response could not be read
 * (no try used), 409 the item is closed, 410 the time is up. */
export function answerItem(id, token, position, response) {
  return request("POST", `/v1/quizzes/${encodeURIComponent(id)}/answers`, {
    token,
    body: { position, response },
  });
}

/** POST /v1/quizzes/{id}/hints: the item's next hint {number, text, evidence?, hints_left}.
 * Each hint taken costs hint_penalty of the item's points on every later try. */
export function takeHint(id, token, position) {
  return request("POST", `/v1/quizzes/${encodeURIComponent(id)}/hints`, { token, body: { position } });
}

/** GET /v1/quizzes/{id}: status and per-item grading so far. */
export function getQuiz(id, token) {
  return request("GET", `/v1/quizzes/${encodeURIComponent(id)}`, { token });
}

/** POST /v1/quizzes/{id}/finish: total, per topic and per item (idempotent). */
export function finishQuiz(id, token) {
  return request("POST", `/v1/quizzes/${encodeURIComponent(id)}/finish`, { token });
}

/** GET /v1/misconceptions: [{slug, title, description}], the misconceptions gradings name. */
export function listMisconceptions() {
  return request("GET", "/v1/misconceptions");
}

// --- programs ----------------------------------------------------------------------------

/** GET /v1/programs/examples: [{name, program, shows}]. */
export function listProgramExamples() {
  return request("GET", "/v1/programs/examples");
}

/**
 * POST /v1/programs/evaluate: the program's value, its exact one-sided derivatives and
 * subdifferential, and each framework's autodiff derivative, at `x` in `dtype`. Numbers are
 * decoded; a framework that cannot run the program has `error` set and null arrays.
 */
export async function evaluateProgram(program, x, dtype = "float64") {
  const data = await request("POST", "/v1/programs/evaluate", { body: { program, x, dtype } });
  const decoded = { ...data, frameworks: {} };
  for (const field of ["x", "value", "left", "right", "lower", "upper"]) decoded[field] = decodeNumbers(data[field]);
  for (const [name, result] of Object.entries(data.frameworks || {})) {
    decoded.frameworks[name] = {
      ...result,
      value: result.value && decodeNumbers(result.value),
      derivative: result.derivative && decodeNumbers(result.derivative),
    };
  }
  return decoded;
}

// --- learners and practice (service/learning/router.py) --------------------------------------
// A session's answers, hints, reading and finishing are the quiz calls above, with its token.

const learnerPath = (id) => `/v1/learners/${encodeURIComponent(id)}`;

/** POST /v1/learners: 201 {id, token, created_at}, a new anonymous learner. */
export function createLearner() {
  return request("POST", "/v1/learners");
}

/** POST /v1/learners/{id}/practice: 201 {id, token, expires_at, max_tries, reveal, penalty,
 * hint_penalty, topics, misconceptions}, a session (a quiz of kind "practice"). `body`:
 * {topics?: [...], misconceptions?: [slug]}. */
export function startPractice(learner, body) {
  return request("POST", `${learnerPath(learner.id)}/practice`, { token: learner.token, body });
}

/** POST /v1/practice/{id}/next: {item, reason, topic}; the same item again while it has no
 * try; 409 when the session has no item left. */
export function nextItem(session) {
  return request("POST", `/v1/practice/${encodeURIComponent(session.id)}/next`, { token: session.token });
}

/** GET /v1/learners/{id}/progress: {answers, topics, misconceptions, reviews_due, reviews}. */
export function getProgress(learner) {
  return request("GET", `${learnerPath(learner.id)}/progress`, { token: learner.token });
}

/** GET /v1/learners/{id}/export: everything the server keeps about the learner. */
export function exportLearner(learner) {
  return request("GET", `${learnerPath(learner.id)}/export`, { token: learner.token });
}

/** DELETE /v1/learners/{id}: 204, the learner forgotten. */
export function deleteLearner(learner) {
  return request("DELETE", learnerPath(learner.id), { token: learner.token });
}
