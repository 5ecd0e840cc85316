// What the server says about an item, as the learner sees it: a grading (verdict, score,
// feedback, the misconception by its title, the difference quotients, the answer, the worked
// explanation and the plots of f and f') and the hints. The review shows the same blocks.

import { element } from "./dom.js";
import { formatNumber as fmt, inline, renderBlock } from "./math.js";
import { renderGraphs } from "./plot.js";
import { responseNode } from "./quiz-answer-types.js";
import { misconception } from "./quiz-misconceptions.js";

/** Scores to two decimals at most: partial credit like 1/3 reads 0.33, not 0.333333. */
export const points = (n) => fmt(Math.round((n || 0) * 100) / 100);
/** A share as a percentage with a space before the sign: "10 %". */
export const percent = (share) => `${Math.round(share * 100)} %`;

const VERDICT_PREFIX = /^\s*(correct|not quite|incorrect|wrong)\s*[.:!,;—-]*\s*/i;

/** A text rendered as paragraphs under a label ("Explanation", "Hint 1"). */
function labelled(className, label, text) {
  const block = element("div", { className });
  renderBlock(block, text);
  block.prepend(element("p", { className: "label", text: label }));
  return block;
}

export const explanationBlock = (text) => labelled("explanation rendered", "Explanation", text);

/** "label" and a response written as its answer type writes it. */
export function responseBlock(className, label, type, response, item) {
  return element("div", { className }, element("span", { className: "label", text: `${label}: ` }), responseNode(type, response, item));
}

export function hintNode(hint) {
  const box = element("div", { className: "hint-box" }, labelled("hint-text rendered", `Hint ${hint.number}`, hint.text));
  if (hint.evidence) box.append(evidenceTable(hint.evidence));
  return box;
}

export function evidenceTable(evidence) {
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
  const head = element(
    "tr",
    {},
    element("th", { scope: "col", className: "num", text: "h" }),
    element("th", { scope: "col", className: "num", text: "left quotient" }),
    element("th", { scope: "col", className: "num", text: "right quotient" }),
  );
  const table = element("table", { className: "evidence" }, caption, element("thead", {}, head), element("tbody", {}, ...rows));
  return element("div", { className: "evidence-block" }, legend, element("div", { className: "table-wrap" }, table));
}

/** "correct", "partial" (some credit, not right) or "wrong". */
export function outcome(result) {
  if (result.correct) return "correct";
  return (result.score || 0) > 0 || (result.credit || 0) > 0 ? "partial" : "wrong";
}

const VERDICTS = { correct: "Correct", partial: "Partly right", wrong: "Not quite" };

/** The misconception named by a grading, by its title and its one-line description. */
export function misconceptionBlock(slug, title) {
  const known = misconception(slug, title);
  const block = element(
    "div",
    { className: "misconception" },
    element("p", { className: "misconception-title" }, element("span", { className: "label", text: "Common mistake: " }), known.title),
  );
  if (known.description) block.append(inline("p", known.description, "misconception-description"));
  return block;
}

/** The feedback text as it adds to the verdict: without a leading "Correct." and not at all
 * when it only repeats the verdict or the misconception's description. */
export function feedbackText(feedback, slug, title) {
  const text = String(feedback || "").replace(VERDICT_PREFIX, "").trim();
  if (!text) return null;
  if (slug && text === misconception(slug, title).description) return null;
  return text;
}

/** What the quiz will still show of a closed item, in words, when nothing is revealed now. */
function laterNote(reveal) {
  if (reveal === "after_finish") return "The answer and its explanation show in the review, once you finish the quiz.";
  if (reveal === "never") return "This quiz does not show answers or explanations.";
  return "";
}

/**
 * The nodes of a grading. `result`: the server's grading; `response`: what the learner sent
 * (null when unknown); `quiz`: its rules. The verdict is a heading that takes focus.
 */
export function gradingNodes(item, result, response, quiz) {
  const kind = outcome(result);
  const again = !result.correct && result.tries_left > 0;
  const verdict = element(
    "h4",
    { className: "result", id: "verdict", tabindex: "-1" },
    element("span", { className: "result-icon", "aria-hidden": "true", text: kind === "correct" ? "✓" : kind === "partial" ? "◐" : "✗" }),
    VERDICTS[kind],
  );
  const parts = [verdict];
  const tries = again ? ` · ${result.tries_left} ${result.tries_left === 1 ? "try" : "tries"} left` : "";
  parts.push(element("p", { className: "score", text: `Score ${points(result.score)} of ${points(result.max_score)}${tries}` }));
  const text = feedbackText(result.feedback, result.misconception, result.misconception_title);
  if (text) parts.push(inline("p", text, "feedback-text"));
  if (result.misconception) parts.push(misconceptionBlock(result.misconception, result.misconception_title));
  if (again) {
    const cost = quiz.penalty > 0 ? ` Another try costs ${percent(quiz.penalty)} of the item's points.` : "";
    parts.push(element("p", { className: "hint", text: `Change your answer and submit it again.${cost}` }));
    return parts;
  }
  if (response && !result.correct) parts.push(responseBlock("your-answer", "Your answer", item.type, response, item));
  if (result.key) parts.push(responseBlock("key", "The answer", item.type, result.key, item));
  if (result.explanation) parts.push(explanationBlock(result.explanation));
  if (result.evidence) parts.push(evidenceTable(result.evidence));
  if (result.subgradient_graph && item.graph && item.function) {
    const plot = element("div", { className: "plot feedback-plot" });
    renderGraphs(plot, { formula: item.function.formula, params: item.function.params, function: item.graph, subgradient: result.subgradient_graph });
    parts.push(plot);
  }
  if (!result.key && !result.explanation) {
    const note = laterNote(quiz.reveal);
    if (note) parts.push(element("p", { className: "hint reveal-note", text: note }));
  }
  return parts;
}
