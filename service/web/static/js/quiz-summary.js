// The result of a finished quiz: the total, the score by topic and the review of every item,
// from POST /v1/quizzes/{id}/finish: per item, the learner's answer, the answer, the feedback,
// the mistake by its title and the explanation. Each entry writes responses by the answer type
// the server states for the item; the session gives the stem and the choices' texts.

import { $, element } from "./dom.js";
import { inline, renderBlock } from "./math.js";
import { explanationBlock, feedbackText, misconceptionBlock, points, responseBlock } from "./quiz-feedback.js";
import { topicWords } from "./quiz-item.js";
import { topicDescriptions } from "./quiz-options.js";

const el = {
  total: $("summary-total"),
  percent: $("summary-percent"),
  note: $("summary-note"),
  topicBreakdown: $("topic-breakdown"),
  review: $("review"),
  practise: $("practise"),
};

const STATUS = {
  correct: ["✓", "right"],
  partial: ["◐", "partly right"],
  wrong: ["✗", "wrong"],
  unanswered: ["–", "not answered"],
};

/** How an item ended: right, partly right, wrong or not answered. */
export function status(state) {
  if (!state.answered) return "unanswered";
  if (state.correct) return "correct";
  return (state.score || 0) > 0 ? "partial" : "wrong";
}

/** The items of the summary to practise again: every one not fully right. */
export function missed(summary) {
  return summary.items.filter((state) => status(state) !== "correct" && state.item_id);
}

/** Fills the summary section with `summary` of the session `quiz`. */
export function renderSummary(summary, quiz) {
  el.total.textContent = `${points(summary.total)} of ${points(summary.maximum)}`;
  el.percent.textContent = `(${Math.round(summary.fraction * 100)} %)`;
  el.note.textContent = summary.reveal === "never" || quiz.reveal === "never" ? "This quiz was started with answers never shown, so the review lists your answers and scores only." : "";
  el.topicBreakdown.tBodies[0].replaceChildren(...summary.topics.map(topicRow));
  // The item as the quiz showed it: from the session, or else from the summary, whose item
  // states repeat it.
  const itemOf = (state) => quiz.items[state.position - 1] || (typeof state.stem === "string" ? state : null);
  el.review.replaceChildren(...summary.items.map((state) => reviewEntry(state, itemOf(state), quiz)));
  const again = missed(summary);
  el.practise.hidden = again.length === 0;
  el.practise.textContent = `Practise the ${again.length === 1 ? "one" : again.length} I missed`;
}

function topicRow(t) {
  const description = topicDescriptions[t.topic];
  return element(
    "tr",
    {},
    element("th", { scope: "row" }, topicWords(t.topic), description ? element("span", { className: "topic-description", text: description }) : ""),
    element("td", { className: "num", text: points(t.score) }),
    element("td", { className: "num", text: points(t.max_score) }),
  );
}

/** One item of the review: its head line, its stem, what was answered and what the server
 * revealed. */
function reviewEntry(state, item, quiz) {
  const kind = status(state);
  const [icon, words] = STATUS[kind];
  const li = element(
    "li",
    { className: `review-item review-${kind}`, "data-position": state.position, "data-status": kind },
    element(
      "h4",
      { className: "review-head" },
      `Item ${state.position} `,
      element("span", { className: `review-status status-${kind}` }, element("span", { "aria-hidden": "true", text: `${icon} ` }), words),
      element("span", { className: "review-score", text: ` · ${points(state.score)} of ${points(state.max_score)}` }),
    ),
  );
  if (item && item.stem) li.append(renderBlock(element("div", { className: "review-stem rendered" }), item.stem));
  const tries = Array.isArray(state.tries) ? state.tries : [];
  const last = tries.length ? tries[tries.length - 1] : null;
  const response = last ? last.response : quiz.responses && quiz.responses[state.position];
  const grading = quiz.gradings && quiz.gradings[state.position];
  if (state.answered && response && state.type) li.append(responseBlock("your-answer", "Your answer", state.type, response, item));
  if (state.key && state.type) li.append(responseBlock("key", "The answer", state.type, state.key, item));
  const feedback = last ? last.feedback : grading && grading.feedback;
  const slug = last ? last.misconception : grading && grading.misconception;
  const title = last ? last.misconception_title : grading && grading.misconception_title;
  const text = kind === "unanswered" ? null : feedbackText(feedback, slug, title);
  if (text) li.append(inline("p", text, "feedback-text"));
  if (slug) li.append(misconceptionBlock(slug, title));
  if (state.explanation) li.append(explanationBlock(state.explanation));
  if (tries.length > 1) li.append(element("p", { className: "hint", text: `${tries.length} tries; the best counts.` }));
  return li;
}
