// The playground's second tab: a program (one expression in x) evaluated by the service over a
// range (POST /v1/programs/evaluate), with its exact one-sided derivatives, its subdifferential
// and the derivative each framework's autodiff computes. Two SVG panels (the value; the
// derivatives, one marker shape per framework, a red ring where one leaves the subdifferential)
// and a table of those points, since a plot alone is not accessible.
//
// plot.js draws graphs the server has cut into pieces; here the pieces are cut from samples and
// the panel carries markers, so the drawing is this module's own, with plot.js's CSS classes.

import * as api from "./api.js";
import { $, element, showMessage } from "./dom.js";
import { formatNumber as fmt } from "./math.js";

const el = {
  form: $("program-form"),
  program: $("program"),
  error: $("program-error"),
  examples: $("program-example"),
  shows: $("program-shows"),
  dtype: $("program-dtype"),
  from: $("program-from"),
  to: $("program-to"),
  formError: $("program-form-error"),
  status: $("program-status"),
  results: $("program-results"),
  plots: $("program-plots"),
  table: $("program-table"),
  more: $("program-more"),
};

const FRAMEWORKS = [
  { name: "pytorch", shape: "circle" },
  { name: "jax", shape: "square" },
  { name: "tensorflow", shape: "triangle" },
];
const MAX_POINTS = 801; // the server takes up to 10,000; a plot needs no more
const MAX_ROWS = 50; // a program outside everywhere would otherwise list every point
const SVG_NS = "http://www.w3.org/2000/svg";
const W = 400; // the panels' viewBox, as plot.js's
const H = 250;
const M = { top: 26, right: 16, bottom: 30, left: 52 }; // room for markers at the ends

let examples = []; // GET /v1/programs/examples
const runs = api.generations(); // a slow answer never overwrites a newer one

// --- the points ------------------------------------------------------------------------------

/** Strides of k (x = k/100): first those that divide 100, so that 0 and every integer stay
 * points, then 1, 2 and 5 times a power of ten for wide ranges. They grow without end. */
function* strides() {
  yield* [1, 2, 4, 5, 10, 20, 25, 50];
  for (let p = 100; ; p *= 10) yield* [p, 2 * p, 5 * p];
}

function strideFor(test) {
  for (const s of strides()) if (test(s)) return s;
}

/** The multiples k of the finest stride with k/100 in [from, to], at most `most` of them. */
export function grid(from, to, most = MAX_POINTS) {
  const lo = Math.ceil(from * 100 - 1e-6); // 0.07 * 100 is 7.000000000000001
  const hi = Math.floor(to * 100 + 1e-6);
  const s = strideFor((t) => Math.floor(hi / t) - Math.ceil(lo / t) + 1 <= most);
  const first = Math.ceil(lo / s);
  return Array.from({ length: Math.max(0, Math.floor(hi / s) - first + 1) }, (_, i) => (first + i) * s);
}

// --- messages and stale results ------------------------------------------------------------------

/** Shows `message` in `target` and marks `input` by it (aria-invalid, and the message first
 * among what describes the input); an empty message clears both. */
function say(input, target, message) {
  showMessage(target, message);
  const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== target.id);
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  input.setAttribute("aria-describedby", (message ? [target.id, ...ids] : ids).join(" "));
}

/** Nothing from before stays looking current: the results go, and the status says why. */
function clearResults(status) {
  el.results.hidden = true;
  el.results.classList.remove("stale");
  el.results.removeAttribute("aria-busy");
  el.plots.replaceChildren();
  el.table.tBodies[0].replaceChildren();
  el.status.replaceChildren(status);
}

/** {from, to}, or null with the fault shown beside the range. */
function readRange() {
  const [from, to] = [el.from, el.to].map((input) => Number(input.value.trim() || NaN));
  let fault = null;
  if (!Number.isFinite(from)) fault = [el.from, "x from: type a number, such as -2."];
  else if (!Number.isFinite(to)) fault = [el.to, "to: type a number, such as 2."];
  else if (grid(from, to).length < 2) fault = [el.to, "to: make it at least 0.01 above x from."];
  if (fault) say(fault[0], el.formError, fault[1]);
  return fault ? null : { from, to };
}

function showFailure(error) {
  const locs = error.errors.map((e) => (Array.isArray(e.loc) ? e.loc : []));
  if (error.status === 422 && (locs.length === 0 || locs.some((loc) => loc.includes("program")))) {
    say(el.program, el.error, error.detail);
    const column = Number(/^column (\d+)/.exec(error.detail)?.[1]); // the caret to the fault
    if (column && document.activeElement === el.program) el.program.setSelectionRange(column - 1, column - 1);
    clearResults("No results: the program could not be read (see the message under it).");
  } else {
    showMessage(el.formError, error.detail);
    clearResults("No results: see the message above.");
  }
}

// --- evaluating ------------------------------------------------------------------------------

async function evaluate() {
  const current = runs.next();
  say(el.program, el.error, "");
  for (const input of [el.from, el.to]) say(input, el.formError, "");
  const range = readRange();
  if (!range) {
    clearResults("No results: fix the range above.");
    return;
  }
  const ks = grid(range.from, range.to);
  el.results.classList.add("stale"); // the previous answer, dimmed, until this one comes
  el.results.setAttribute("aria-busy", "true");
  el.status.replaceChildren("Evaluating…");
  let result;
  try {
    result = await api.evaluateProgram(el.program.value, ks.map((k) => k / 100), el.dtype.value);
  } catch (error) {
    if (current()) showFailure(error);
    return;
  }
  if (current()) show(result, ks);
}

function show(r, ks) {
  const n = r.x.length;
  el.status.replaceChildren(
    element("code", { text: r.program }),
    ` in ${r.dtype}, at ${n} points from x = ${fmt(r.x[0])} to ${fmt(r.x[n - 1])}.`,
  );
  el.plots.replaceChildren(valuePanel(r), derivativePanel(r, ks));
  for (const fw of FRAMEWORKS) {
    const { ops, error } = r.frameworks[fw.name] || { error: "the service sent nothing for it" };
    const parts = ops ? [element("code", { text: ops })] : [];
    if (error) parts.push(element("span", { className: "framework-error", text: `${ops ? " — " : ""}${error}` }));
    $(`ops-${fw.name}`).replaceChildren(...parts);
  }
  fillTable(r);
  el.results.classList.remove("stale");
  el.results.removeAttribute("aria-busy");
  el.results.hidden = false;
}

// --- the panels --------------------------------------------------------------------------------

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const r2 = (n) => Math.round(n * 100) / 100;
const finite = (...ns) => ns.every(Number.isFinite);
const label = (t) => fmt(t).replace("-", "\u2212"); // a typographic minus sign

/** About `count` round values in [lo, hi]: multiples of 1, 2 or 5 times a power of ten. */
function ticks(lo, hi, count) {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i += 1) out.push(Number((i * step).toPrecision(12)));
  return out;
}

/** An empty panel for xs and the finite ys (0 included, some air): grid, axes, title; and its
 * scales f.sx, f.sy. */
function panel(xs, ys, title, description) {
  let [ylo, yhi] = [0, 0];
  for (const y of ys) {
    if (!Number.isFinite(y)) continue;
    if (y < ylo) ylo = y;
    else if (y > yhi) yhi = y;
  }
  if (yhi - ylo < 1e-9) [ylo, yhi] = [ylo - 1, yhi + 1];
  [ylo, yhi] = [ylo - (yhi - ylo) * 0.08, yhi + (yhi - ylo) * 0.08];
  const [lo, hi] = [xs[0], xs[xs.length - 1]];
  const [left, right, top, bottom] = [M.left, W - M.right, M.top, H - M.bottom];
  const f = {
    sx: (x) => r2(left + ((x - lo) / (hi - lo)) * (right - left)),
    sy: (y) => r2(bottom - ((y - ylo) / (yhi - ylo)) * (bottom - top)),
  };
  const node = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": description });
  const grid = svg("g", { class: "grid", "aria-hidden": "true" });
  const labels = svg("g", { class: "tick-labels", "aria-hidden": "true" });
  for (const t of ticks(lo, hi, 7)) {
    grid.append(svg("line", { x1: f.sx(t), x2: f.sx(t), y1: top, y2: bottom }));
    labels.append(svg("text", { x: f.sx(t), y: bottom + 18, "text-anchor": "middle" }, label(t)));
  }
  for (const t of ticks(ylo, yhi, 5)) {
    grid.append(svg("line", { x1: left, x2: right, y1: f.sy(t), y2: f.sy(t) }));
    labels.append(svg("text", { x: left - 11, y: f.sy(t) + 4, "text-anchor": "end" }, label(t)));
  }
  const axis = svg("g", { class: "axis", "aria-hidden": "true" });
  if (ylo <= 0 && yhi >= 0) axis.append(svg("line", { x1: left, x2: right, y1: f.sy(0), y2: f.sy(0) }));
  if (lo <= 0 && hi >= 0) axis.append(svg("line", { x1: f.sx(0), x2: f.sx(0), y1: top, y2: bottom }));
  node.append(grid, axis, labels, svg("text", { class: "panel-title", x: left, y: 16 }, title));
  return { node, f };
}

/** One path for segments [x0, y0, x1, y1]: a segment that starts where the last one ended
 * continues its line, any other starts a new one. */
function path(className, segments, f) {
  let d = "";
  let end = null;
  for (const [x0, y0, x1, y1] of segments) {
    const start = `${f.sx(x0)} ${f.sy(y0)}`;
    d += `${start === end ? "" : `M${start}`}L${f.sx(x1)} ${f.sy(y1)}`;
    end = `${f.sx(x1)} ${f.sy(y1)}`;
  }
  return svg("path", { class: className, d });
}

function valuePanel(r) {
  const { x, value: v, left, right } = r;
  const range = `for x from ${fmt(x[0])} to ${fmt(x[x.length - 1])}`;
  const { node, f } = panel(x, v, "value", `The value of ${r.program} ${range}.`);
  const segments = [];
  for (let i = 0; i + 1 < x.length; i += 1) {
    // A jump between two points (more change than the derivatives and rounding allow) stays a gap.
    const slope = (x[i + 1] - x[i]) * (Math.abs(right[i]) + Math.abs(left[i + 1]));
    const allowed = slope + 2e-3 * (Math.abs(v[i]) + Math.abs(v[i + 1])) + 1e-9;
    if (finite(v[i], v[i + 1]) && Math.abs(v[i + 1] - v[i]) <= allowed) segments.push([x[i], v[i], x[i + 1], v[i + 1]]);
  }
  node.append(path("curve curve-value", segments, f));
  return node;
}

/** The frameworks whose derivative at point i lies outside the subdifferential. */
const outsideAt = (r, i) => FRAMEWORKS.filter((fw) => r.frameworks[fw.name]?.in_subdifferential?.[i] === false);
/** Left and right derivatives that differ (both NaN, at a jump or off the domain, is no kink). */
const kinkAt = (r, i) => r.left[i] !== r.right[i] && !(Number.isNaN(r.left[i]) && Number.isNaN(r.right[i]));

/** A framework's marker centred on (cx, cy); the same shapes as the legend's. */
function marker(fw, cx, cy) {
  const className = `fw-marker fw-${fw.name}`;
  if (fw.shape === "circle") return svg("circle", { class: className, cx, cy, r: 4 });
  if (fw.shape === "square") return svg("rect", { class: className, x: cx - 5, y: cy - 5, width: 10, height: 10 });
  return svg("path", { class: className, d: `M${cx} ${r2(cy - 9)}L${r2(cx + 7.8)} ${r2(cy + 4.5)}L${r2(cx - 7.8)} ${r2(cy + 4.5)}Z` });
}

function derivativePanel(r, ks) {
  const { x, left, right, lower, upper } = r;
  // Markers at about 8 round x (more would hide the line), every kink and every point where a
  // framework is outside.
  const every = strideFor((s) => s >= 5 && (ks[ks.length - 1] - ks[0]) / s <= 8);
  const marked = x.map((_, i) => i).filter((i) => ks[i] % every === 0 || kinkAt(r, i) || outsideAt(r, i).length);
  const outside = marked.filter((i) => outsideAt(r, i).length).length;
  const derivatives = FRAMEWORKS.map((fw) => r.frameworks[fw.name]?.derivative || []);
  const ys = [...left, ...right, ...derivatives.flatMap((d) => marked.map((i) => d[i]))];
  const description =
    `The exact derivative of ${r.program}, and each framework's autodiff derivative as markers. ` +
    (outside
      ? `At ${outside} points a framework's derivative lies outside the subdifferential; the table lists them.`
      : "No framework's derivative lies outside the subdifferential.");
  const { node, f } = panel(x, ys, "derivatives", description);
  // On (x[i], x[i+1]) the derivative runs from the right derivative at x[i] to the left one at
  // x[i+1]: at a kink the line breaks, and the bar between is the subdifferential.
  const segments = [];
  for (let i = 0; i + 1 < x.length; i += 1) if (finite(right[i], left[i + 1])) segments.push([x[i], right[i], x[i + 1], left[i + 1]]);
  node.append(path("curve curve-subgradient", segments, f));
  x.forEach((xi, i) => {
    if (!finite(lower[i], upper[i]) || lower[i] === upper[i]) return;
    node.append(svg("line", { class: "subdifferential", x1: f.sx(xi), x2: f.sx(xi), y1: f.sy(lower[i]), y2: f.sy(upper[i]) }));
  });
  FRAMEWORKS.forEach((fw, j) => {
    for (const i of marked) if (Number.isFinite(derivatives[j][i])) node.append(marker(fw, f.sx(x[i]), f.sy(derivatives[j][i])));
  });
  for (const i of marked) {
    for (const fw of outsideAt(r, i)) {
      const d = r.frameworks[fw.name].derivative?.[i];
      if (Number.isFinite(d)) node.append(svg("circle", { class: "outside-ring", cx: f.sx(x[i]), cy: f.sy(d), r: 12 }));
    }
  }
  return node;
}

// --- the table: the kinks and the points where a framework is outside --------------------------------

function frameworkCell(r, fw, i) {
  const derivative = r.frameworks[fw.name]?.derivative;
  if (!derivative) return element("td", { className: "num", text: "—" });
  const cell = element("td", { className: "num", text: fmt(derivative[i]) });
  if (outsideAt(r, i).includes(fw)) cell.append(" ", element("strong", { className: "outside-flag", text: "outside" }));
  return cell;
}

function fillTable(r) {
  const rows = r.x.map((_, i) => i).filter((i) => kinkAt(r, i) || outsideAt(r, i).length);
  const body = rows.slice(0, MAX_ROWS).map((i) =>
    element(
      "tr",
      { className: outsideAt(r, i).length ? "outside-row" : null },
      element("th", { scope: "row", className: "num", text: fmt(r.x[i]) }),
      element("td", { className: "num", text: `[${fmt(r.lower[i])}, ${fmt(r.upper[i])}]` }),
      ...FRAMEWORKS.map((fw) => frameworkCell(r, fw, i)),
    ),
  );
  if (rows.length === 0) {
    const none = "None: no kink, and every framework's derivative lies in the subdifferential everywhere.";
    body.push(element("tr", {}, element("td", { colspan: 5, text: none })));
  }
  el.table.tBodies[0].replaceChildren(...body);
  const more = rows.length - MAX_ROWS;
  showMessage(el.more, more > 0 ? `And ${more} more points; narrow the range to see them.` : "");
}

// --- wiring --------------------------------------------------------------------------------------

const chosenExample = () => examples.find((e) => e.name === el.examples.value);

function exampleChosen() {
  const chosen = chosenExample();
  showMessage(el.shows, chosen ? chosen.shows : "");
  if (!chosen) return;
  el.program.value = chosen.program;
  evaluate();
}

/** Once the program is edited, the example's text no longer describes it. */
function programEdited() {
  const chosen = chosenExample();
  if (!chosen || chosen.program === el.program.value) return;
  el.examples.value = "";
  showMessage(el.shows, "");
}

async function loadExamples() {
  try {
    examples = await api.listProgramExamples();
  } catch (error) {
    showMessage(el.shows, `The examples could not be loaded: ${error.detail}`);
    return;
  }
  el.examples.append(...examples.map((e) => new Option(e.name, e.name)));
}

/** Wires the tab and evaluates the program in the box, so that the tab is never empty. */
export function startProgramExplorer() {
  el.form.addEventListener("submit", (event) => {
    event.preventDefault();
    evaluate();
  });
  el.examples.addEventListener("change", exampleChosen);
  el.program.addEventListener("input", programEdited);
  loadExamples();
  evaluate();
}
