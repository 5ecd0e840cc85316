// Hand-written SVG plots of a catalogue function and of its subgradient.
//
// Data come from the API, never from formulas in this file:
//   GET  /v1/functions/{name}?params          the kinks: value, one-sided limits and derivatives
//   POST /v1/functions/{name}/value           f on an x grid that contains every kink exactly
//   POST /v1/functions/{name}/subgradient     mode "interval": the subdifferential [lower, upper]
//
// Two panels: the function (class "function-plot") and its subgradient ("subgradient-plot").
// At a jump, a closed dot marks the value and an open dot the other limit. At a kink, the
// subgradient panel shows the one-sided derivatives as open dots and the subdifferential
// [lower, upper] as a vertical segment between them.

import { evaluateSubgradient, evaluateValue, getFunction } from "./api.js";
import { formatNumber, renderInline } from "./math.js";

const SVG_NS = "http://www.w3.org/2000/svg";
// viewBox size: the SVG scales to its container's width, so these are only proportions
// (and the text size relative to them).
const WIDTH = 400;
const HEIGHT = 250;
const MARGIN = { top: 26, right: 14, bottom: 30, left: 42 };
const GRID_POINTS = 400;
const DOT_RADIUS = 4.5;

// --- data ------------------------------------------------------------------------------

/** The x range: every kink with a margin, and at least [-3.5, 3.5]. */
export function xRange(kinks) {
  const xs = kinks.map((k) => k.x).filter(Number.isFinite);
  return [Math.min(-2, ...xs) - 1.5, Math.max(2, ...xs) + 1.5];
}

/** `n` evenly spaced points over [lo, hi] plus every kink exactly (the kinks are where the
 * interesting things happen, and an even grid would step over them). */
export function buildGrid(lo, hi, kinks, n = GRID_POINTS) {
  const kinkXs = kinks.map((k) => k.x).filter((x) => Number.isFinite(x) && x >= lo && x <= hi);
  const tooClose = (hi - lo) * 1e-9;
  const xs = [...kinkXs];
  for (let i = 0; i < n; i += 1) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    if (!kinkXs.some((k) => Math.abs(k - x) < tooClose)) xs.push(x);
  }
  return xs.sort((a, b) => a - b);
}

/** Everything both panels need, fetched from the API. `params` may be strings typed by a
 * user: the server checks them (a 422 names the faulty one). */
export async function loadPlotData(name, params = {}) {
  const info = await getFunction(name, params);
  const [lo, hi] = xRange(info.kinks);
  const x = buildGrid(lo, hi, info.kinks);
  // The metadata echoes the parameters as numbers: use those for the evaluations.
  const values = info.param_values;
  const [value, interval] = await Promise.all([
    evaluateValue(name, x, values),
    evaluateSubgradient(name, x, values, { mode: "interval" }),
  ]);
  return { info, lo, hi, x, value: value.value, lower: interval.lower, upper: interval.upper };
}

// --- scales and ticks ----------------------------------------------------------------

/** A y range covering the finite values and 0, with some air above and below. */
function yRange(values) {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** Round tick positions (1, 2 or 5 times a power of ten) inside [lo, hi]. */
function ticks(lo, hi, count) {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || 10 * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    const rounded = Number(t.toFixed(decimals));
    out.push({ value: rounded, label: tickLabel(rounded, decimals) });
  }
  return out;
}

function tickLabel(value, decimals) {
  if (value === 0) return "0";
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 ? `\u2212${text}` : text; // a typographic minus sign
}

function frame(lo, hi, ylo, yhi) {
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;
  return {
    left,
    right,
    top,
    bottom,
    lo,
    hi,
    ylo,
    yhi,
    sx: (x) => left + ((x - lo) / (hi - lo)) * (right - left),
    sy: (y) => bottom - ((y - ylo) / (yhi - ylo)) * (bottom - top),
  };
}

// --- SVG helpers -----------------------------------------------------------------------

function svgElement(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const r2 = (n) => Math.round(n * 100) / 100;

/** One <path> for several polylines: "M" starts each piece, so gaps stay gaps. */
function pathData(pieces, f) {
  return pieces
    .filter((piece) => piece.length > 0)
    .map((piece) =>
      piece.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r2(f.sx(x))} ${r2(f.sy(y))}`).join(""),
    )
    .join("");
}

function dot(f, x, y, open, className) {
  return svgElement("circle", {
    class: `${className} ${open ? "dot-open" : "dot-closed"}`,
    cx: r2(f.sx(x)),
    cy: r2(f.sy(y)),
    r: DOT_RADIUS,
  });
}

/** A diamond marking one of the user's own points (playground). */
function diamond(f, x, y) {
  const cx = f.sx(x);
  const cy = f.sy(y);
  const s = 5;
  return svgElement("path", {
    class: "mark",
    d: `M${r2(cx)} ${r2(cy - s)}L${r2(cx + s)} ${r2(cy)}L${r2(cx)} ${r2(cy + s)}L${r2(cx - s)} ${r2(cy)}Z`,
  });
}

/** The empty panel: grid lines, axes through 0, tick labels, a title and the kink guides. */
function axes(svg, f, title, kinks, xCount, yCount) {
  const grid = svgElement("g", { class: "grid", "aria-hidden": "true" });
  const labels = svgElement("g", { class: "tick-labels", "aria-hidden": "true" });
  for (const t of ticks(f.lo, f.hi, xCount)) {
    const x = r2(f.sx(t.value));
    grid.append(svgElement("line", { x1: x, x2: x, y1: f.top, y2: f.bottom }));
    labels.append(svgElement("text", { x, y: f.bottom + 18, "text-anchor": "middle" }, t.label));
  }
  for (const t of ticks(f.ylo, f.yhi, yCount)) {
    const y = r2(f.sy(t.value));
    grid.append(svgElement("line", { x1: f.left, x2: f.right, y1: y, y2: y }));
    labels.append(
      svgElement("text", { x: f.left - 6, y: y + 4, "text-anchor": "end" }, t.label),
    );
  }
  svg.append(grid);
  for (const k of kinks) {
    if (k.x < f.lo || k.x > f.hi) continue;
    const x = r2(f.sx(k.x));
    svg.append(svgElement("line", { class: "kink-guide", x1: x, x2: x, y1: f.top, y2: f.bottom }));
  }
  const axis = svgElement("g", { class: "axis" });
  if (f.ylo <= 0 && f.yhi >= 0) {
    const y = r2(f.sy(0));
    axis.append(svgElement("line", { x1: f.left, x2: f.right, y1: y, y2: y }));
  }
  if (f.lo <= 0 && f.hi >= 0) {
    const x = r2(f.sx(0));
    axis.append(svgElement("line", { x1: x, x2: x, y1: f.top, y2: f.bottom }));
  }
  svg.append(axis);
  svg.append(labels);
  svg.append(svgElement("text", { class: "panel-title", x: f.left, y: 16 }, title));
}

function newSvg(className, label) {
  return svgElement("svg", {
    class: className,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": label,
    preserveAspectRatio: "xMidYMid meet",
  });
}

const fmt = (n) => formatNumber(n, 4);

// --- the function panel -----------------------------------------------------------------

/** The graph as polylines, broken where f is NaN and at every jump (the line ends at the left
 * limit and starts again at the right limit). */
function valuePieces(x, y, kinks) {
  const atKink = new Map(kinks.map((k) => [k.x, k]));
  const pieces = [];
  let piece = [];
  for (let i = 0; i < x.length; i += 1) {
    const kink = atKink.get(x[i]);
    if (kink && kink.left_limit !== kink.right_limit) {
      if (Number.isFinite(kink.left_limit)) piece.push([x[i], kink.left_limit]);
      pieces.push(piece);
      piece = Number.isFinite(kink.right_limit) ? [[x[i], kink.right_limit]] : [];
    } else if (kink && !kink.continuous) {
      piece.push([x[i], kink.left_limit]); // a removable gap: the line runs through the limit
    } else if (Number.isFinite(y[i])) {
      piece.push([x[i], y[i]]);
    } else {
      pieces.push(piece); // NaN: skip the point and leave a gap
      piece = [];
    }
  }
  pieces.push(piece);
  return pieces;
}

function describeValue(data) {
  const { info, lo, hi } = data;
  const parts = [`Graph of ${info.title}, f(x) = ${info.formula}, for x from ${fmt(lo)} to ${fmt(hi)}.`];
  for (const k of info.kinks) {
    if (k.continuous) {
      parts.push(`At x = ${fmt(k.x)} the graph has a corner at the value ${fmt(k.value)}; f is continuous there.`);
    } else {
      parts.push(
        `At x = ${fmt(k.x)} the graph jumps: the left limit is ${fmt(k.left_limit)}, the right limit ` +
          `${fmt(k.right_limit)}, and the value ${fmt(k.value)} (closed dot; open dots mark the other limits).`,
      );
    }
  }
  return parts.join(" ");
}

function functionPanel(data, marks) {
  const { info, lo, hi, x, value } = data;
  const kinkYs = info.kinks.flatMap((k) => [k.value, k.left_limit, k.right_limit]);
  const markYs = marks.filter((m) => m.x >= lo && m.x <= hi).map((m) => m.value);
  const [ylo, yhi] = yRange([...value, ...kinkYs, ...markYs]);
  const f = frame(lo, hi, ylo, yhi);
  const svg = newSvg("function-plot", describeValue(data));
  axes(svg, f, "f(x)", info.kinks, 7, 5);
  svg.append(svgElement("path", { class: "curve curve-value", d: pathData(valuePieces(x, value, info.kinks), f) }));
  for (const k of info.kinks) {
    if (k.continuous || k.x < lo || k.x > hi) continue;
    // Open dots at the limits the function does not take, then the closed dot on top.
    for (const limit of new Set([k.left_limit, k.right_limit])) {
      if (limit !== k.value && Number.isFinite(limit)) svg.append(dot(f, k.x, limit, true, "dot-value"));
    }
    if (Number.isFinite(k.value)) svg.append(dot(f, k.x, k.value, false, "dot-value"));
  }
  for (const m of marks) {
    if (m.x >= lo && m.x <= hi && Number.isFinite(m.value)) svg.append(diamond(f, m.x, m.value));
  }
  return svg;
}

// --- the subgradient panel ------------------------------------------------------------------

/** The derivative as polylines: away from kinks lower == upper is the derivative; at a kink
 * where the one-sided derivatives differ, the line ends at the left derivative and starts again
 * at the right one. */
function derivativePieces(x, lower, upper, kinks) {
  const atKink = new Map(kinks.map((k) => [k.x, k]));
  const pieces = [];
  let piece = [];
  for (let i = 0; i < x.length; i += 1) {
    const kink = atKink.get(x[i]);
    if (kink) {
      const l = kink.left_derivative;
      const r = kink.right_derivative;
      if (l !== null && l === r) {
        piece.push([x[i], l]); // differentiable at this kink (e.g. squared_relu at 0)
        continue;
      }
      if (l !== null) piece.push([x[i], l]);
      pieces.push(piece);
      piece = r !== null ? [[x[i], r]] : [];
    } else if (Number.isFinite(lower[i]) && lower[i] === upper[i]) {
      piece.push([x[i], lower[i]]);
    } else {
      pieces.push(piece);
      piece = [];
    }
  }
  pieces.push(piece);
  return pieces;
}

function describeSubgradient(data) {
  const { info, x, lower, upper } = data;
  const parts = [`Subgradient of ${info.title} for x from ${fmt(data.lo)} to ${fmt(data.hi)}.`];
  for (const k of info.kinks) {
    const i = x.indexOf(k.x);
    const left = k.left_derivative === null ? "does not exist" : `is ${fmt(k.left_derivative)}`;
    const right = k.right_derivative === null ? "does not exist" : `is ${fmt(k.right_derivative)}`;
    let text = `At x = ${fmt(k.x)} the left derivative ${left} and the right derivative ${right}`;
    if (i >= 0 && Number.isFinite(lower[i]) && Number.isFinite(upper[i]) && lower[i] !== upper[i]) {
      text += `; the subdifferential [${fmt(lower[i])}, ${fmt(upper[i])}] is drawn as a vertical segment.`;
    } else if (i >= 0 && !Number.isFinite(lower[i])) {
      text += "; there is no subgradient there.";
    } else {
      text += "; f is differentiable there.";
    }
    parts.push(text);
  }
  return parts.join(" ");
}

function subgradientPanel(data, marks) {
  const { info, lo, hi, x, lower, upper } = data;
  const kinkYs = info.kinks.flatMap((k) => [k.left_derivative, k.right_derivative]).filter((v) => v !== null);
  const markYs = marks.filter((m) => m.x >= lo && m.x <= hi).map((m) => m.subgradient);
  const [ylo, yhi] = yRange([...lower, ...upper, ...kinkYs, ...markYs]);
  const f = frame(lo, hi, ylo, yhi);
  const svg = newSvg("subgradient-plot", describeSubgradient(data));
  axes(svg, f, "subgradient of f", info.kinks, 7, 4);
  svg.append(
    svgElement("path", { class: "curve curve-subgradient", d: pathData(derivativePieces(x, lower, upper, info.kinks), f) }),
  );
  for (const k of info.kinks) {
    if (k.x < lo || k.x > hi) continue;
    const l = k.left_derivative;
    const r = k.right_derivative;
    if (l !== null && l === r) continue; // differentiable here: nothing to mark
    const i = x.indexOf(k.x);
    if (i >= 0 && Number.isFinite(lower[i]) && Number.isFinite(upper[i]) && lower[i] !== upper[i]) {
      svg.append(
        svgElement("line", {
          class: "subdifferential",
          x1: r2(f.sx(k.x)),
          x2: r2(f.sx(k.x)),
          y1: r2(f.sy(lower[i])),
          y2: r2(f.sy(upper[i])),
        }),
      );
    }
    for (const d of new Set([l, r])) {
      if (d !== null && Number.isFinite(d)) svg.append(dot(f, k.x, d, true, "dot-subgradient"));
    }
  }
  for (const m of marks) {
    if (m.x >= lo && m.x <= hi && Number.isFinite(m.subgradient)) svg.append(diamond(f, m.x, m.subgradient));
  }
  return svg;
}

// --- the figure -------------------------------------------------------------------------------

function caption(data, marks) {
  const { info } = data;
  const figcaption = document.createElement("figcaption");
  const name = document.createElement("strong");
  name.textContent = info.title;
  const formula = document.createElement("code");
  formula.textContent = info.formula;
  figcaption.append(name, ": ", formula);
  const params = Object.entries(info.param_values || {});
  if (params.length) {
    figcaption.append(` with ${params.map(([p, v]) => `${p} = ${fmt(v)}`).join(", ")}`);
  }
  figcaption.append(".");
  const legend = document.createElement("span");
  legend.className = "plot-legend";
  renderInline(
    legend,
    "Left: $f(x)$; a closed dot is the value at a jump, an open dot the limit it does not take. " +
      "Right: the derivative; at a kink, open dots mark the left and right derivatives and the " +
      "vertical segment between them is the subdifferential $\\partial f$." +
      (marks.length ? " Diamonds: your numbers, with the subgradient of the chosen convention." : ""),
  );
  figcaption.append(" ", legend);
  return figcaption;
}

/** Builds the <figure> with both panels into `container` (replacing what was there). */
export function renderPlots(container, data, { marks = [] } = {}) {
  const figure = document.createElement("figure");
  figure.className = "plot-figure";
  const panels = document.createElement("div");
  panels.className = "plot-panels";
  panels.append(functionPanel(data, marks), subgradientPanel(data, marks));
  figure.append(panels, caption(data, marks));
  container.replaceChildren(figure);
  return figure;
}

// Each container remembers the latest request, so a slow answer for an earlier function never
// overwrites the plot of a later one.
const latest = new WeakMap();

/** Forgets any plot still loading into `container` (e.g. the next item has no function). */
export function cancelPlot(container) {
  latest.set(container, {});
}

/**
 * Loads and draws the plots of `fn` ({name, params}) into `container`.
 * Resolves to true when drawn, false when a newer call took over; rejects with the ApiError.
 */
export async function plotFunction(container, fn, options = {}) {
  const ticket = {};
  latest.set(container, ticket);
  let data;
  try {
    data = await loadPlotData(fn.name, fn.params || {});
  } catch (error) {
    if (latest.get(container) !== ticket) return false; // outdated anyway
    throw error;
  }
  if (latest.get(container) !== ticket) return false;
  renderPlots(container, data, options);
  return true;
}
