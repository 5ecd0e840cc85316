// What both pages build their DOM with, and read their text boxes with.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/**
 * A new element: `attributes` are set as attributes, except `className` and `text` (the
 * node's textContent). One rule for the rest: false, null and undefined leave the attribute out,
 * true sets it empty (a boolean attribute), anything else is set as its string. So `checked:
 * false` means not checked; an attribute whose value is the word "false" (spellcheck) is
 * written as that string.
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children);
  return node;
}

/** Sets a message element's text; no message empties it. */
export function showMessage(target, message) {
  target.textContent = message || "";
}

/**
 * What the user typed, as the API wants it: the number when the text reads as a finite
 * number, otherwise the text itself. Sending the text (rather than refusing it here) lets the
 * server answer 422 with its own explanation, which the page shows.
 */
export function numberOrText(text) {
  const trimmed = text.trim();
  const number = Number(trimmed);
  return trimmed !== "" && Number.isFinite(number) ? number : text;
}

/**
 * Marks the control `id` under `root` as invalid with `message` beside it (its slot is the
 * element `${id}-error`, or `${name}-error` for a group `${name}-group`), or clears it when
 * `message` is empty. A group of radios carries aria-invalid itself; a group of checkboxes on
 * each box. Returns the element to focus.
 */
export function setFieldError(root, id, message) {
  const control = root.querySelector(`#${id}`);
  if (!control) return null;
  const group = id.endsWith("-group");
  const slot = root.querySelector(`#${group ? id.slice(0, -"-group".length) : id}-error`);
  const invalid = message ? "true" : null;
  const targets = group && control.getAttribute("role") !== "radiogroup" ? [...control.querySelectorAll("input")] : [control];
  for (const target of targets) {
    if (invalid) target.setAttribute("aria-invalid", invalid);
    else target.removeAttribute("aria-invalid");
  }
  if (slot) {
    slot.textContent = message || "";
    slot.hidden = !message;
  }
  if (!group) return control;
  return control.querySelector("input:checked") || control.querySelector("input");
}
