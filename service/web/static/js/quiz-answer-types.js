// The answer types, one entry each: the line under "Your answer", the fields the learner fills
// in, how the fields are read (quiz-read.js: the server's rules, in the learner's words) and
// previewed ("Reads as ..."), which field a server error's location names, and how a response
// or a key is written out. A new type is one new entry here.

import { element } from "./dom.js";
import { inline, renderInline } from "./math.js";
import { checkbox, choiceGroup, numberOrNone, plainText, PREVIEW_ID, textField } from "./quiz-fields.js";
import { readInterval, readNumber, readPoints, spell } from "./quiz-read.js";

// --- reading the fields ---------------------------------------------------------------------

const box = (form, id) => form.querySelector(`#${id}`);
const value = (form, id) => box(form, id).value;
const ticked = (form, id) => box(form, id).checked;
const picked = (form, name) => {
  const input = form.querySelector(`input[name="${name}"]:checked`);
  return input ? input.value : null;
};
const all = (form, selector) => [...form.querySelectorAll(selector)];

/** A box's number (null: "does not exist", from its tick box or typed as words). */
function numberIn(form, id, dneId) {
  if (dneId && ticked(form, dneId)) return { ok: true, value: null };
  return readNumber(value(form, id), { dne: Boolean(dneId) });
}

/** {ok, response} or {ok: false, errors: {fieldId: message}}, from readings by field id. */
function collect(readings, build) {
  const errors = {};
  for (const [id, reading] of Object.entries(readings)) if (!reading.ok) errors[id] = reading.message;
  if (Object.keys(errors).length) return { ok: false, errors };
  const values = Object.fromEntries(Object.entries(readings).map(([id, reading]) => [id, reading.value]));
  return { ok: true, response: build(values) };
}

// --- writing responses and keys --------------------------------------------------------------

const choiceText = (item, id) => {
  const choice = item && item.choices.find((c) => c.id === id);
  return choice ? choice.text : `choice ${id}`;
};
const numbers = (values) => values.map((n) => spell(n)).join(", ");

function intervalText(r) {
  const ends =
    r.lower_closed === r.upper_closed
      ? r.lower_closed
        ? "closed at both ends"
        : "open at both ends"
      : `${r.lower_closed ? "closed" : "open"} at the lower end, ${r.upper_closed ? "closed" : "open"} at the upper end`;
  return `${r.lower_closed ? "[" : "("}${spell(r.lower)}, ${spell(r.upper)}${r.upper_closed ? "]" : ")"}, ${ends}`;
}

/** The vector's component names: the item's labels, or "Number 1", "Number 2", ... */
export function vectorLabels(item) {
  const length = item.length || (item.labels ? item.labels.length : 0);
  return Array.from({ length }, (_, i) => (item.labels && item.labels[i]) || `Number ${i + 1}`);
}

// --- the table ------------------------------------------------------------------------------
//
// hint: the line under "Your answer"; fields(item): the nodes to fill in; read(form, item):
// {ok, response} or {ok: false, errors: {id: message}}; preview(form, item): "Reads as ..."
// (null while there is nothing to read); locate(path, item): the field id a server error's
// location (after "response") names; write(response, item): a response or key as text, or as a
// list of texts shown one per line.

const ANSWER_TYPES = {
  numeric: {
    hint: "Give a number (1/2 and 0.5 both work), or tick “does not exist”.",
    fields: () => numberOrNone("numeric-value", "Your answer (a number)", "numeric-dne"),
    read: (form) =>
      collect({ "numeric-value": numberIn(form, "numeric-value", "numeric-dne") }, (v) =>
        v["numeric-value"] === null ? { dne: true } : { value: v["numeric-value"] },
      ),
    preview(form) {
      if (!ticked(form, "numeric-dne") && value(form, "numeric-value").trim() === "") return null;
      const reading = numberIn(form, "numeric-value", "numeric-dne");
      return reading.ok ? spell(reading.value) : { message: reading.message };
    },
    locate: () => "numeric-value",
    write: (r) => (r.dne || r.value === null || r.value === undefined ? "does not exist" : spell(r.value)),
  },
  true_false: {
    hint: "True or false?",
    fields: () => choiceGroup("radio", "value", [["true", plainText("True")], ["false", plainText("False")]], "choices choices-inline"),
    read(form) {
      const answer = picked(form, "value");
      if (answer === null) return { ok: false, errors: { "value-group": "Pick True or False." } };
      return { ok: true, response: { value: answer === "true" } };
    },
    preview(form) {
      const answer = picked(form, "value");
      return answer === null ? null : { say: `You picked ${answer === "true" ? "True" : "False"}.` };
    },
    locate: () => "value-group",
    write: (r) => (r.value ? "True" : "False"),
  },
  single_choice: {
    hint: "Choose one.",
    fields: (item) => choiceGroup("radio", "choice", item.choices.map((c) => [c.id, c.text])),
    read(form) {
      const choice = picked(form, "choice");
      if (choice === null) return { ok: false, errors: { "choice-group": "Pick one of the choices." } };
      return { ok: true, response: { choice } };
    },
    preview(form, item) {
      const choice = picked(form, "choice");
      if (choice === null) return null;
      const index = item.choices.findIndex((c) => c.id === choice);
      return { say: `You picked choice ${index + 1} of ${item.choices.length}.` };
    },
    locate: () => "choice-group",
    write: (r, item) => choiceText(item, r.choice),
  },
  multiple_choice: {
    hint: "Select all that apply.",
    fields: (item) => choiceGroup("checkbox", "choices", item.choices.map((c) => [c.id, c.text])),
    read(form) {
      const choices = all(form, 'input[name="choices"]:checked').map((input) => input.value);
      if (choices.length === 0) return { ok: false, errors: { "choices-group": "Tick at least one choice." } };
      return { ok: true, response: { choices } };
    },
    preview(form, item) {
      const count = all(form, 'input[name="choices"]:checked').length;
      return count === 0 ? null : { say: `You ticked ${count} of ${item.choices.length} choices.` };
    },
    locate: () => "choices-group",
    // The chosen texts in the order the quiz shows the choices (no letters: the screen has none).
    write(r, item) {
      if (!r.choices.length) return "none of the choices";
      if (!item) return r.choices.map((id) => choiceText(item, id));
      return item.choices.filter((c) => r.choices.includes(c.id)).map((c) => c.text);
    },
  },
  interval: {
    hint: "Give the two ends and say whether each end belongs to the interval.",
    fields() {
      const side = (name, title) =>
        element(
          "div",
          { className: "pair-side" },
          textField(`interval-${name}`, `${title} end`),
          checkbox(`interval-${name}-closed`, "included (closed)", { checked: true, hiddenPrefix: `${title} end ` }),
        );
      return [element("div", { className: "interval-grid" }, side("lower", "Lower"), side("upper", "Upper"))];
    },
    read(form) {
      const ends = readInterval(value(form, "interval-lower"), value(form, "interval-upper"));
      if (!ends.ok) {
        const errors = {};
        if (ends.errors.lower) errors["interval-lower"] = ends.errors.lower;
        if (ends.errors.upper) errors["interval-upper"] = ends.errors.upper;
        return { ok: false, errors };
      }
      return {
        ok: true,
        response: { ...ends.value, lower_closed: ticked(form, "interval-lower-closed"), upper_closed: ticked(form, "interval-upper-closed") },
      };
    },
    preview(form) {
      const [lower, upper] = [value(form, "interval-lower"), value(form, "interval-upper")];
      if (lower.trim() === "" && upper.trim() === "") return null;
      const reading = this.read(form);
      if (reading.ok) return intervalText(reading.response);
      const end = (raw, fallback) => {
        if (raw.trim() === "") return fallback;
        const number = readNumber(raw);
        return number.ok ? spell(number.value) : "?";
      };
      const open = ticked(form, "interval-lower-closed") ? "[" : "(";
      const close = ticked(form, "interval-upper-closed") ? "]" : ")";
      return { text: `${open}${end(lower, "a")}, ${end(upper, "b")}${close}`, message: Object.values(reading.errors)[0] };
    },
    locate: (path) => (path[0] === "upper" || path[0] === "upper_closed" ? "interval-upper" : "interval-lower"),
    write: (r) => intervalText(r),
  },
  one_sided_pair: {
    hint: "Give the left and the right value; tick “does not exist” (or type DNE) where one does not exist.",
    fields() {
      const side = (name, title) => element("div", { className: "pair-side" }, ...numberOrNone(`pair-${name}`, title, `pair-${name}-dne`, `${title}: `));
      return [element("div", { className: "interval-grid" }, side("left", "Left"), side("right", "Right"))];
    },
    read: (form) =>
      collect({ "pair-left": numberIn(form, "pair-left", "pair-left-dne"), "pair-right": numberIn(form, "pair-right", "pair-right-dne") }, (v) => ({
        left: v["pair-left"],
        right: v["pair-right"],
      })),
    preview(form) {
      const side = (name) => {
        if (!ticked(form, `pair-${name}-dne`) && value(form, `pair-${name}`).trim() === "") return "?";
        const reading = numberIn(form, `pair-${name}`, `pair-${name}-dne`);
        return reading.ok ? spell(reading.value) : "?";
      };
      const [left, right] = [side("left"), side("right")];
      if (left === "?" && right === "?") return null;
      return `left ${left}, right ${right}`;
    },
    locate: (path) => (path[0] === "right" ? "pair-right" : "pair-left"),
    write: (r) => `left ${spell(r.left)}, right ${spell(r.right)}`,
  },
  point_set: {
    hint: "List the points, separated by commas.",
    fields: () => [
      textField("point-set-values", "Points", {
        wide: true,
        inputmode: "text",
        hint: "For example 0, 6 or {0, 6}. Leave the box empty for the empty set.",
      }),
    ],
    read: (form) => collect({ "point-set-values": readPoints(value(form, "point-set-values")) }, (v) => ({ values: v["point-set-values"] })),
    preview(form) {
      const reading = readPoints(value(form, "point-set-values"));
      if (!reading.ok) return { message: reading.message };
      return reading.value.length ? `{${numbers(reading.value)}}` : "the empty set";
    },
    locate: () => "point-set-values",
    write: (r) => (r.values.length ? `{${numbers(r.values)}}` : "the empty set"),
  },
  vector: {
    hint: "Give one number per box, in order.",
    fields(item) {
      const labels = vectorLabels(item);
      return [element("div", { className: "vector-grid" }, ...labels.map((label, i) => textField(`vector-${i}`, label, { extraClass: "vector-value" })))];
    },
    read(form, item) {
      const labels = vectorLabels(item);
      const readings = Object.fromEntries(labels.map((_, i) => [`vector-${i}`, readNumber(value(form, `vector-${i}`))]));
      return collect(readings, (v) => ({ values: labels.map((_, i) => v[`vector-${i}`]) }));
    },
    preview(form, item) {
      const labels = vectorLabels(item);
      const parts = labels.map((label, i) => {
        const raw = value(form, `vector-${i}`);
        const reading = readNumber(raw);
        return `${label} ${raw.trim() === "" ? "?" : reading.ok ? spell(reading.value) : "?"}`;
      });
      if (labels.every((_, i) => value(form, `vector-${i}`).trim() === "")) return null;
      return parts.join(", ");
    },
    locate: (path) => `vector-${Number.isInteger(path[1]) ? path[1] : 0}`,
    write(r, item) {
      const labels = item ? vectorLabels(item) : [];
      if (labels.length !== r.values.length || !item || !item.labels) return `(${numbers(r.values)})`;
      return labels.map((label, i) => `${label}: ${spell(r.values[i])}`).join(", ");
    },
  },
};

// --- what the page uses -----------------------------------------------------------------------

/** The line under "Your answer", the fields, and the "Reads as" preview (or a note that this
 * page cannot show the type). */
export function answerFields(item) {
  const type = ANSWER_TYPES[item.type];
  const hint = element("p", { className: "hint answer-hint", text: type ? type.hint : "" });
  if (!type) return [hint, element("p", { className: "error", text: `This page cannot show answers of type ${item.type}.` })];
  const preview = element("p", { className: "reads-as", id: PREVIEW_ID });
  return [hint, ...type.fields(item), preview];
}

/** Fills the preview from the form as it stands. */
export function updatePreview(item, form) {
  const type = ANSWER_TYPES[item.type];
  const preview = form.querySelector(`#${PREVIEW_ID}`);
  if (!type || !preview) return;
  const shown = type.preview(form, item);
  preview.classList.toggle("reads-as-problem", Boolean(shown && shown.message));
  preview.hidden = shown === null; // nothing to read yet
  if (shown === null) {
    preview.textContent = "";
  } else if (typeof shown === "string") {
    preview.textContent = `Reads as ${shown}.`;
  } else if (shown.say) {
    preview.textContent = shown.say;
  } else {
    preview.textContent = shown.text ? `Reads as ${shown.text}; ${lower(shown.message)}` : `Cannot read this yet: ${lower(shown.message)}`;
  }
}

const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);

/** {ok: true, response} (with its type) or {ok: false, errors: {fieldId: message}}. */
export function readResponse(item, form) {
  const type = ANSWER_TYPES[item.type];
  if (!type) return { ok: false, errors: {} };
  const reading = type.read(form, item);
  return reading.ok ? { ok: true, response: { type: item.type, ...reading.response } } : reading;
}

/** The field id a server error's location names: loc is [..."response", field, index?]. */
export function fieldForLocation(item, loc) {
  const type = ANSWER_TYPES[item.type];
  const at = loc.indexOf("response");
  if (!type || at < 0 || loc.length <= at + 1 || loc[at + 1] === "type") return null;
  return type.locate(loc.slice(at + 1), item);
}

/** Puts back a response into the fields (a resumed item's last try, still open). */
export function fillResponse(item, form, response) {
  if (!response) return;
  const set = (id, v) => {
    const input = form.querySelector(`#${id}`);
    if (input) input.value = v;
  };
  const tick = (id, on) => {
    const input = form.querySelector(`#${id}`);
    if (input) {
      input.checked = on;
      input.dispatchEvent(new Event("change"));
    }
  };
  const number = (v) => (v === null || v === undefined ? "" : String(v));
  switch (item.type) {
    case "numeric":
      if (response.dne) tick("numeric-dne", true);
      else set("numeric-value", number(response.value));
      break;
    case "true_false":
      tick(`value-${response.value ? 0 : 1}`, true);
      break;
    case "single_choice":
      for (const input of form.querySelectorAll('input[name="choice"]')) input.checked = input.value === response.choice;
      break;
    case "multiple_choice":
      for (const input of form.querySelectorAll('input[name="choices"]')) input.checked = response.choices.includes(input.value);
      break;
    case "interval":
      set("interval-lower", number(response.lower));
      set("interval-upper", number(response.upper));
      tick("interval-lower-closed", response.lower_closed !== false);
      tick("interval-upper-closed", response.upper_closed !== false);
      break;
    case "one_sided_pair":
      for (const side of ["left", "right"]) {
        if (response[side] === null) tick(`pair-${side}-dne`, true);
        else set(`pair-${side}`, number(response[side]));
      }
      break;
    case "point_set":
      set("point-set-values", response.values.map(number).join(", "));
      break;
    case "vector":
      response.values.forEach((v, i) => set(`vector-${i}`, number(v)));
      break;
    default:
  }
}

/** A response or key of the answer type `type`, readably: "[0, 1], closed at both ends", "does
 * not exist", the choice's text... `item`, when the page has it, gives the choices' texts. */
export function responseNode(type, response, item) {
  const span = element("span", { className: "key-value" });
  const text = ANSWER_TYPES[type] ? ANSWER_TYPES[type].write(response, item) : JSON.stringify(response);
  if (!Array.isArray(text)) return renderInline(span, text);
  // One line per choice (spans, not a list: the review's <li>s stay one per item).
  for (const line of text) span.append(inline("span", line, "key-choice"));
  return span;
}

/** Once the key is revealed, tags the right choices in the (closed) form: "right answer". */
export function markKey(item, form, key) {
  let right = [];
  if (item.type === "single_choice") right = [`input[name="choice"][value="${CSS.escape(key.choice)}"]`];
  else if (item.type === "multiple_choice") right = key.choices.map((id) => `input[name="choices"][value="${CSS.escape(id)}"]`);
  else if (item.type === "true_false") right = [`input[name="value"][value="${key.value ? "true" : "false"}"]`];
  for (const selector of right) {
    const label = form.querySelector(selector)?.closest("label");
    if (label && !label.querySelector(".choice-tag")) {
      label.classList.add("choice-right");
      label.append(element("span", { className: "choice-tag", text: "right answer" }));
    }
  }
}
