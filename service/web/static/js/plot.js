// Hand-written SVG plots of a function and of its subgradient, drawn from graphs the server
// computes (the same shape everywhere: a quiz item's `graph` and `subgradient_graph`, and
// GET /v1/functions/{name}/graph for the playground):
//
//   {lo, hi, pieces: [[[x, y], ...], ...], dots: [{x, y, filled}], segments: [{x, lower, upper}]}
//
// Pieces are polylines (broken at jumps), a filled dot is a point of the graph and an open dot
// a limit it does not take, and a segment is a subdifferential, both ends included.
//
// The function panel ("function-plot") is always drawn; the subgradient panel
// ("subgradient-plot") only when a subgradient graph is given. On the quiz page that is once
// the item's answer is revealed, since the derivative answers most items; so the function
// panel's text describes what a graph shows and nothing more.

import { formatNumber, renderInline } from "./math.js";

const SVG_NS = "http://www.w3.org/2000/svg";
// viewBox size: the SVG scales to its container's width, so these are only proportions
// (and the text size relative to them).
const WIDTH = 400;
const HEIGHT = 250;
const MARGIN = { top: 26, right: 14, bottom: 30, left: 42 };
const DOT_RADIUS = 4.5;
/** The plot area's width in viewBox units, about one pixel each: a caller with more points than
 * that reduces them to one column each (the playground's `columns`). */
export const PLOT_COLUMNS = WIDTH - MARGIN.left - MARGIN.right;

const fmt = (n) => formatNumber(n, 4);

// --- scales and ticks ----------------------------------------------------------------

/** A y range covering the finite values and 0, with some air above and below. A loop, not
 * Math.min(...values): spreading a long array overflows the call stack. */
function yRange(values) {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** Every y a graph draws: its pieces, dots and segment ends. */
function graphYs(graph) {
  return [
    ...graph.pieces.flatMap((piece) => piece.map(([, y]) => y)),
    ...graph.dots.map((d) => d.y),
    ...graph.segments.flatMap((s) => [s.lower, s.upper]),
  ];
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
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const r2 = (n) => Math.round(n * 100) / 100;

/** One <path> for several polylines: "M" starts each piece, so gaps stay gaps. */
function pathData(pieces, f) {
  return pieces
    .filter((piece) => piece.length > 0)
    .map((piece) => piece.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r2(f.sx(x))} ${r2(f.sy(y))}`).join(""))
    .join("");
}

function dot(f, { x, y, filled }, className) {
  return svgElement("circle", {
    class: `${className} ${filled ? "dot-closed" : "dot-open"}`,
    cx: r2(f.sx(x)),
    cy: r2(f.sy(y)),
    r: DOT_RADIUS,
  });
}

/** The ys of the columns' `field` ([lo, hi] each, or null). */
function columnYs(columns, field) {
  return columns.flatMap((c) => c[field] || []);
}

/** Many of the user's points as one path: per column a vertical stroke from the least to the
 * greatest y in it (a dot where they are equal), so that spikes and jumps survive. */
function columnPath(f, columns, field) {
  let d = "";
  for (const c of columns) {
    const ys = c[field];
    if (!ys || !Number.isFinite(ys[0]) || !Number.isFinite(ys[1])) continue;
    const x = r2(f.sx(c.x));
    d += `M${x} ${r2(f.sy(ys[1]))}L${x} ${r2(f.sy(ys[0]))}`;
  }
  return svgElement("path", { class: "mark-column", d });
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

/** The empty panel: grid lines, axes through 0, tick labels, a title and guides at `guides`. */
function axes(svg, f, title, guides, xCount, yCount) {
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
    labels.append(svgElement("text", { x: f.left - 6, y: y + 4, "text-anchor": "end" }, t.label));
  }
  svg.append(grid);
  for (const gx of guides) {
    if (gx < f.lo || gx > f.hi) continue;
    const x = r2(f.sx(gx));
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

/** The dots in words, as a sighted reader sees them: where they are and whether filled. */
function describeDots(dots) {
  return dots.map((d) => `${d.filled ? "A filled" : "An open"} dot at (${fmt(d.x)}, ${fmt(d.y)}).`).join(" ");
}

// --- the panels -------------------------------------------------------------------------

function functionPanel(graph, formula, marks, columns) {
  const inRange = marks.filter((m) => m.x >= graph.lo && m.x <= graph.hi);
  const [ylo, yhi] = yRange([...graphYs(graph), ...inRange.map((m) => m.value), ...columnYs(columns, "value")]);
  const f = frame(graph.lo, graph.hi, ylo, yhi);
  const label = `Graph of f(x) = ${formula} for x from ${fmt(graph.lo)} to ${fmt(graph.hi)}. ${describeDots(graph.dots)}`;
  const svg = newSvg("function-plot", label.trim());
  axes(svg, f, "f(x)", [], 7, 5);
  svg.append(svgElement("path", { class: "curve curve-value", d: pathData(graph.pieces, f) }));
  // Open dots first, so that a filled dot at the same place stays visible on top.
  for (const d of [...graph.dots].sort((a, b) => a.filled - b.filled)) svg.append(dot(f, d, "dot-value"));
  for (const m of inRange) if (Number.isFinite(m.value)) svg.append(diamond(f, m.x, m.value));
  if (columns.length) svg.append(columnPath(f, columns, "value"));
  return svg;
}

function describeSubgradient(graph) {
  const parts = [`The derivative of f for x from ${fmt(graph.lo)} to ${fmt(graph.hi)}, where it exists.`];
  for (const s of graph.segments) {
    parts.push(`At x = ${fmt(s.x)} the subdifferential [${fmt(s.lower)}, ${fmt(s.upper)}] is the vertical segment, both ends included (filled dots).`);
  }
  // An open dot at a segment's end is covered by the segment's filled end: not described.
  const atEnd = (d) => graph.segments.some((s) => s.x === d.x && (s.lower === d.y || s.upper === d.y));
  const open = graph.dots.filter((d) => !d.filled && !atEnd(d));
  if (open.length) parts.push(describeDots(open));
  return parts.join(" ");
}

function subgradientPanel(graph, marks, columns) {
  const inRange = marks.filter((m) => m.x >= graph.lo && m.x <= graph.hi);
  const [ylo, yhi] = yRange([...graphYs(graph), ...inRange.map((m) => m.subgradient), ...columnYs(columns, "subgradient")]);
  const f = frame(graph.lo, graph.hi, ylo, yhi);
  const svg = newSvg("subgradient-plot", describeSubgradient(graph));
  const guides = [...graph.segments.map((s) => s.x), ...graph.dots.map((d) => d.x)];
  axes(svg, f, "subgradient of f", [...new Set(guides)], 7, 4);
  svg.append(svgElement("path", { class: "curve curve-subgradient", d: pathData(graph.pieces, f) }));
  for (const s of graph.segments) {
    const x = r2(f.sx(s.x));
    svg.append(svgElement("line", { class: "subdifferential", x1: x, x2: x, y1: r2(f.sy(s.lower)), y2: r2(f.sy(s.upper)) }));
  }
  for (const d of graph.dots) svg.append(dot(f, d, "dot-subgradient"));
  // The subdifferential is closed: filled dots at its ends, drawn over the open dots that mark
  // the derivative's one-sided limits at the same places.
  for (const s of graph.segments) {
    for (const y of [s.lower, s.upper]) svg.append(dot(f, { x: s.x, y, filled: true }, "dot-subgradient segment-end"));
  }
  for (const m of inRange) if (Number.isFinite(m.subgradient)) svg.append(diamond(f, m.x, m.subgradient));
  if (columns.length) svg.append(columnPath(f, columns, "subgradient"));
  return svg;
}

// --- the figure -------------------------------------------------------------------------------

function caption(plot) {
  const { title, formula, params = {}, subgradient, marks, columns, note } = plot;
  const figcaption = document.createElement("figcaption");
  if (title) {
    const name = document.createElement("strong");
    name.textContent = title;
    figcaption.append(name, ": ");
  }
  const code = document.createElement("code");
  code.textContent = title ? formula : `f(x) = ${formula}`;
  figcaption.append(code);
  const values = Object.entries(params);
  if (values.length) figcaption.append(` with ${values.map(([p, v]) => `${p} = ${fmt(v)}`).join(", ")}`);
  figcaption.append(".");
  const legend = document.createElement("span");
  legend.className = "plot-legend";
  const dotted = [plot.function, subgradient].some((graph) => graph && graph.dots.length > 0);
  let text = dotted ? "A filled dot is a point of the graph, an open dot a limit the function does not take." : "";
  if (subgradient) {
    text +=
      " The second panel: the derivative where it exists; at a kink the vertical segment, its filled ends included, is the " +
      "subdifferential $\\partial f$.";
  }
  if (marks.length) text += " Diamonds: your numbers, with the subgradient of the chosen convention.";
  if (columns.length) {
    text +=
      " Vertical strokes: your numbers, too many for a mark each, so each column of the plot" +
      " has one stroke from the least to the greatest value there (on the right, of the" +
      " subgradient the convention picks).";
  }
  if (note) text += ` ${note}`;
  renderInline(legend, text.trim());
  figcaption.append(" ", legend);
  return figcaption;
}

/**
 * Builds the <figure> into `container` (replacing what was there).
 * plot: {formula, title?, params?, function: Graph, subgradient?: Graph, marks?: [{x, value, subgradient}],
 *   columns?: [{x, value: [lo, hi] | null, subgradient: [lo, hi] | null}], note?: text for the caption}
 */
export function renderGraphs(container, plot) {
  const marks = plot.marks || [];
  const columns = plot.columns || [];
  const figure = document.createElement("figure");
  figure.className = "plot-figure";
  const panels = document.createElement("div");
  panels.className = plot.subgradient ? "plot-panels" : "plot-panels plot-panels-single";
  panels.append(functionPanel(plot.function, plot.formula, marks, columns));
  if (plot.subgradient) panels.append(subgradientPanel(plot.subgradient, marks, columns));
  figure.append(panels, caption({ ...plot, marks, columns }));
  container.replaceChildren(figure);
  return figure;
}
