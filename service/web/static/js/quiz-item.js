// The item on show, apart from its answer form: the progress and the running score, the item's
// heading, facts, stem and the plot of f, and the quiz's rules.

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
  plotDetails: $("plot-details"),
  plotSummary: $("plot-summary"),
  plot: $("plot"),
};

/** A topic's name in words: "one-sided-derivatives" reads "one-sided derivatives". */
export function topicWords(topic) {
  const words = topic.replace(/^autodiff-/, "autodiff ").replace(/-(?=[a-z]{4,})/g, " ");
  return words.replace("one sided", "one-sided");
}

/** Shows the item at the session's position. */
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
  el.itemMeta.textContent = `${(item.topics || []).map(topicWords).join(", ")} · difficulty ${item.difficulty} of 5 · ${worth}`;
  renderBlock(el.stem, item.stem);
  showRules(quiz);
  drawItemPlot(item);
}

export function updateRunningScore(quiz) {
  const gradings = Object.values(quiz.gradings);
  if (gradings.length === 0) {
    el.runningScore.textContent = "";
    return;
  }
  const score = gradings.reduce((sum, g) => sum + (g.score || 0), 0);
  const maximum = quiz.items.reduce((sum, item) => sum + item.points, 0);
  el.runningScore.textContent = `Score so far ${points(score)} of ${points(maximum)}`;
}

/** The plot of f, from the item's own graph, in a panel the learner can fold away. */
function drawItemPlot(item) {
  if (!item.graph || !item.function) {
    el.plotDetails.hidden = true;
    el.plot.replaceChildren();
    return;
  }
  el.plotDetails.hidden = false;
  el.plotSummary.textContent = item.function.title ? `Graph of f (${item.function.title})` : "Graph of f";
  renderGraphs(el.plot, {
    formula: item.function.formula,
    params: item.function.params,
    function: item.graph,
    subgradient: null,
  });
}

/** What a wrong try and a hint cost in this quiz, in words. */
function showRules(quiz) {
  const tries = quiz.max_tries === 1 ? "One try per item" : `${quiz.max_tries} tries per item`;
  const parts = [`${tries}.`];
  if (quiz.max_tries > 1 && quiz.penalty > 0) parts.push(`A wrong try costs ${percent(quiz.penalty)} of the item's points on the next.`);
  if (quiz.hint_penalty > 0) parts.push(`A hint costs ${percent(quiz.hint_penalty)}.`);
  if (quiz.reveal === "after_finish") parts.push("Answers show at the end.");
  if (quiz.reveal === "never") parts.push("Answers are not shown.");
  el.quizRules.textContent = parts.join(" ");
}
