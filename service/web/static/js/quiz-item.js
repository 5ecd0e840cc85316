// The item on show, apart from its answer form: the progress and the running score, the item's
// heading, facts, stem and plot, and the quiz's rules.

import { $ } from "./dom.js";
import { renderBlock } from "./math.js";
import { renderGraphs } from "./plot.js";
import { percent, points } from "./quiz-feedback.js";

const el = {
  progressText: $("progress-text"),
  progressBar: $("progress-bar"),
  runningScore: $("running-score"),
  quizRules: $("quiz-rules"),
  item: $("item"),
  itemHeading: $("item-heading"),
  itemMeta: $("item-meta"),
  stem: $("stem"),
  plot: $("plot"),
};

/** Shows the item at the session's position (its plot with f' when its grading reveals it). */
export function renderItem(quiz) {
  const position = quiz.position;
  const item = quiz.items[position - 1];
  el.progressText.textContent = `Item ${position} of ${quiz.items.length}`;
  el.progressBar.max = quiz.items.length;
  el.progressBar.value = position;
  updateRunningScore(quiz);

  el.item.dataset.type = item.type;
  el.item.dataset.position = String(position);
  el.itemHeading.textContent = `Item ${position}`;
  const worth = `${points(item.points)} ${item.points === 1 ? "point" : "points"}`;
  el.itemMeta.textContent = `Difficulty ${item.difficulty} of 5 · ${worth} · ${item.topics.join(", ")}`;
  renderBlock(el.stem, item.stem);
  showRules(quiz);
  drawItemPlot(item, quiz.gradings[position]);
}

export function updateRunningScore(quiz) {
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
export function drawItemPlot(item, grading) {
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
function showRules(quiz) {
  const tries = quiz.max_tries === 1 ? "One try per item" : `${quiz.max_tries} tries per item`;
  const parts = [`${tries}.`];
  if (quiz.max_tries > 1 && quiz.penalty > 0) parts.push(`Each wrong try costs ${percent(quiz.penalty)} of the item's points on the next.`);
  if (quiz.hint_penalty > 0) parts.push(`Each hint costs ${percent(quiz.hint_penalty)} on every later try.`);
  el.quizRules.textContent = parts.join(" ");
}
