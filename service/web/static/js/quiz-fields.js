// The answer fields' building blocks: labelled text boxes with a slot for their own message,
// checkboxes, a number with its "does not exist" box, and groups of choices. quiz-answer-types.js
// puts them together, one set per answer type.

import { element } from "./dom.js";
import { inline, spokenText } from "./math.js";

export const PREVIEW_ID = "answer-preview";

/** A labelled text box with the slot for its own message, described by both and the preview. */
export function textField(id, labelText, { wide = false, hint = "", inputmode = "decimal", extraClass = "" } = {}) {
  const describedBy = [hint ? `${id}-hint` : "", `${id}-error`, PREVIEW_ID].filter(Boolean).join(" ");
  return element(
    "div",
    { className: "field" },
    element("label", { for: id, text: labelText }),
    hint ? element("p", { className: "hint", id: `${id}-hint`, text: hint }) : "",
    element("input", {
      id,
      type: "text",
      inputmode,
      autocomplete: "off",
      autocapitalize: "off",
      spellcheck: "false",
      className: `${wide ? "input-wide" : "input-short"} ${extraClass}`.trim(),
      "aria-describedby": describedBy,
    }),
    element("p", { className: "field-error", id: `${id}-error`, hidden: true }),
  );
}

/** A checkbox with its label after it; `hiddenPrefix` tells apart two boxes labelled alike. */
export function checkbox(id, labelText, { checked = false, hiddenPrefix = "" } = {}) {
  const label = element("label", { for: id });
  if (hiddenPrefix) label.append(element("span", { className: "visually-hidden", text: hiddenPrefix }));
  label.append(labelText);
  return element("div", { className: "check" }, element("input", { type: "checkbox", id, checked }), label);
}

/** A number's box and its "does not exist" box, which disables the number while ticked. */
export function numberOrNone(id, labelText, dneId, hiddenPrefix = "") {
  const field = textField(id, labelText);
  const dne = checkbox(dneId, "does not exist", { hiddenPrefix });
  const box = field.querySelector("input");
  const tick = dne.querySelector("input");
  tick.addEventListener("change", () => {
    box.disabled = tick.checked;
  });
  return [field, dne];
}

/** A choice (radio or checkbox) in a <label> with its rendered text. */
function choiceOption(type, name, value, id, text) {
  const input = element("input", { type, name, value, id, "aria-describedby": `${name}-error` });
  const label = element("label", { className: "choice", for: id }, input);
  label.append(typeof text === "string" ? inline("span", text, "choice-text") : text);
  if (label.querySelector(".katex")) input.setAttribute("aria-label", spokenText(label));
  return label;
}

/** Radios in a radiogroup (named by the fieldset's legend), or checkboxes, and their message. */
export function choiceGroup(type, name, options, className = "choices") {
  const group = element(
    "div",
    type === "radio" ? { className, role: "radiogroup", "aria-labelledby": "answer-legend", id: `${name}-group` } : { className, id: `${name}-group` },
    ...options.map(([value, text], i) => choiceOption(type, name, value, `${name}-${i}`, text)),
  );
  return [group, element("p", { className: "field-error", id: `${name}-error`, hidden: true })];
}

export const plainText = (text) => element("span", { className: "choice-text", text });
