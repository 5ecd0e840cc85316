// The function playground: pick a catalogue function, its parameters, some numbers and a
// convention; the page asks the API for the values and for the subgradients in all three modes
// (point, interval, one_sided), fills a table and plots the function with plot.js. The page's
// second tab, the program explorer, is playground-program.js; it starts when first shown.

import * as api from "./api.js";
import { $, element, numberOrText, showMessage } from "./dom.js";
import { formatNumber as fmt, renderInline, renderLatex } from "./math.js";
import { startProgramExplorer } from "./playground-program.js";
import { renderGraphs } from "./plot.js";

const el = {
  form: $("playground-form"),
  fn: $("function"),
  formula: $("formula"),
  params: $("params"),
  numbers: $("numbers"),
  convention: $("convention"),
  atKink: $("at-kink"),
  error: $("playground-error"),
  kinks: $("kinks"),
  presetNotes: $("preset-notes"),
  plot: $("plot"),
  results: $("results"),
  caption: $("results-caption"),
};

const FRAMEWORKS = { pytorch: "PyTorch", jax: "JAX", tensorflow: "TensorFlow" };
const CONVENTIONS = {
  left: "Left: at each kink the left derivative.",
  right: "Right: at each kink the right derivative.",
  midpoint: "Midpoint: at each kink the middle of the subdifferential [lower, upper].",
  custom: "Value at the kink: your number at every kink; the service refuses it (422) when it lies outside a kink's subdifferential.",
};
const WORDS = new Set(["NaN", "Infinity", "-Infinity"]);

let catalogue = []; // GET /v1/functions
let lastInfo = null; // the metadata of the last drawn function (for the kink notes)
const refreshes = api.generations(); // a new one on every refresh: a slow answer never overwrites a newer one
let timer = null;

// --- helpers ---------------------------------------------------------------------------------

/** Every digit the server sent (the table is for checking exact values). */
function exact(n) {
  if (n === undefined || n === null) return "—";
  if (typeof n === "string") return n;
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  return Object.is(n, -0) ? "-0" : String(n);
}

const showError = (message) => showMessage(el.error, message);

/**
 * The numbers box as the API's `x`: the three words as the strings the API expects, numbers as
 * numbers, anything else as the text typed (the server then answers 422 and says which one).
 */
function parseNumbers(text) {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => {
      if (WORDS.has(token)) return token;
      const number = Number(token);
      return Number.isNaN(number) ? token : number;
    });
}

function currentFunction() {
  return catalogue.find((f) => f.name === el.fn.value) || catalogue[0];
}

/** The parameters as typed; an empty box means "the default" and is left out. The server
 * reads and checks them (a 422 names the faulty one). */
function readParams() {
  const params = {};
  for (const input of el.params.querySelectorAll("input[data-param]")) {
    const text = input.value.trim();
    if (text !== "") params[input.dataset.param] = text;
  }
  return params;
}

/** {convention} or {atKink}, as evaluateSubgradient takes them. */
function subgradientChoice() {
  if (el.convention.value !== "custom") return { convention: el.convention.value };
  return { atKink: numberOrText(el.atKink.value) };
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

// --- the function's description -------------------------------------------------------------

function buildParams(fn) {
  const legend = element("legend", { text: "Parameters" });
  if (fn.params.length === 0) {
    el.params.replaceChildren(legend, element("p", { className: "hint", text: `${fn.title} has no parameters.` }));
    return;
  }
  const fields = fn.params.map((p) => {
    const id = `param-${p.name}`;
    const hintId = `${id}-hint`;
    return element(
      "div",
      { className: "field" },
      element("label", { for: id }, element("code", { text: p.name }), ` — ${p.description}, in ${p.range}`),
      element("input", {
        id,
        type: "text",
        inputmode: "decimal",
        autocomplete: "off",
        spellcheck: "false",
        value: String(p.default),
        "data-param": p.name,
        "aria-describedby": hintId,
        className: "input-short",
      }),
      element("p", { className: "hint", id: hintId, text: `Default ${fmt(p.default)}; leave empty for the default.` }),
    );
  });
  el.params.replaceChildren(legend, ...fields);
}

function showFormula(fn) {
  // Most `latex` fields are the right-hand side only; the step's already reads "H(x) = ...".
  const latex = fn.latex.includes("=") ? fn.latex : `f(x) = ${fn.latex}`;
  renderLatex(el.formula, latex, { display: true, fallback: `f(x) = ${fn.formula}` });
}

function conventionName(convention) {
  return FRAMEWORKS[convention] || convention;
}

function showKinks(info) {
  lastInfo = info;
  const convention = el.convention.value;
  const items = info.kinks.map((k) => {
    const sub = k.subdifferential ? `subdifferential [${fmt(k.subdifferential[0])}, ${fmt(k.subdifferential[1])}]` : "no subdifferential";
    const li = element(
      "li",
      {},
      `at x = ${fmt(k.x)}: ${k.continuous ? "continuous" : "not continuous"}, ` +
        `${k.differentiable ? "differentiable" : "not differentiable"}, ${sub}`,
    );
    if (convention !== "custom") {
      const picked = k.conventions[convention];
      li.append(
        picked === null || picked === undefined
          ? `; ${conventionName(convention)} has no subgradient to pick here`
          : `; ${conventionName(convention)} picks ${exact(picked)}`,
      );
    }
    if (k.note) li.append(renderInline(element("span", { className: "kink-note" }), k.note));
    return li;
  });
  if (items.length === 0) {
    items.push(element("li", { text: `${info.title} has no kinks: it is differentiable everywhere.` }));
  }
  el.kinks.replaceChildren(...items);
  showPresetNotes(info);
}

function showPresetNotes(info) {
  const convention = el.convention.value;
  const preset = info.presets[convention];
  if (!preset) {
    el.presetNotes.replaceChildren(element("p", { text: CONVENTIONS[convention] || "" }));
    return;
  }
  const name = FRAMEWORKS[convention];
  const intro = preset.op
    ? element("p", {}, `The ${name} preset imitates `, element("code", { text: preset.op }), ".")
    : element("p", { text: `${name} has no such op, so the service refuses the ${name} convention for this function.` });
  const parts = [intro];
  if (preset.notes.length) {
    parts.push(element("ul", {}, ...preset.notes.map((note) => renderInline(element("li"), note))));
  } else if (preset.op) {
    parts.push(element("p", { className: "hint", text: `The service matches ${name} here, kinks included.` }));
  }
  el.presetNotes.replaceChildren(...parts);
}

// --- evaluating ------------------------------------------------------------------------------

async function refresh() {
  clearTimeout(timer);
  const current = refreshes.next();
  const fn = currentFunction();
  if (!fn) return;
  const x = parseNumbers(el.numbers.value);
  const choice = subgradientChoice();
  el.results.setAttribute("aria-busy", "true");

  // 1. The metadata and the graphs (this also checks the parameters).
  let info;
  let graphs;
  try {
    [info, graphs] = await Promise.all([
      api.getFunction(fn.name, readParams()),
      api.getFunctionGraph(fn.name, readParams()),
    ]);
  } catch (error) {
    if (!current()) return;
    showError(error.detail);
    el.plot.replaceChildren(element("p", { className: "hint", text: "The plot could not be drawn with these parameters." }));
    el.results.removeAttribute("aria-busy");
    return;
  }
  if (!current()) return;
  showKinks(info);

  // 2. The four evaluations of the user's numbers, side by side. allSettled: a refused
  // convention (TensorFlow has no heaviside) should not hide the values and intervals.
  const params = info.param_values;
  const settled = await Promise.allSettled([
    api.evaluateValue(fn.name, x, params),
    api.evaluateSubgradient(fn.name, x, params, { mode: "point", ...choice }),
    api.evaluateSubgradient(fn.name, x, params, { mode: "interval" }),
    api.evaluateSubgradient(fn.name, x, params, { mode: "one_sided" }),
  ]);
  if (!current()) return;
  el.results.removeAttribute("aria-busy");
  const details = [...new Set(settled.filter((s) => s.status === "rejected").map((s) => s.reason.detail))];
  showError(details.join(" "));
  const [value, point, interval, oneSided] = settled.map((s) => (s.status === "fulfilled" ? s.value : null));

  fillTable(x, info, { value, point, interval, oneSided });

  // Draw the user's numbers on the plots too, with the subgradient the convention picked.
  const marks = [];
  if (value) {
    x.forEach((xi, i) => {
      if (typeof xi === "number" && Number.isFinite(xi)) {
        marks.push({ x: xi, value: value.value[i], subgradient: point ? point.subgradient[i] : NaN });
      }
    });
  }
  renderGraphs(el.plot, {
    title: info.title,
    formula: info.formula,
    params: info.param_values,
    function: graphs.function,
    subgradient: graphs.subgradient,
    marks,
  });
}

function fillTable(x, info, { value, point, interval, oneSided }) {
  const convention = el.convention.value === "custom" ? `at_kink = ${el.atKink.value.trim()}` : `convention ${el.convention.value}`;
  const params = Object.entries(info.param_values).map(([name, v]) => `${name} = ${exact(v)}`);
  el.caption.textContent = `${info.title}${params.length ? ` (${params.join(", ")})` : ""}, subgradient by ${convention}`;

  const body = el.results.tBodies[0];
  if (!value && !point && !interval && !oneSided) {
    body.replaceChildren(element("tr", {}, element("td", { colspan: 7, text: "No results: see the message above." })));
    return;
  }
  if (x.length === 0) {
    body.replaceChildren(element("tr", {}, element("td", { colspan: 7, text: "Type some numbers to evaluate." })));
    return;
  }
  const kinkXs = new Set(info.kinks.map((k) => k.x));
  const at = (result, field, i) => (result ? exact(result[field][i]) : "—");
  body.replaceChildren(
    ...x.map((xi, i) => {
      const row = element(
        "tr",
        {},
        element("th", { scope: "row", className: "num", text: exact(xi) }),
        element("td", { className: "num", text: at(value, "value", i) }),
        element("td", { className: "num", text: at(point, "subgradient", i) }),
        element("td", { className: "num", text: at(interval, "lower", i) }),
        element("td", { className: "num", text: at(interval, "upper", i) }),
        element("td", { className: "num", text: at(oneSided, "left", i) }),
        element("td", { className: "num", text: at(oneSided, "right", i) }),
      );
      if (typeof xi === "number" && kinkXs.has(xi)) row.className = "kink-row";
      return row;
    }),
  );
}

// --- wiring ----------------------------------------------------------------------------------

function functionChanged() {
  const fn = currentFunction();
  buildParams(fn);
  showFormula(fn);
  schedule(150);
}

function conventionChanged() {
  const custom = el.convention.value === "custom";
  el.atKink.disabled = !custom;
  if (lastInfo) showKinks(lastInfo);
  if (custom) el.atKink.focus();
  else schedule(150);
}

async function init() {
  try {
    catalogue = await api.listFunctions();
  } catch (error) {
    showError(`The function catalogue could not be loaded: ${error.detail}`);
    return;
  }
  el.fn.replaceChildren(...catalogue.map((f) => new Option(f.title, f.name)));
  // ?function=hardtanh opens that function (handy for links from elsewhere).
  const wanted = new URLSearchParams(window.location.search).get("function");
  if (wanted && catalogue.some((f) => f.name === wanted)) el.fn.value = wanted;
  const fn = currentFunction();
  buildParams(fn);
  showFormula(fn);
  el.atKink.disabled = el.convention.value !== "custom";
  refresh(); // evaluate once, so the page is never empty
}

// --- the tabs: the catalogue's functions, and a program of one's own ---------------------------

const tabs = [...document.querySelectorAll('[role="tab"]')];
let programStarted = false;

/** Shows the tab's panel and hides the others (a roving tabindex: only the selected tab is in
 * the Tab order; the arrow keys move between tabs). #tab-program in the address opens it. */
function selectTab(tab, focus = false) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute("aria-controls")).hidden = !selected;
  }
  if (focus) tab.focus();
  const program = tab.id === "tab-program";
  window.history.replaceState(null, "", program ? "#tab-program" : window.location.pathname + window.location.search);
  if (program && !programStarted) {
    programStarted = true;
    startProgramExplorer();
  }
}

function tabKeydown(event) {
  const i = tabs.indexOf(event.currentTarget);
  const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  selectTab(tabs[(to + tabs.length) % tabs.length], true);
}

for (const tab of tabs) {
  tab.addEventListener("click", () => selectTab(tab));
  tab.addEventListener("keydown", tabKeydown);
}
const openLinkedTab = () => window.location.hash === "#tab-program" && selectTab($("tab-program"));
window.addEventListener("hashchange", openLinkedTab);
openLinkedTab();

el.form.addEventListener("submit", (event) => {
  event.preventDefault();
  refresh();
});
el.fn.addEventListener("change", functionChanged);
el.params.addEventListener("input", () => schedule(400));
el.convention.addEventListener("change", conventionChanged);

init();
