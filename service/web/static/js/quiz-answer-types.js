// The answer types, one entry each: the hint under "Your answer", the fields the learner fills
// in, how the response is read from them in the shape the API wants (see the README's table),
// and how a revealed key is written out. A new type is one new entry here.

import { element, numberOrText } from "./dom.js";
import { formatNumber as fmt, inline, renderInline, spokenText } from "./math.js";

// --- the fields' building blocks ------------------------------------------------------------

/** A labelled text box: <div class="field"><label for=id>…</label><input id=id …></div>. */
function textField(id, labelText, attributes = {}) {
  return element(
    "div",
    { className: "field" },
    element("label", { for: id, text: labelText }),
    element("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", className: "input-short", ...attributes }),
  );
}

/** A checkbox with its label after it. `hiddenPrefix` is read by screen readers only, to tell
 * apart two boxes whose visible labels are the same. */
function checkbox(id, labelText, { checked = false, hiddenPrefix = "" } = {}) {
  const label = element("label", { for: id });
  if (hiddenPrefix) label.append(element("span", { className: "visually-hidden", text: hiddenPrefix }));
  label.append(labelText);
  return element("div", { className: "check" }, element("input", { type: "checkbox", id, checked }), label);
}

/** A number's box and its "does not exist" box, which disables the number while ticked. */
function numberOrNone(id, labelText, dneId, dneText, hiddenPrefix = "") {
  const field = textField(id, labelText);
  const dne = checkbox(dneId, dneText, { hiddenPrefix });
  const box = field.querySelector("input");
  const tick = dne.querySelector("input");
  tick.addEventListener("change", () => {
    box.disabled = tick.checked;
  });
  return [field, dne];
}

/** A choice (radio or checkbox) in a <label> with its rendered text. */
function choiceOption(type, name, value, id, text) {
  const input = element("input", { type, name, value, id });
  const label = element("label", { className: "choice", for: id }, input);
  label.append(typeof text === "string" ? inline("span", text, "choice-text") : text);
  if (label.querySelector(".katex")) input.setAttribute("aria-label", spokenText(label));
  return label;
}

/** The item's choices as radios or checkboxes named `name`. */
function choiceList(item, type, name) {
  return element(
    "div",
    { className: "choices" },
    ...item.choices.map((c, i) => choiceOption(type, name, c.id, `${name}-${i}`, c.text)),
  );
}

// --- reading the fields ---------------------------------------------------------------------

const value = (form, id) => form.querySelector(`#${id}`).value;
const checked = (form, id) => form.querySelector(`#${id}`).checked;
/** The value of the ticked radio named `name`, or null when none is. */
const picked = (form, name) => {
  const box = form.querySelector(`input[name="${name}"]:checked`);
  return box ? box.value : null;
};
const all = (form, selector) => [...form.querySelectorAll(selector)];
/** The number in box `id`, or null when its "does not exist" box is ticked. */
const numberOrNull = (form, id, dneId) => (checked(form, dneId) ? null : numberOrText(value(form, id)));

// --- writing keys ---------------------------------------------------------------------------

const choiceText = (item, id) => {
  const choice = item && item.choices.find((c) => c.id === id);
  return choice ? `${id}) ${choice.text}` : id;
};
const orNone = (n) => (n === null ? "does not exist" : fmt(n));
// Not values.map(fmt): map's index would be taken for fmt's number of digits.
const numbers = (values) => values.map((n) => fmt(n)).join(", ");

function intervalEnds(key) {
  if (key.lower_closed && key.upper_closed) return "closed";
  if (!key.lower_closed && !key.upper_closed) return "open";
  return `${key.lower_closed ? "closed" : "open"} at the lower end, ${key.upper_closed ? "closed" : "open"} at the upper end`;
}

// --- the table ------------------------------------------------------------------------------
//
// hint: the text under "Your answer"; fields(item): the nodes to fill in; read(form, item):
// the response; key(key, item): the key as text, or as a list of texts shown one per line.

const ANSWER_TYPES = {
  numeric: {
    hint: "Give a number, or tick “Does not exist”.",
    fields: () => numberOrNone("numeric-value", "Your answer (a number)", "numeric-dne", "Does not exist"),
    read: (form) => (checked(form, "numeric-dne") ? { dne: true } : { value: numberOrText(value(form, "numeric-value")) }),
    key: (key) => (key.dne ? "does not exist" : fmt(key.value)),
  },
  true_false: {
    hint: "True or false?",
    fields() {
      const label = (text) => element("span", { className: "choice-text", text });
      return [
        element(
          "div",
          { className: "choices choices-inline" },
          choiceOption("radio", "value", "true", "value-true", label("True")),
          choiceOption("radio", "value", "false", "value-false", label("False")),
        ),
      ];
    },
    read(form) {
      const answer = picked(form, "value");
      return { value: answer === null ? null : answer === "true" };
    },
    key: (key) => (key.value ? "True" : "False"),
  },
  single_choice: {
    hint: "Choose one.",
    fields: (item) => [choiceList(item, "radio", "choice")],
    read: (form) => ({ choice: picked(form, "choice") }),
    key: (key, item) => choiceText(item, key.choice),
  },
  multiple_choice: {
    hint: "Select all that apply.",
    fields: (item) => [choiceList(item, "checkbox", "choices")],
    read: (form) => ({ choices: all(form, 'input[name="choices"]:checked').map((box) => box.value) }),
    key: (key, item) => (key.choices.length ? key.choices.map((id) => choiceText(item, id)) : "none of the choices"),
  },
  interval: {
    hint: "Give the ends of the interval and say whether each end is closed.",
    fields() {
      const lowerClosed = checkbox("interval-lower-closed", "closed at the lower end", { checked: true });
      const upperClosed = checkbox("interval-upper-closed", "closed at the upper end", { checked: true });
      const preview = element("p", { className: "hint interval-preview", "aria-live": "off" });
      const row = element(
        "div",
        { className: "interval-grid" },
        element("div", {}, textField("interval-lower", "Lower end"), lowerClosed),
        element("div", {}, textField("interval-upper", "Upper end"), upperClosed),
      );
      // Show the interval in the usual notation as the learner types: [a, b), (a, b] ...
      const update = () => {
        const lower = value(row, "interval-lower").trim() || "a";
        const upper = value(row, "interval-upper").trim() || "b";
        const open = checked(row, "interval-lower-closed") ? "[" : "(";
        const close = checked(row, "interval-upper-closed") ? "]" : ")";
        preview.textContent = `Reads as ${open}${lower}, ${upper}${close}`;
      };
      row.addEventListener("input", update);
      row.addEventListener("change", update);
      update();
      return [row, preview];
    },
    read: (form) => ({
      lower: numberOrText(value(form, "interval-lower")),
      upper: numberOrText(value(form, "interval-upper")),
      lower_closed: checked(form, "interval-lower-closed"),
      upper_closed: checked(form, "interval-upper-closed"),
    }),
    key: (key) => `${key.lower_closed ? "[" : "("}${fmt(key.lower)}, ${fmt(key.upper)}${key.upper_closed ? "]" : ")"} ${intervalEnds(key)}`,
  },
  one_sided_pair: {
    hint: "Give the left and the right value; tick “does not exist” where one does not.",
    fields() {
      const side = (name, title) =>
        element("div", { className: "pair-side" }, ...numberOrNone(`pair-${name}`, title, `pair-${name}-dne`, "does not exist", `${title}: `));
      return [element("div", { className: "interval-grid" }, side("left", "Left"), side("right", "Right"))];
    },
    read: (form) => ({
      left: numberOrNull(form, "pair-left", "pair-left-dne"),
      right: numberOrNull(form, "pair-right", "pair-right-dne"),
    }),
    key: (key) => `left: ${orNone(key.left)}, right: ${orNone(key.right)}`,
  },
  point_set: {
    hint: "List the points.",
    fields() {
      const field = textField("point-set-values", "Points", {
        "aria-describedby": "point-set-hint",
        className: "input-wide",
        inputmode: "text",
      });
      field.append(
        element("p", {
          className: "hint",
          id: "point-set-hint",
          text: "Numbers separated by commas, e.g. 0, 6. Leave the box empty for the empty set.",
        }),
      );
      return [field];
    },
    read(form) {
      const text = value(form, "point-set-values");
      return { values: text.trim() === "" ? [] : text.split(",").map(numberOrText) };
    },
    key: (key) => (key.values.length ? `{${numbers(key.values)}}` : "the empty set"),
  },
  vector: {
    hint: "Give one number per component, in order.",
    fields(item) {
      const fields = [];
      for (let i = 0; i < (item.length || 0); i += 1) {
        fields.push(textField(`vector-${i}`, `component ${i + 1}`, { className: "input-short vector-value" }));
      }
      return [element("div", { className: "vector-grid" }, ...fields)];
    },
    read: (form) => ({ values: all(form, ".vector-value").map((box) => numberOrText(box.value)) }),
    key: (key) => `(${numbers(key.values)})`,
  },
};

// --- what the page uses -----------------------------------------------------------------------

/** The hint and the fields for the item's type (or a note that this page cannot show it). */
export function answerFields(item) {
  const type = ANSWER_TYPES[item.type];
  const hint = element("p", { className: "hint", text: type ? type.hint : "" });
  if (!type) return [hint, element("p", { className: "error", text: `This page cannot show answers of type ${item.type}.` })];
  return [hint, ...type.fields(item)];
}

/** The learner's response to `item`, read from the fields under `form`. */
export function readResponse(item, form) {
  const type = ANSWER_TYPES[item.type];
  return type ? type.read(form, item) : {};
}

/** A key of the answer type `type`, readably: "[0, 1] closed", "does not exist", the choice's
 * text... `item`, when the page still has it, gives the choices' texts. */
export function keyNode(type, key, item) {
  const span = element("span", { className: "key-value" });
  const text = ANSWER_TYPES[type] ? ANSWER_TYPES[type].key(key, item) : JSON.stringify(key);
  if (!Array.isArray(text)) return renderInline(span, text);
  // One line per choice (spans, not a list: the review's <li>s stay one per item).
  for (const line of text) span.append(inline("span", line, "key-choice"));
  return span;
}
