// What the playground shows for its numbers: the table, a page of PAGE rows at a time however
// many numbers there are, and the user's points for the plot, each drawn as a mark when there are
// few and reduced to one column of the plot each when there are many (the least and greatest
// value and subgradient in each column, so that a kink or a spike survives).

import { $, element, showMessage } from "./dom.js";
import { PLOT_COLUMNS } from "./plot.js";
import { count } from "./playground-numbers.js";

export const PAGE = 250; // rows in the table at once; "From row" and the buttons reach the others
const MARKS = 200; // up to this many points in the plot's range, each is a diamond

const el = {
  caption: $("results-caption"),
  table: $("results"),
  range: $("results-range"),
  pager: $("results-pager"),
  previous: $("rows-previous"),
  next: $("rows-next"),
  rowsForm: $("rows-form"),
  rowsFrom: $("rows-from"),
};

let shown = null; // {x, value, subgradient, lower, upper, left, right, kinkXs}: Float64Arrays, and a Set
let first = 0; // the index of the first row shown

/** Every digit the server sent (the table is for checking exact values). */
export function exact(n) {
  if (n === undefined || n === null) return "—";
  if (typeof n === "string") return n; // the service's words, in metadata
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  return Object.is(n, -0) ? "-0" : String(n);
}

function message(text) {
  return element("tr", {}, element("td", { colspan: 7, text }));
}

function fillPage() {
  const { x, kinkXs } = shown;
  const at = (array, i) => (array ? exact(array[i]) : "—");
  const columns = ["value", "subgradient", "lower", "upper", "left", "right"].map((name) => shown[name]);
  const end = Math.min(x.length, first + PAGE);
  const rows = document.createDocumentFragment();
  for (let i = first; i < end; i += 1) {
    const row = element(
      "tr",
      { className: kinkXs.has(x[i]) ? "kink-row" : null },
      element("th", { scope: "row", className: "num", text: exact(x[i]) }),
      ...columns.map((column) => element("td", { className: "num", text: at(column, i) })),
    );
    rows.append(row);
  }
  el.table.tBodies[0].replaceChildren(rows);
  const paged = x.length > PAGE;
  el.pager.hidden = !paged;
  el.previous.disabled = first === 0;
  el.next.disabled = end >= x.length;
  el.rowsFrom.value = String(first + 1);
  showMessage(
    el.range,
    paged ? `Showing rows ${count(first + 1)} to ${count(end)} of ${count(x.length)}; the controls under the table show the others.` : "",
  );
}

/** The table for these results: its caption, and the first page of rows. */
export function showTable(caption, results) {
  el.caption.textContent = caption;
  shown = results;
  first = 0;
  if (results.x.length === 0) {
    el.table.tBodies[0].replaceChildren(message("Type some numbers to evaluate."));
    el.pager.hidden = true;
    showMessage(el.range, "");
    return;
  }
  fillPage();
}

/** No table: nothing from an earlier evaluation stays in it. */
export function clearTable(caption = "Results") {
  shown = null;
  el.caption.textContent = caption;
  el.table.tBodies[0].replaceChildren();
  el.pager.hidden = true;
  showMessage(el.range, "");
}

/** Shows the rows from index `from` on (within the table). */
function showFrom(from) {
  if (!shown) return;
  first = Math.max(0, Math.min(from, shown.x.length - 1));
  fillPage();
}

export function startTable() {
  el.previous.textContent = `Previous ${count(PAGE)} rows`;
  el.next.textContent = `Next ${count(PAGE)} rows`;
  el.previous.addEventListener("click", () => showFrom(first - PAGE));
  el.next.addEventListener("click", () => showFrom(first + PAGE));
  el.rowsForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const row = Number(el.rowsFrom.value.replace(/[,\s_]/g, ""));
    if (Number.isInteger(row)) showFrom(row - 1);
    else el.rowsFrom.value = String(first + 1);
  });
}

// --- the points on the plot --------------------------------------------------------------------

/**
 * The user's points within [lo, hi] for plot.js: {marks} (one each) when there are at most
 * MARKS of them, otherwise {columns} (per column of the plot, the least and greatest value and
 * subgradient there); and how many were left out, beyond [lo, hi] or not finite.
 */
export function plotPoints(x, value, subgradient, lo, hi) {
  const n = x.length;
  const inside = [];
  for (let i = 0; i < n && inside.length <= MARKS; i += 1) {
    if (x[i] >= lo && x[i] <= hi) inside.push(i);
  }
  if (inside.length <= MARKS) {
    const marks = inside.map((i) => ({ x: x[i], value: value[i], subgradient: subgradient ? subgradient[i] : NaN }));
    return { marks, columns: [], left: n - inside.length };
  }
  const columns = PLOT_COLUMNS;
  const width = (hi - lo) / columns;
  const lows = (fill) => new Float64Array(columns).fill(fill);
  const [x0, x1, v0, v1, s0, s1] = [lows(Infinity), lows(-Infinity), lows(Infinity), lows(-Infinity), lows(Infinity), lows(-Infinity)];
  let left = 0;
  for (let i = 0; i < n; i += 1) {
    const xi = x[i];
    if (!(xi >= lo && xi <= hi)) {
      left += 1; // beyond the range, or NaN
      continue;
    }
    const c = Math.min(columns - 1, Math.floor((xi - lo) / width));
    if (xi < x0[c]) x0[c] = xi;
    if (xi > x1[c]) x1[c] = xi;
    const v = value[i];
    if (v < v0[c]) v0[c] = v;
    if (v > v1[c]) v1[c] = v;
    if (subgradient) {
      const s = subgradient[i];
      if (s < s0[c]) s0[c] = s;
      if (s > s1[c]) s1[c] = s;
    }
  }
  const out = [];
  for (let c = 0; c < columns; c += 1) {
    if (x0[c] > x1[c]) continue; // no point in this column
    out.push({
      x: (x0[c] + x1[c]) / 2,
      value: v0[c] <= v1[c] ? [v0[c], v1[c]] : null,
      subgradient: s0[c] <= s1[c] ? [s0[c], s1[c]] : null,
    });
  }
  return { marks: [], columns: out, left };
}
