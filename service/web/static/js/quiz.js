// The quiz page: start a quiz, answer its items one by one, finish, review.
//
// The server does all the grading; this page only shows items, reads responses in the shape
// of each answer type and shows what the server says. Progress lives in sessionStorage, so a
// reload (or a crash of the tab) continues where the learner was.
//
// The page shows nothing that answers an item before the quiz's reveal policy does: an item's
// plot is the graph of f that the server sends with it; the derivative's plot, the difference
// quotients, the key and the explanation come only in the server's answers once they are
// revealed, and a hint only when the learner asks (and pays) for it. It never calls the
// evaluation API, which an exam deployment turns off.

import * as api from "./api.js";
import { formatNumber, inline, renderBlock, renderInline, spokenText } from "./math.js";
import { renderGraphs } from "./plot.js";

const STORAGE_KEY = "relu-quiz";

const $ = (id) => document.getElementById(id);
const el = {
  optionsSection: $("options-section"),
  optionsForm: $("quiz-options"),
  topicList: $("topic-list"),
  start: $("start"),
  startError: $("start-error"),
  quiz: $("quiz"),
  progressText: $("progress-text"),
  progressBar: $("progress-bar"),
  runningScore: $("running-score"),
  finishSlot: $("finish-slot"),
  finish: $("finish-quiz"),
  quizError: $("quiz-error"),
  quizRules: $("quiz-rules"),
  navPlayground: $("nav-playground"),
  reveal: $("reveal"),
  rulesFields: $("quiz-rules-fields"),
  seedField: $("seed-field"),
  examNote: $("exam-note"),
  hints: $("hints"),
  hintButton: $("take-hint"),
  item: $("item"),
  itemHeading: $("item-heading"),
  itemMeta: $("item-meta"),
  stem: $("stem"),
  plot: $("plot"),
  answerForm: $("answer-form"),
  answerFields: $("answer-fields"),
  answerError: $("answer-error"),
  submit: $("submit-answer"),
  feedback: $("feedback"),
  actions: $("item-actions"),
  summary: $("summary"),
  summaryHeading: $("summary-heading"),
  summaryTotal: $("summary-total"),
  summaryPercent: $("summary-percent"),
  summaryNote: $("summary-note"),
  topicBreakdown: $("topic-breakdown"),
  review: $("review"),
  newQuiz: $("new-quiz"),
};

/**
 * The quiz in progress: {id, token, reveal, max_tries, penalty, hint_penalty,
 * items: [PublicItem], position, gradings: {position: result}, hints: {position: [hint]}}.
 * `items` come only from the creation response (the GET route does not repeat the stems), which
 * is why they are kept in sessionStorage.
 */
let quiz = null;
let examMode = false; // an exam deployment sets the tries, the reveal and the seed itself
let formOpen = false; // whether the current item takes another answer
let busy = false; // a request of the answer form is in flight
const topicDescriptions = {};

// --- small helpers -----------------------------------------------------------------------

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children);
  return node;
}

const fmt = (n) => formatNumber(n);
// Scores to two decimals at most: partial credit like 1/3 reads 0.33, not 0.333333.
const points = (n) => formatNumber(Math.round((n || 0) * 100) / 100);
const percent = (share) => `${Math.round(share * 100)}%`;

function showError(target, message) {
  target.textContent = message || "";
}

function showView(name) {
  el.optionsSection.hidden = name !== "options";
  el.quiz.hidden = name !== "quiz";
  el.summary.hidden = name !== "summary";
}

/**
 * What the learner typed, as the API wants it: the number when the text reads as a finite
 * number, otherwise the text itself. Sending the text (rather than refusing it here) lets the
 * server answer 422 with its own explanation, which the page shows; the try is not used.
 */
function numberOrText(text) {
  const trimmed = text.trim();
  const number = Number(trimmed);
  return trimmed !== "" && Number.isFinite(number) ? number : text;
}

// --- sessionStorage ------------------------------------------------------------------------

function save() {
  if (!quiz) return;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(quiz));
  } catch {
    // Storage full or disabled: the quiz still works, it just cannot be resumed.
  }
}

function loadSaved() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null");
    return saved && saved.id && saved.token && Array.isArray(saved.items) ? saved : null;
  } catch {
    return null;
  }
}

function forget() {
  quiz = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to do
  }
}

// --- the options form ------------------------------------------------------------------------

async function loadTopics() {
  try {
    const topics = await api.listTopics();
    const list = [];
    for (const { topic, description, items } of topics) {
      topicDescriptions[topic] = description;
      const id = `topic-${topic}`;
      list.push(
        element(
          "div",
          { className: "check" },
          element("input", { type: "checkbox", id, name: "topic", value: topic }),
          element("label", { for: id }, `${description} `, element("span", { className: "count", text: `(${items} ${items === 1 ? "item" : "items"})` })),
        ),
      );
    }
    el.topicList.replaceChildren(...list);
  } catch (error) {
    el.topicList.replaceChildren(
      element("p", { className: "hint", text: `The topics could not be loaded (${error.detail}); the quiz will draw from every topic.` }),
    );
  }
}

/** The deployment's settings: an exam has no playground, and its quizzes reveal answers only
 * after the finish unless the learner chooses otherwise. */
async function loadConfig() {
  try {
    const config = await api.getConfig();
    examMode = config.exam_mode;
    el.navPlayground.hidden = examMode;
    el.rulesFields.hidden = examMode;
    el.seedField.hidden = examMode;
    el.examNote.hidden = !examMode;
    el.reveal.value = config.quiz_defaults.reveal;
  } catch {
    // Without it the form keeps its own defaults, which the server accepts as they are.
  }
}

async function startQuiz(event) {
  event.preventDefault();
  showError(el.startError, "");
  const form = el.optionsForm;
  const body = {
    size: Number(form.elements.size.value),
    min_difficulty: Number(form.elements.min_difficulty.value),
    max_difficulty: Number(form.elements.max_difficulty.value),
  };
  if (!examMode) {
    body.max_tries = Number(form.elements.max_tries.value);
    body.reveal = form.elements.reveal.value;
    if (form.elements.seed.value.trim() !== "") body.seed = Number(form.elements.seed.value);
  }
  const topics = [...form.querySelectorAll('input[name="topic"]:checked')].map((box) => box.value);
  if (topics.length > 0) body.topics = topics;

  el.start.disabled = true;
  el.start.textContent = "Starting…";
  try {
    const created = await api.createQuiz(body);
    quiz = {
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
    save();
    showView("quiz");
    showItem(1, { focus: true });
  } catch (error) {
    showError(el.startError, error.detail);
  } finally {
    el.start.disabled = false;
    el.start.textContent = "Start quiz";
  }
}

// --- showing an item -----------------------------------------------------------------------

const TYPE_HINTS = {
  single_choice: "Choose one.",
  multiple_choice: "Select all that apply.",
  true_false: "True or false?",
  numeric: "Give a number, or tick “Does not exist”.",
  interval: "Give the ends of the interval and say whether each end is closed.",
  point_set: "List the points.",
  one_sided_pair: "Give the left and the right value; tick “does not exist” where one does not.",
  vector: "Give one number per component, in order.",
};

function currentItem() {
  return quiz.items[quiz.position - 1];
}

function showItem(position, { focus = false } = {}) {
  quiz.position = position;
  save();
  const item = currentItem();
  const count = quiz.items.length;

  el.progressText.textContent = `Item ${position} of ${count}`;
  el.progressBar.max = count;
  el.progressBar.value = position;
  updateRunningScore();
  el.finishSlot.append(el.finish); // back in the progress area (see showNextAction)
  el.finish.disabled = false;
  showError(el.quizError, "");

  el.item.dataset.type = item.type;
  el.item.dataset.position = String(position);
  el.itemHeading.textContent = `Item ${position}`;
  const worth = `${points(item.points)} ${item.points === 1 ? "point" : "points"}`;
  el.itemMeta.textContent = `Difficulty ${item.difficulty} of 5 · ${worth} · ${item.topics.join(", ")}`;
  renderBlock(el.stem, item.stem);
  showRules();
  drawItemPlot(item, quiz.gradings[position]);
  showHints(item);

  buildAnswerFields(item);
  showError(el.answerError, "");
  el.feedback.replaceChildren();
  delete el.feedback.dataset.result;
  el.actions.replaceChildren();

  const grading = quiz.gradings[position];
  if (grading) showGrading(item, grading);
  else setFormOpen(true);
  if (focus) el.itemHeading.focus();
}

function updateRunningScore() {
  const gradings = Object.values(quiz.gradings);
  if (gradings.length === 0) {
    el.runningScore.textContent = "";
    return;
  }
  const score = gradings.reduce((sum, g) => sum + (g.score || 0), 0);
  const maximum = quiz.items.reduce((sum, item) => sum + item.points, 0);
  el.runningScore.textContent = `Score so far: ${points(score)} / ${points(maximum)}`;
}

/** The plot of f from the item's own graph; with the derivative's once the server reveals it. */
function drawItemPlot(item, grading) {
  if (!item.graph) {
    el.plot.hidden = true;
    el.plot.replaceChildren();
    return;
  }
  el.plot.hidden = false;
  renderGraphs(el.plot, {
    formula: item.function.formula,
    params: item.function.params,
    function: item.graph,
    subgradient: grading ? grading.subgradient_graph : null,
  });
}

/** What a wrong try and a hint cost in this quiz, in words. */
function showRules() {
  const tries = quiz.max_tries === 1 ? "One try per item" : `${quiz.max_tries} tries per item`;
  const parts = [`${tries}.`];
  if (quiz.max_tries > 1 && quiz.penalty > 0) parts.push(`Each wrong try costs ${percent(quiz.penalty)} of the item's points on the next.`);
  if (quiz.hint_penalty > 0) parts.push(`Each hint costs ${percent(quiz.hint_penalty)} on every later try.`);
  el.quizRules.textContent = parts.join(" ");
}

// --- hints ----------------------------------------------------------------------------------

function hintNode(hint) {
  const box = element("div", { className: "hint-box" });
  const text = element("div", { className: "hint-text rendered" });
  renderBlock(text, hint.text);
  text.prepend(element("p", { className: "label", text: `Hint ${hint.number}` }));
  box.append(text);
  if (hint.evidence) box.append(evidenceTable(hint.evidence));
  return box;
}

/** The hints taken so far, and the button for the next one while the item is open. */
function showHints(item) {
  const taken = (quiz.hints && quiz.hints[item.position]) || [];
  el.hints.replaceChildren(...taken.map(hintNode));
  updateHintButton(item);
}

function updateHintButton(item) {
  const taken = ((quiz.hints && quiz.hints[item.position]) || []).length;
  const left = item.hints - taken;
  el.hintButton.hidden = left <= 0 || !formOpen;
  el.hintButton.disabled = busy;
  el.hintButton.textContent = `Hint (${left} left, −${percent(quiz.hint_penalty)} each)`;
}

async function takeHint() {
  if (busy || !formOpen) return;
  const item = currentItem();
  busy = true;
  el.hintButton.disabled = true;
  try {
    const hint = await api.takeHint(quiz.id, quiz.token, item.position);
    quiz.hints = quiz.hints || {};
    quiz.hints[item.position] = [...(quiz.hints[item.position] || []), hint];
    save();
    el.hints.append(hintNode(hint));
  } catch (error) {
    if (error.status === 409) await syncWithServer();
    showError(el.answerError, error.detail);
  } finally {
    busy = false;
    updateHintButton(item);
  }
}

function setFormOpen(open) {
  formOpen = open;
  el.answerFields.disabled = !open;
  el.submit.disabled = !open || busy;
  if (quiz) updateHintButton(currentItem());
}

// --- answer inputs, one builder per type ---------------------------------------------------

/** A labelled text box: <div class="field"><label for=id>…</label><input id=id …></div>. */
function textField(id, labelText, attributes = {}) {
  return element(
    "div",
    { className: "field" },
    element("label", { for: id, text: labelText }),
    element("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", className: "input-short", ...attributes }),
  );
}

/** A checkbox with its label after it. `hiddenPrefix` is read by screen readers only, to tell
 * apart two boxes whose visible labels are the same. */
function checkbox(id, labelText, { checked = false, hiddenPrefix = "" } = {}) {
  const label = element("label", { for: id });
  if (hiddenPrefix) label.append(element("span", { className: "visually-hidden", text: hiddenPrefix }));
  label.append(labelText);
  return element("div", { className: "check" }, element("input", { type: "checkbox", id, checked }), label);
}

/** A choice (radio or checkbox) in a <label> with its rendered text. */
function choiceOption(type, name, value, id, text) {
  const input = element("input", { type, name, value, id });
  const label = element("label", { className: "choice", for: id }, input);
  label.append(typeof text === "string" ? inline("span", text, "choice-text") : text);
  if (label.querySelector(".katex")) input.setAttribute("aria-label", spokenText(label));
  return label;
}

/** Disables `box` while `dne` is ticked ("does not exist" needs no number). */
function linkDne(dne, box) {
  dne.addEventListener("change", () => {
    box.disabled = dne.checked;
  });
}

const builders = {
  single_choice(item) {
    return [
      element(
        "div",
        { className: "choices" },
        ...item.choices.map((c, i) => choiceOption("radio", "choice", c.id, `choice-${i}`, c.text)),
      ),
    ];
  },
  multiple_choice(item) {
    return [
      element(
        "div",
        { className: "choices" },
        ...item.choices.map((c, i) => choiceOption("checkbox", "choices", c.id, `choices-${i}`, c.text)),
      ),
    ];
  },
  true_false() {
    const label = (text) => element("span", { className: "choice-text", text });
    return [
      element(
        "div",
        { className: "choices choices-inline" },
        choiceOption("radio", "value", "true", "value-true", label("True")),
        choiceOption("radio", "value", "false", "value-false", label("False")),
      ),
    ];
  },
  numeric() {
    const field = textField("numeric-value", "Your answer (a number)");
    const dne = checkbox("numeric-dne", "Does not exist");
    linkDne(dne.querySelector("input"), field.querySelector("input"));
    return [field, dne];
  },
  interval() {
    const lowerClosed = checkbox("interval-lower-closed", "closed at the lower end", { checked: true });
    const upperClosed = checkbox("interval-upper-closed", "closed at the upper end", { checked: true });
    const preview = element("p", { className: "hint interval-preview", "aria-live": "off" });
    const row = element(
      "div",
      { className: "interval-grid" },
      element("div", {}, textField("interval-lower", "Lower end"), lowerClosed),
      element("div", {}, textField("interval-upper", "Upper end"), upperClosed),
    );
    // Show the interval in the usual notation as the learner types: [a, b), (a, b] ...
    const update = () => {
      const value = (id) => row.querySelector(`#${id}`);
      const lower = value("interval-lower").value.trim() || "a";
      const upper = value("interval-upper").value.trim() || "b";
      const open = value("interval-lower-closed").checked ? "[" : "(";
      const close = value("interval-upper-closed").checked ? "]" : ")";
      preview.textContent = `Reads as ${open}${lower}, ${upper}${close}`;
    };
    row.addEventListener("input", update);
    row.addEventListener("change", update);
    update();
    return [row, preview];
  },
  point_set() {
    const field = textField("point-set-values", "Points", {
      "aria-describedby": "point-set-hint",
      className: "input-wide",
      inputmode: "text",
    });
    const hint = element("p", {
      className: "hint",
      id: "point-set-hint",
      text: "Numbers separated by commas, e.g. 0, 6. Leave the box empty for the empty set.",
    });
    field.append(hint);
    return [field];
  },
  one_sided_pair() {
    const side = (name, title) => {
      const field = textField(`pair-${name}`, title);
      const dne = checkbox(`pair-${name}-dne`, "does not exist", { hiddenPrefix: `${title}: ` });
      linkDne(dne.querySelector("input"), field.querySelector("input"));
      return element("div", { className: "pair-side" }, field, dne);
    };
    return [element("div", { className: "interval-grid" }, side("left", "Left"), side("right", "Right"))];
  },
  vector(item) {
    const fields = [];
    for (let i = 0; i < (item.length || 0); i += 1) {
      fields.push(textField(`vector-${i}`, `component ${i + 1}`, { className: "input-short vector-value" }));
    }
    return [element("div", { className: "vector-grid" }, ...fields)];
  },
};

function buildAnswerFields(item) {
  const build = builders[item.type];
  const legend = element("legend", { text: "Your answer" });
  const hint = element("p", { className: "hint", text: TYPE_HINTS[item.type] || "" });
  el.answerFields.replaceChildren(legend, hint, ...(build ? build(item) : []));
  if (!build) {
    el.answerFields.append(element("p", { className: "error", text: `This page cannot show answers of type ${item.type}.` }));
  }
}

/** The response in the shape the API wants for the item's type (see the README's table). */
function readResponse(item) {
  const form = el.answerForm;
  const value = (id) => form.querySelector(`#${id}`).value;
  const checked = (id) => form.querySelector(`#${id}`).checked;
  switch (item.type) {
    case "single_choice": {
      const picked = form.querySelector('input[name="choice"]:checked');
      return { choice: picked ? picked.value : null };
    }
    case "multiple_choice":
      return { choices: [...form.querySelectorAll('input[name="choices"]:checked')].map((box) => box.value) };
    case "true_false": {
      const picked = form.querySelector('input[name="value"]:checked');
      return { value: picked ? picked.value === "true" : null };
    }
    case "numeric":
      return checked("numeric-dne") ? { dne: true } : { value: numberOrText(value("numeric-value")) };
    case "interval":
      return {
        lower: numberOrText(value("interval-lower")),
        upper: numberOrText(value("interval-upper")),
        lower_closed: checked("interval-lower-closed"),
        upper_closed: checked("interval-upper-closed"),
      };
    case "point_set": {
      const text = value("point-set-values");
      return { values: text.trim() === "" ? [] : text.split(",").map(numberOrText) };
    }
    case "one_sided_pair":
      return {
        left: checked("pair-left-dne") ? null : numberOrText(value("pair-left")),
        right: checked("pair-right-dne") ? null : numberOrText(value("pair-right")),
      };
    case "vector":
      return { values: [...form.querySelectorAll(".vector-value")].map((box) => numberOrText(box.value)) };
    default:
      return {};
  }
}

// --- answering ------------------------------------------------------------------------------

async function submitAnswer(event) {
  event.preventDefault();
  if (busy || !formOpen) return;
  const item = currentItem();
  const response = readResponse(item);
  showError(el.answerError, "");
  busy = true;
  el.submit.disabled = true;
  try {
    const result = await api.answerItem(quiz.id, quiz.token, item.position, response);
    quiz.gradings[item.position] = result;
    save();
    updateRunningScore();
    showGrading(item, result, { focus: true });
  } catch (error) {
    await answerFailed(error);
  } finally {
    busy = false;
    el.submit.disabled = !formOpen;
  }
}

async function answerFailed(error) {
  switch (error.status) {
    case 422:
      // The response could not be read: the server says how it read it; no try was used.
      showError(el.answerError, error.detail);
      return;
    case 409: {
      // The item is closed (answered in another tab?) or the quiz is finished: catch up.
      const synced = await syncWithServer();
      if (synced) showError(el.answerError, error.detail);
      return;
    }
    case 410:
      setFormOpen(false);
      showError(el.answerError, `${error.detail}. The time is up: finish the quiz to see your score.`);
      moveFinishButton();
      return;
    case 401:
    case 404:
      setFormOpen(false);
      showError(el.answerError, `${error.detail}. This quiz can no longer be used.`);
      el.actions.replaceChildren(element("button", { type: "button", className: "button", text: "Start a new quiz" }));
      el.actions.firstChild.addEventListener("click", startOver);
      return;
    default:
      showError(el.answerError, error.detail); // network trouble, rate limit: try again
  }
}

/** Re-reads the quiz from the server and shows the current item as the server sees it.
 * Returns false when it showed something else instead (the summary, the options). */
async function syncWithServer() {
  try {
    const state = await api.getQuiz(quiz.id, quiz.token);
    if (state.status !== "open") {
      await finishQuiz();
      return false;
    }
    mergeStates(state.items);
    save();
    showItem(quiz.position);
    return true;
  } catch (error) {
    showError(el.answerError, error.detail);
    return true;
  }
}

/** Folds the server's per-item states into the stored gradings; an item graded in another tab
 * gets a grading made from its state (without feedback text, which the state does not carry). */
function mergeStates(states) {
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
  quiz.hints = quiz.hints || {};
  for (const state of states) {
    if (state.hints && state.hints.length) quiz.hints[state.position] = state.hints;
  }
}

// --- feedback -------------------------------------------------------------------------------

function showGrading(item, result, { focus = false } = {}) {
  const box = el.feedback;
  const correct = Boolean(result.correct);
  const partial = !correct && result.score > 0;
  box.dataset.result = correct ? "correct" : partial ? "partial" : "wrong";

  const parts = [];
  // The verdict is text and an icon, not only a colour.
  parts.push(
    element(
      "p",
      { className: "result" },
      element("span", { className: "result-icon", "aria-hidden": "true", text: correct ? "✓" : "✗" }),
      correct ? "Correct" : "Not quite",
    ),
  );
  const tries = result.tries_left > 0 && !correct ? ` · ${result.tries_left} ${result.tries_left === 1 ? "try" : "tries"} left` : "";
  parts.push(element("p", { className: "score", text: `score ${points(result.score)} / ${points(result.max_score)}${tries}` }));
  // The server's plain verdict ("Correct.", "Not quite.") would only repeat the heading.
  const verdict = correct ? "Correct" : "Not quite";
  if (result.feedback && result.feedback.replace(/\.$/, "") !== verdict) {
    parts.push(inline("p", result.feedback, "feedback-text"));
  }
  if (result.misconception) {
    parts.push(
      element(
        "p",
        { className: "misconception" },
        "Misconception: ",
        element("span", { className: "misconception-name", text: result.misconception }),
      ),
    );
  }
  if (result.evidence) parts.push(evidenceTable(result.evidence));
  if (result.key) {
    parts.push(element("div", { className: "key" }, element("span", { className: "label", text: "Answer: " }), keyNode(item, result.key)));
  }
  if (result.explanation) {
    const explanation = element("div", { className: "explanation rendered" });
    renderBlock(explanation, result.explanation);
    explanation.prepend(element("p", { className: "label", text: "Explanation" }));
    parts.push(explanation);
  }
  box.replaceChildren(...parts);
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

function evidenceTable(evidence) {
  const caption = element("caption", { text: `Difference quotients at x = ${fmt(evidence.x)}` });
  const legend = inline(
    "p",
    "Left quotient $(f(x) - f(x - h))/h$, right quotient $(f(x + h) - f(x))/h$, for shrinking $h$:",
    "hint evidence-legend",
  );
  const cell = (value) => element("td", { className: "num", text: value === null ? "not finite" : fmt(value) });
  const rows = evidence.quotients.map((q) =>
    element("tr", {}, element("th", { scope: "row", className: "num", text: fmt(q.h) }), cell(q.left), cell(q.right)),
  );
  const table = element(
    "table",
    { className: "evidence" },
    caption,
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        element("th", { scope: "col", className: "num", text: "h" }),
        element("th", { scope: "col", className: "num", text: "left quotient" }),
        element("th", { scope: "col", className: "num", text: "right quotient" }),
      ),
    ),
    element("tbody", {}, ...rows),
  );
  return element("div", { className: "evidence-block" }, legend, element("div", { className: "table-wrap" }, table));
}

/** The key, readably: "[0, 1] closed", "does not exist", the choice's text, ... */
function keyNode(item, key) {
  const span = element("span", { className: "key-value" });
  const type = item ? item.type : guessType(key);
  const choiceText = (id) => {
    const choice = item && item.choices.find((c) => c.id === id);
    return choice ? `${id}) ${choice.text}` : id;
  };
  const maybe = (value) => (value === null ? "does not exist" : fmt(value));
  switch (type) {
    case "single_choice":
      return renderInline(span, choiceText(key.choice));
    case "multiple_choice": {
      if (key.choices.length === 0) return renderInline(span, "none of the choices");
      // One line per choice (spans, not a list: the review's <li>s stay one per item).
      for (const id of key.choices) span.append(inline("span", choiceText(id), "key-choice"));
      return span;
    }
    case "true_false":
      return renderInline(span, key.value ? "True" : "False");
    case "numeric":
      return renderInline(span, key.dne ? "does not exist" : fmt(key.value));
    case "interval": {
      const open = key.lower_closed ? "[" : "(";
      const close = key.upper_closed ? "]" : ")";
      let ends;
      if (key.lower_closed && key.upper_closed) ends = "closed";
      else if (!key.lower_closed && !key.upper_closed) ends = "open";
      else ends = `${key.lower_closed ? "closed" : "open"} at the lower end, ${key.upper_closed ? "closed" : "open"} at the upper end`;
      return renderInline(span, `${open}${fmt(key.lower)}, ${fmt(key.upper)}${close} ${ends}`);
    }
    case "point_set":
      return renderInline(span, key.values.length ? `{${key.values.map(fmt).join(", ")}}` : "the empty set");
    case "one_sided_pair":
      return renderInline(span, `left: ${maybe(key.left)}, right: ${maybe(key.right)}`);
    case "vector":
      return renderInline(span, `(${key.values.map(fmt).join(", ")})`);
    default:
      return renderInline(span, JSON.stringify(key));
  }
}

/** The type of a key by its fields (for a review item whose stored item is missing). */
function guessType(key) {
  if ("choice" in key) return "single_choice";
  if ("choices" in key) return "multiple_choice";
  if ("dne" in key || ("value" in key && typeof key.value === "number")) return "numeric";
  if ("value" in key) return "true_false";
  if ("lower" in key) return "interval";
  if ("left" in key) return "one_sided_pair";
  return "vector"; // point_set and vector keys look alike: {values}
}

// --- finishing and the summary ------------------------------------------------------------------

async function finishQuiz() {
  el.finish.disabled = true;
  showError(el.quizError, "");
  try {
    const summary = await api.finishQuiz(quiz.id, quiz.token);
    quiz.finished = true;
    save();
    showSummary(summary);
  } catch (error) {
    el.finish.disabled = false;
    if (error.status === 401 || error.status === 404) {
      forget();
      showView("options");
      showError(el.startError, error.detail);
    } else {
      showError(el.quizError, error.detail);
    }
  }
}

function showSummary(summary, { focus = true } = {}) {
  el.summaryTotal.textContent = `${points(summary.total)} / ${points(summary.maximum)}`;
  el.summaryPercent.textContent = `(${Math.round(summary.fraction * 100)}%)`;
  el.summaryNote.textContent =
    quiz && quiz.reveal === "never" ? "This quiz was started with answers never shown, so the review lists scores only." : "";

  const body = el.topicBreakdown.tBodies[0];
  body.replaceChildren(
    ...summary.topics.map((t) =>
      element(
        "tr",
        {},
        element(
          "th",
          { scope: "row" },
          t.topic,
          topicDescriptions[t.topic] ? element("span", { className: "topic-description", text: topicDescriptions[t.topic] }) : "",
        ),
        element("td", { className: "num", text: points(t.score) }),
        element("td", { className: "num", text: points(t.max_score) }),
      ),
    ),
  );

  el.review.replaceChildren(...summary.items.map(reviewEntry));
  showView("summary");
  if (focus) el.summaryHeading.focus();
}

function reviewEntry(state) {
  const item = quiz && quiz.items[state.position - 1];
  const li = element("li", { className: "review-item", "data-position": state.position });
  const status = state.answered ? (state.correct ? "correct" : "answered") : "not answered";
  li.append(
    element(
      "p",
      { className: "review-head" },
      element("strong", { text: `Item ${state.position}` }),
      " · ",
      element("code", { text: state.item_id }),
      " · ",
      element("span", { className: `review-status status-${status.replace(" ", "-")}`, text: status }),
      " · ",
      element("span", { text: `score ${points(state.score)} / ${points(state.max_score)}` }),
    ),
  );
  if (item) {
    const stem = element("div", { className: "review-stem rendered" });
    renderBlock(stem, item.stem);
    li.append(stem);
  }
  if (state.key) {
    li.append(element("div", { className: "key" }, element("span", { className: "label", text: "Answer: " }), keyNode(item, state.key)));
  }
  if (state.explanation) {
    const explanation = element("div", { className: "explanation rendered" });
    renderBlock(explanation, state.explanation);
    explanation.prepend(element("p", { className: "label", text: "Explanation" }));
    li.append(explanation);
  }
  return li;
}

function startOver() {
  forget();
  el.feedback.replaceChildren();
  el.actions.replaceChildren();
  showView("options");
  el.optionsForm.elements.size.focus();
}

// --- resuming after a reload ------------------------------------------------------------------

async function resume(saved) {
  let state;
  try {
    state = await api.getQuiz(saved.id, saved.token);
  } catch (error) {
    if (error.status === 401 || error.status === 404) forget();
    else showError(el.startError, `Your last quiz could not be resumed: ${error.detail}`);
    showView("options");
    return;
  }
  quiz = { gradings: {}, hints: {}, position: 1, ...saved };
  if (state.status !== "open") {
    // Finished (or out of time): finishing is idempotent and returns the summary.
    try {
      const summary = await api.finishQuiz(quiz.id, quiz.token);
      quiz.finished = true;
      save();
      showSummary(summary, { focus: false });
    } catch (error) {
      showView("options");
      showError(el.startError, `Your last quiz could not be shown: ${error.detail}`);
    }
    return;
  }
  mergeStates(state.items);
  const next = state.items.find((s) => s.tries_left > 0);
  showView("quiz");
  showItem(next ? next.position : quiz.items.length);
}

// --- wiring ---------------------------------------------------------------------------------

el.optionsForm.addEventListener("submit", startQuiz);
el.answerForm.addEventListener("submit", submitAnswer);
el.finish.addEventListener("click", finishQuiz);
el.hintButton.addEventListener("click", takeHint);
el.newQuiz.addEventListener("click", startOver);

loadTopics();
loadConfig();
const saved = loadSaved();
if (saved) {
  showView("none"); // nothing until we know where the saved quiz stands
  resume(saved);
} else {
  showView("options");
}
