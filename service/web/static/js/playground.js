// The function playground: pick a catalogue function, its parameters, some numbers and a
// convention; the page asks the API for the values, the subgradient the convention picks, the
// subdifferential and the one-sided derivatives, fills a table and plots the function with
// plot.js. The numbers (playground-numbers.js) travel as raw float64 bytes in one request
// (playground-arrays.js), and the table and the plot show a million of them a page and a column
// at a time (playground-results.js). The page's second tab, the program explorer, is
// playground-program.js; it starts when first shown (playground-tabs.js).
//
// What the page shows under the form always belongs to the inputs above it: while they differ
// from those of the results shown, the results are marked out of date (and an answer on its way
// for the old inputs is dropped), and an error takes the results' place.

import * as api from "./api.js";
import { $, element, numberOrText, showMessage } from "./dom.js";
import { formatNumber as fmt, renderInline, renderLatex } from "./math.js";
import { evaluateAll } from "./playground-arrays.js";
import { count, numbersField, readNumbers, startNumbers } from "./playground-numbers.js";
import { clearTable, exact, plotPoints, showTable, startTable } from "./playground-results.js";
import { startTabs } from "./playground-tabs.js";
import { renderGraphs } from "./plot.js";

const el = {
  form: $("playground-form"),
  fn: $("function"),
  formula: $("formula"),
  params: $("params"),
  convention: $("convention"),
  atKink: $("at-kink"),
  outcome: $("outcome"),
  results: $("outcome-results"),
  status: $("playground-status"),
  error: $("playground-error"),
  kinks: $("kinks"),
  presetNotes: $("preset-notes"),
  plot: $("plot"),
};

const FRAMEWORKS = { pytorch: "PyTorch", jax: "JAX", tensorflow: "TensorFlow" };
const CONVENTIONS = {
  left: "Left: at each kink the left derivative.",
  right: "Right: at each kink the right derivative.",
  midpoint: "Midpoint: at each kink the middle of the subdifferential [lower, upper].",
  custom: "Value at the kink: your number at every kink; the service refuses it (422) when it lies outside a kink's subdifferential.",
};

let catalogue = []; // GET /v1/functions
const refreshes = api.generations(); // a new one on every refresh and every change of input
let timer = null;
let shown = false; // results are under the form (current or out of date)

// --- helpers ---------------------------------------------------------------------------------

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

/** {convention} or {atKink}, as evaluateAll takes them. */
function subgradientChoice() {
  if (el.convention.value !== "custom") return { convention: el.convention.value };
  return { atKink: numberOrText(el.atKink.value) };
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

/** A region that scrolls sideways is reachable by keyboard (tabindex) and named; one that does
 * not is left out of the Tab order. */
function focusableWhenScrolling(region, label) {
  const check = () => {
    const scrolls = region.scrollWidth > region.clientWidth + 1;
    for (const [name, value] of [["tabindex", "0"], ["role", "region"], ["aria-label", label]]) {
      if (scrolls) region.setAttribute(name, value);
      else region.removeAttribute(name);
    }
  };
  new ResizeObserver(check).observe(region);
  return check;
}
const formulaScrolls = focusableWhenScrolling(el.formula, "Formula");

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
  formulaScrolls();
}

function conventionName(convention) {
  return FRAMEWORKS[convention] || convention;
}

function showKinks(info, convention) {
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
  showPresetNotes(info, convention);
}

function showPresetNotes(info, convention) {
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

// --- the state of what is under the form -------------------------------------------------------

/** Where a problem document locates its fault, as the control that holds it. */
function faultyControl(error) {
  for (const { loc } of (error && error.errors) || []) {
    const name = Array.isArray(loc) ? loc[loc.length - 1] : null;
    if (name === "at_kink") return el.atKink;
    if (name === "convention" || name === "mode") return el.convention;
    if (typeof name === "string" && $(`param-${name}`)) return $(`param-${name}`);
    if (Array.isArray(loc) && loc[0] === "body") return numbersField();
  }
  return null;
}

/** Marks `control` as the one the error is about (aria-invalid, described by the message), and
 * no other. */
function markInvalid(control) {
  for (const node of el.form.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== el.error.id);
    if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
    else node.removeAttribute("aria-describedby");
  }
  if (!control) return;
  control.setAttribute("aria-invalid", "true");
  const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  control.setAttribute("aria-describedby", [el.error.id, ...ids].join(" "));
}

function setStatus(text, state) {
  showMessage(el.status, text);
  el.status.dataset.state = state;
}

/** The inputs have changed: the results shown are for other inputs, and an answer on its way is
 * for the old ones. `delay`: evaluate again after it (null: wait for Evaluate). */
function inputsChanged(delay = null) {
  refreshes.next();
  el.outcome.removeAttribute("aria-busy");
  if (delay === null) clearTimeout(timer);
  else schedule(delay);
  if (!shown) return;
  el.results.classList.add("stale");
  setStatus(
    delay === null
      ? "Out of date: the inputs have changed since these results. Press Evaluate to update them."
      : "Out of date: the inputs have changed; updating…",
    "stale",
  );
}

/** No results, and why: the message takes the results' place. */
function showFailure(message, control = null) {
  shown = false;
  el.outcome.removeAttribute("aria-busy");
  el.results.hidden = true;
  el.results.classList.remove("stale");
  el.kinks.replaceChildren();
  el.presetNotes.replaceChildren();
  el.plot.replaceChildren();
  clearTable();
  setStatus("No results for these inputs.", "failed");
  showMessage(el.error, message);
  markInvalid(control);
}

// --- evaluating ------------------------------------------------------------------------------

async function refresh() {
  clearTimeout(timer);
  const current = refreshes.next();
  const fn = currentFunction();
  if (!fn) return;
  const numbers = readNumbers();
  if (numbers.error) {
    showFailure(numbers.error, numbersField());
    return;
  }
  const x = numbers.values;
  const choice = subgradientChoice();
  const convention = el.convention.value;
  const atKink = el.atKink.value.trim();
  showMessage(el.error, "");
  markInvalid(null);
  el.outcome.setAttribute("aria-busy", "true");
  if (shown) el.results.classList.add("stale");
  setStatus(`Evaluating ${count(x.length)} number${x.length === 1 ? "" : "s"}…`, "busy");

  // 1. The metadata and the graphs (this also checks the parameters).
  let info;
  let graphs;
  try {
    [info, graphs] = await Promise.all([
      api.getFunction(fn.name, readParams()),
      api.getFunctionGraph(fn.name, readParams()),
    ]);
  } catch (error) {
    if (current()) showFailure(error.detail, faultyControl(error));
    return;
  }
  if (!current()) return;

  // 2. A value at the kink must lie in every kink's subdifferential: the service says whether it
  // does (and why not) for no numbers at all. Refused, it empties the subgradient column and
  // leaves the rest.
  let refused = null;
  if (choice.atKink !== undefined) {
    try {
      await api.evaluateSubgradient(fn.name, [], info.param_values, { mode: "point", atKink: choice.atKink });
    } catch (error) {
      refused = error;
    }
    if (!current()) return;
  }

  // 3. The numbers: values, subgradients, subdifferentials and one-sided derivatives, in one
  // request.
  let result = null;
  if (x.length) {
    try {
      result = await evaluateAll(fn.name, x, info.param_values, refused ? null : choice);
    } catch (error) {
      if (current()) showFailure(error.detail, faultyControl(error));
      return;
    }
  }
  if (!current()) return;
  show({ x, info, graphs, result, convention, atKink });
  if (refused) {
    showMessage(el.error, `No subgradients: ${refused.detail}`);
    markInvalid(faultyControl(refused));
  }
}

function show({ x, info, graphs, result, convention, atKink }) {
  shown = true;
  showKinks(info, convention);
  const by = convention === "custom" ? `at_kink = ${atKink}` : `convention ${convention}`;
  const params = Object.entries(info.param_values).map(([name, v]) => `${name} = ${exact(v)}`);
  const kinkXs = new Set(info.kinks.map((k) => k.x));
  showTable(`${info.title}${params.length ? ` (${params.join(", ")})` : ""}, subgradient by ${by}`, { x, ...result, kinkXs });

  // The numbers on the plots too, with the subgradient the convention picked.
  const { lo, hi } = graphs.function;
  const points = result ? plotPoints(x, result.value, result.subgradient, lo, hi) : { marks: [], columns: [], left: 0 };
  const note = points.left
    ? `${count(points.left)} of your numbers lie outside x from ${fmt(lo)} to ${fmt(hi)} or are not finite, and are not drawn; the table has every number.`
    : "";
  renderGraphs(el.plot, {
    title: info.title,
    formula: info.formula,
    params: info.param_values,
    function: graphs.function,
    subgradient: graphs.subgradient,
    marks: points.marks,
    columns: points.columns,
    note,
  });

  el.results.hidden = false;
  el.results.classList.remove("stale");
  el.outcome.removeAttribute("aria-busy");
  setStatus(
    x.length ? `Results for the ${count(x.length)} number${x.length === 1 ? "" : "s"} above.` : "No numbers: the plot shows the function alone.",
    "shown",
  );
}

// --- wiring ----------------------------------------------------------------------------------

function functionChanged() {
  const fn = currentFunction();
  buildParams(fn);
  showFormula(fn);
  inputsChanged(150);
}

function conventionChanged() {
  const custom = el.convention.value === "custom";
  el.atKink.disabled = !custom;
  if (custom) {
    el.atKink.focus();
    inputsChanged();
  } else inputsChanged(150);
}

async function init() {
  try {
    catalogue = await api.listFunctions();
  } catch (error) {
    showFailure(`The function catalogue could not be loaded: ${error.detail}`);
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

startTabs();
el.form.addEventListener("submit", (event) => {
  event.preventDefault();
  refresh();
});
el.fn.addEventListener("change", functionChanged);
el.params.addEventListener("input", () => inputsChanged(400));
el.convention.addEventListener("change", conventionChanged);
el.atKink.addEventListener("input", () => inputsChanged());
startNumbers(() => inputsChanged());
startTable();

init();
