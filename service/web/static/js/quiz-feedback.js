// What the server says about an item, as the learner sees it: a grading (verdict, score,
// feedback, misconception, difference quotients, key, explanation) and the hints. The review
// shows keys and explanations the same way.

import { element } from "./dom.js";
import { formatNumber as fmt, inline, renderBlock } from "./math.js";
import { keyNode } from "./quiz-answer-types.js";

/** Scores to two decimals at most: partial credit like 1/3 reads 0.33, not 0.333333. */
export const points = (n) => fmt(Math.round((n || 0) * 100) / 100);
export const percent = (share) => `${Math.round(share * 100)}%`;

/** A text rendered as paragraphs under a label ("Explanation", "Hint 1"). */
function labelled(className, label, text) {
  const block = element("div", { className });
  renderBlock(block, text);
  block.prepend(element("p", { className: "label", text: label }));
  return block;
}

export const explanationBlock = (text) => labelled("explanation rendered", "Explanation", text);

/** "Answer: " and the key, written as its answer type writes keys. */
export function keyBlock(type, key, item) {
  return element("div", { className: "key" }, element("span", { className: "label", text: "Answer: " }), keyNode(type, key, item));
}

export function hintNode(hint) {
  const box = element("div", { className: "hint-box" }, labelled("hint-text rendered", `Hint ${hint.number}`, hint.text));
  if (hint.evidence) box.append(evidenceTable(hint.evidence));
  return box;
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

/** The verdict of `result` (an answer's grading) on `item`, and whatever the server revealed. */
export function gradingNodes(item, result) {
  const correct = Boolean(result.correct);
  const verdict = correct ? "Correct" : "Not quite";
  // The verdict is text and an icon, not only a colour.
  const parts = [
    element("p", { className: "result" }, element("span", { className: "result-icon", "aria-hidden": "true", text: correct ? "✓" : "✗" }), verdict),
  ];
  const tries = result.tries_left > 0 && !correct ? ` · ${result.tries_left} ${result.tries_left === 1 ? "try" : "tries"} left` : "";
  parts.push(element("p", { className: "score", text: `score ${points(result.score)} / ${points(result.max_score)}${tries}` }));
  // The server's plain verdict ("Correct.", "Not quite.") would only repeat the heading.
  if (result.feedback && result.feedback.replace(/\.$/, "") !== verdict) {
    parts.push(inline("p", result.feedback, "feedback-text"));
  }
  if (result.misconception) {
    parts.push(
      element("p", { className: "misconception" }, "Misconception: ", element("span", { className: "misconception-name", text: result.misconception })),
    );
  }
  if (result.evidence) parts.push(evidenceTable(result.evidence));
  if (result.key) parts.push(keyBlock(item.type, result.key, item));
  if (result.explanation) parts.push(explanationBlock(result.explanation));
  return parts;
}
