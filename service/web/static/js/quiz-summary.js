// The result of a finished quiz: the total, the score by topic and the review of every item,
// from POST /v1/quizzes/{id}/finish. Each entry writes its key by the answer type the server
// states for the item; the session gives only the stem and the choices' texts.

import { $, element } from "./dom.js";
import { renderBlock } from "./math.js";
import { explanationBlock, keyBlock, points } from "./quiz-feedback.js";
import { topicDescriptions } from "./quiz-options.js";

const el = {
  total: $("summary-total"),
  percent: $("summary-percent"),
  note: $("summary-note"),
  topicBreakdown: $("topic-breakdown"),
  review: $("review"),
};

/** Fills the summary section with `summary` of the session `quiz`. */
export function renderSummary(summary, quiz) {
  el.total.textContent = `${points(summary.total)} / ${points(summary.maximum)}`;
  el.percent.textContent = `(${Math.round(summary.fraction * 100)}%)`;
  el.note.textContent = quiz.reveal === "never" ? "This quiz was started with answers never shown, so the review lists scores only." : "";
  el.topicBreakdown.tBodies[0].replaceChildren(...summary.topics.map(topicRow));
  el.review.replaceChildren(...summary.items.map((state) => reviewEntry(state, quiz.items[state.position - 1])));
}

function topicRow(t) {
  const description = topicDescriptions[t.topic];
  return element(
    "tr",
    {},
    element("th", { scope: "row" }, t.topic, description ? element("span", { className: "topic-description", text: description }) : ""),
    element("td", { className: "num", text: points(t.score) }),
    element("td", { className: "num", text: points(t.max_score) }),
  );
}

/** One item of the review: its head line, its stem when the session has it, and what the
 * server revealed. */
function reviewEntry(state, item) {
  const status = state.answered ? (state.correct ? "correct" : "answered") : "not answered";
  const li = element(
    "li",
    { className: "review-item", "data-position": state.position },
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
  if (item) li.append(renderBlock(element("div", { className: "review-stem rendered" }), item.stem));
  if (state.key) li.append(keyBlock(state.type, state.key, item));
  if (state.explanation) li.append(explanationBlock(state.explanation));
  return li;
}
