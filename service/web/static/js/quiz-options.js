// The options form: the topics to tick, the deployment's settings, and the quiz it asks for.

import * as api from "./api.js";
import { $, element } from "./dom.js";

const el = {
  form: $("quiz-options"),
  topicList: $("topic-list"),
  navPlayground: $("nav-playground"),
  reveal: $("reveal"),
  rulesFields: $("quiz-rules-fields"),
  seedField: $("seed-field"),
  examNote: $("exam-note"),
};

/** Each topic's description by its name (the summary's table shows them). */
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
    el.seedField.hidden = examMode;
    el.examNote.hidden = !examMode;
    el.reveal.value = config.quiz_defaults.reveal;
  } catch {
    // Without it the form keeps its own defaults, which the server accepts as they are.
  }
}

/** The body of POST /v1/quizzes, as the form says. */
export function readOptions() {
  const fields = el.form.elements;
  const body = {
    size: Number(fields.size.value),
    min_difficulty: Number(fields.min_difficulty.value),
    max_difficulty: Number(fields.max_difficulty.value),
  };
  if (!examMode) {
    body.max_tries = Number(fields.max_tries.value);
    body.reveal = fields.reveal.value;
    if (fields.seed.value.trim() !== "") body.seed = Number(fields.seed.value);
  }
  const topics = [...el.form.querySelectorAll('input[name="topic"]:checked')].map((box) => box.value);
  if (topics.length > 0) body.topics = topics;
  return body;
}
