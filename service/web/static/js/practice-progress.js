// The progress view, from GET /v1/learners/{id}/progress: the reviews due, the mastery per topic
// as a bar chart (ability ± its standard error on one scale, the mastery level in words, and the
// same numbers as a table), and the mistakes the learner's answers showed, each with "Practise
// this".
//
// The chart's bars are drawings (aria-hidden): every number they show is also text beside them
// and in the table, so nothing is said by the picture alone.

import { element } from "./dom.js";
import { formatNumber, inline } from "./math.js";
import { el } from "./practice-state.js";

const SVG = "http://www.w3.org/2000/svg";
// The chart's scale, in logits: an ability of 0 answers an item of average difficulty half the
// time; ±3 is far beyond what a few answers can tell.
const SCALE = 3;
const WIDTH = 600;
const MASTERY = {
  "not started": "Not started",
  practising: "Practising",
  proficient: "Proficient",
  mastered: "Mastered",
};

/** -0.42 as "−0.42" (a real minus sign), to two decimals. */
const signed = (n) => formatNumber(Math.round(n * 100) / 100).replace(/^-/, "\u2212");
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "today at 09:12", "28 November at 09:12". */
function when(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const time = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const sameDay = date.toDateString() === new Date().toDateString();
  return `${sameDay ? "today" : date.toLocaleDateString([], { day: "numeric", month: "long" })} at ${time}`;
}

/** A list in words: "a", "a and b", "a, b and c". */
function inWords(parts) {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** The x of an ability on the chart. */
const at = (ability) => (Math.max(-SCALE, Math.min(SCALE, ability)) + SCALE) * (WIDTH / (2 * SCALE));

/** One topic's bar: the track, the bar up to the ability, its ± error as a whisker, and the
 * mark of an average item (0). */
function bar(topic) {
  const drawing = svg("svg", {
    class: "mastery-bar",
    viewBox: `0 0 ${WIDTH} 24`,
    preserveAspectRatio: "none",
    "aria-hidden": "true",
    focusable: "false",
  });
  drawing.append(svg("rect", { class: "mastery-track", x: 0, y: 4, width: WIDTH, height: 16 }));
  if (topic.answers > 0) {
    drawing.append(svg("rect", { class: `mastery-fill mastery-fill-${topic.mastery.replace(" ", "-")}`, x: 0, y: 4, width: at(topic.ability), height: 16 }));
    const [lo, hi] = [at(topic.ability - topic.error), at(topic.ability + topic.error)];
    const line = (x1, y1, x2, y2) => svg("line", { class: "mastery-error", x1, y1, x2, y2, "vector-effect": "non-scaling-stroke" });
    drawing.append(line(lo, 12, hi, 12), line(lo, 7, lo, 17), line(hi, 7, hi, 17));
  }
  drawing.append(svg("line", { class: "mastery-zero", x1: WIDTH / 2, y1: 0, x2: WIDTH / 2, y2: 24, "vector-effect": "non-scaling-stroke" }));
  return drawing;
}

/** "Ability −0.42 ± 0.61 · 4 answers", or that there are none yet. */
function numbers(topic) {
  if (topic.answers === 0) return "No answers yet";
  return `Ability ${signed(topic.ability)} ± ${signed(topic.error)} · ${plural(topic.answers, "answer")}`;
}

function masteryRow(topic) {
  const level = MASTERY[topic.mastery] || topic.mastery;
  return element(
    "li",
    { className: "mastery-row", "data-topic": topic.topic, "data-mastery": topic.mastery },
    element(
      "p",
      { className: "mastery-head" },
      element("span", { className: "mastery-topic", text: topic.title }),
      element("span", { className: `mastery-level level-${topic.mastery.replace(" ", "-")}`, text: level }),
    ),
    bar(topic),
    element("p", { className: "mastery-numbers", text: numbers(topic) }),
  );
}

function masteryTable(topics) {
  const head = element(
    "tr",
    {},
    element("th", { scope: "col", text: "Topic" }),
    element("th", { scope: "col", text: "Mastery" }),
    element("th", { scope: "col", className: "num", text: "Ability" }),
    element("th", { scope: "col", className: "num", text: "± error" }),
    element("th", { scope: "col", className: "num", text: "Answers" }),
  );
  const rows = topics.map((t) =>
    element(
      "tr",
      {},
      element("th", { scope: "row", text: t.title }),
      element("td", { text: MASTERY[t.mastery] || t.mastery }),
      element("td", { className: "num", text: t.answers ? signed(t.ability) : "–" }),
      element("td", { className: "num", text: t.answers ? signed(t.error) : "–" }),
      element("td", { className: "num", text: String(t.answers) }),
    ),
  );
  const table = element(
    "table",
    { className: "mastery-table" },
    element("caption", { text: "Mastery by topic: the ability estimate, its standard error and the first tries counted" }),
    element("thead", {}, head),
    element("tbody", {}, ...rows),
  );
  return element("details", { className: "advanced mastery-numbers-table" }, element("summary", { text: "The same as a table" }), element("div", { className: "table-wrap" }, table));
}

function renderMastery(topics) {
  const legend = element(
    "p",
    { className: "hint mastery-legend", id: "mastery-legend" },
    "Each bar reaches your estimated ability in the topic; the whisker shows how sure the estimate is (± its standard error), and the middle line an item of average difficulty, which an ability of 0 answers right half the time. Left of it is weaker, right of it stronger.",
  );
  const chart = element("ul", { className: "mastery-chart", "aria-labelledby": "mastery-heading", "aria-describedby": "mastery-legend" }, ...topics.map(masteryRow));
  const scale = element(
    "div",
    { className: "mastery-scale", "aria-hidden": "true" },
    element("span", { text: "weaker" }),
    element("span", { text: "average item" }),
    element("span", { text: "stronger" }),
  );
  el.mastery.replaceChildren(legend, chart, scale, masteryTable(topics));
}

// --- mistakes and reviews ----------------------------------------------------------------------

function mistakeEntry(m, practise) {
  const status = m.resolved
    ? element("span", { className: "mistake-status mistake-resolved", text: "Resolved: you answered an item on it right since" })
    : element("span", { className: "mistake-status mistake-open", text: "Not resolved yet" });
  const seen = `seen ${m.count === 1 ? "once" : `${m.count} times`}${m.last_seen ? `, last ${when(m.last_seen)}` : ""}`;
  // Named "Practise this", described by the mistake's title (its text changes while it waits).
  const titleId = `mistake-${m.slug}`;
  const button = element("button", { type: "button", className: "button button-secondary practise-this", "data-slug": m.slug, "aria-describedby": titleId }, "Practise this");
  button.addEventListener("click", () => practise(m, button));
  return element(
    "li",
    { className: "mistake", "data-slug": m.slug, "data-resolved": m.resolved ? "true" : "false" },
    element("h4", { className: "mistake-title", id: titleId, text: m.title }),
    inline("p", m.description, "mistake-description"),
    element("p", { className: "mistake-facts" }, status, ` · ${seen}`),
    button,
  );
}

function renderMistakes(list, practise) {
  // The ones still open first; the server's order (the latest seen first) within each.
  const ordered = [...list.filter((m) => !m.resolved), ...list.filter((m) => m.resolved)];
  el.mistakesText.textContent = list.length
    ? "From your wrong answers that showed a known mistake. Practise one to get items that test it."
    : "None noted yet. When a wrong answer shows a known mistake, it is listed here with a way to practise it.";
  el.mistakeList.replaceChildren(...ordered.map((m) => mistakeEntry(m, practise)));
  el.mistakeList.hidden = list.length === 0;
}

function renderReviews(progress, titles) {
  const due = progress.reviews.filter((r) => Date.parse(r.due) <= Date.now());
  const count = progress.reviews_due;
  if (count > 0) {
    const topics = [...new Set((due.length ? due : progress.reviews).flatMap((r) => r.topics))].map((t) => titles[t] || t);
    el.reviewsText.textContent = `${count === 1 ? "One review is" : `${count} reviews are`} due now, on ${inWords(topics)}. A review brings back an item you answered before, spaced out so that it sticks.`;
  } else if (progress.reviews.length) {
    const soonest = progress.reviews[0];
    el.reviewsText.textContent = `No review is due now. The next one is due ${when(soonest.due)} (${inWords(soonest.topics.map((t) => titles[t] || t))}); ${plural(progress.reviews.length, "review")} planned in all. Reviews come first in any session once they are due.`;
  } else {
    el.reviewsText.textContent = "None planned yet: each item you answer comes back for review later, spaced out so that it sticks.";
  }
  el.reviewNow.hidden = count === 0;
}

/** Fills the progress view. `practise(misconception, button)` starts a session on a mistake. */
export function renderProgress(progress, { practise }) {
  const titles = Object.fromEntries(progress.topics.map((t) => [t.topic, t.title]));
  el.progressOverview.textContent = progress.answers
    ? `You have given ${plural(progress.answers, "answer")} so far. Your level in each topic comes from your first try at each item.`
    : "No answers yet: start practising, and your level in each topic shows here.";
  renderReviews(progress, titles);
  renderMastery(progress.topics);
  renderMistakes(progress.misconceptions, practise);
}
