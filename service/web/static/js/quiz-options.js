// The options form: the topics to tick, the deployment's settings, and the quiz it asks for.

import * as api from "./api.js";
import { $, element } from "./dom.js";

const el = {
  form: $("quiz-options"),
  topicList: $("topic-list"),
  navPlayground: $("nav-playground"),
  reveal: $("reveal"),
  rulesFields: $("quiz-rules-fields"),
  advanced: $("advanced"),
  examNote: $("exam-note"),
};

/** Each topic's description by its name (the summary's table and the items' facts show them). */
export const topicDescriptions = {};
let examMode = false; // an exam deployment sets the tries, the reveal and the seed itself

export async function loadTopics() {
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
export async function loadConfig() {
  try {
    const config = await api.getConfig();
    examMode = config.exam_mode;
    el.navPlayground.hidden = examMode;
    el.rulesFields.hidden = examMode;
    el.advanced.hidden = examMode;
    el.examNote.hidden = !examMode;
    el.reveal.value = config.quiz_defaults.reveal;
  } catch {
    // Without it the form keeps its own defaults, which the server accepts as they are.
  }
}

/**
 * The body of POST /v1/quizzes as the form says: {ok: true, body} or {ok: false, errors:
 * {fieldId: message}} for a size or a seed that the server would refuse.
 */
export function readOptions() {
  const fields = el.form.elements;
  const errors = {};
  const size = fields.size.value.trim();
  if (!/^\d+$/.test(size) || Number(size) < 1 || Number(size) > 50) errors.size = "Choose a number of items from 1 to 50.";
  const body = {
    size: Number(size),
    min_difficulty: Number(fields.min_difficulty.value),
    max_difficulty: Number(fields.max_difficulty.value),
  };
  if (body.min_difficulty > body.max_difficulty) [body.min_difficulty, body.max_difficulty] = [body.max_difficulty, body.min_difficulty];
  if (fields.time_limit.value) body.time_limit_s = Number(fields.time_limit.value);
  if (!examMode) {
    body.max_tries = Number(fields.max_tries.value);
    body.reveal = fields.reveal.value;
    const seed = fields.seed.value.trim();
    if (seed !== "") {
      if (!/^\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) {
        errors.seed = "A seed is a whole number of at most 16 digits, like 42.";
        el.advanced.open = true;
      } else {
        body.seed = Number(seed);
      }
    }
  }
  const topics = [...el.form.querySelectorAll('input[name="topic"]:checked')].map((box) => box.value);
  if (topics.length > 0) body.topics = topics;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

/** A quiz of exactly these items (a generated family draws a new variant), with the rules of
 * the quiz it practises. */
export function practiceBody(quiz, itemIds) {
  const body = { item_ids: itemIds };
  if (!examMode) {
    body.max_tries = quiz.max_tries;
    body.reveal = quiz.reveal;
    body.penalty = quiz.penalty;
    body.hint_penalty = quiz.hint_penalty;
  }
  return body;
}
