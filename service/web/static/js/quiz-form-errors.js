// The answer form's messages: each box's own, beside it and with aria-invalid, and one line
// for the form. They come from the page's own reading (quiz-read.js) or from a 422 whose
// errors[].loc names the box; either way no try was used.

import { setFieldError, showMessage } from "./dom.js";
import { fieldForLocation } from "./quiz-answer-types.js";

export function clearFieldErrors(form, summaryTarget) {
  for (const slot of form.querySelectorAll(".field-error:not([hidden])")) {
    const id = slot.id.replace(/-error$/, "");
    setFieldError(form, form.querySelector(`#${id}-group`) ? `${id}-group` : id, "");
  }
  showMessage(summaryTarget, "");
}

/** Marks each box of `errors` ({fieldId: message}) and focuses the first (or `fallback`). */
export function showFieldErrors(form, summaryTarget, errors, summary, fallback) {
  let first = null;
  for (const [id, message] of Object.entries(errors)) {
    const target = setFieldError(form, id, message);
    first = first || target;
  }
  showMessage(summaryTarget, summary);
  (first || fallback).focus();
}

/** The line for the form when the page could not read some of the answer. */
export function readingSummary(errors) {
  const count = Object.keys(errors).length;
  return count === 1
    ? "Your answer could not be read: see the message beside the box. No try was used."
    : "Some of your answer could not be read: see the message beside each marked box. No try was used.";
}

/** The server's reason for a 422, in the learner's words. */
function unreadable(message) {
  const text = String(message || "");
  if (/above upper/.test(text)) return "The lower end is above the upper end.";
  if (/finite/.test(text)) return "Give a finite number here.";
  if (/expected a number|read a string|read null/.test(text)) return "This box did not reach the server as a number: check it and submit again.";
  const count = /expected (\d+) numbers/.exec(text);
  if (count) return `Give ${count[1]} numbers.`;
  if (/not one of the choices/.test(text)) return "Pick one of the choices shown.";
  if (/listed twice/.test(text)) return "A choice is ticked twice.";
  return "The server could not read this part of your answer.";
}

/** {fieldId: message} for the boxes a 422's errors[].loc names on `item`. */
export function serverFieldErrors(item, error) {
  const errors = {};
  for (const e of error.errors) {
    const id = fieldForLocation(item, e.loc || []);
    if (id && !errors[id]) errors[id] = unreadable(e.msg);
  }
  return errors;
}

/** A box edited: its mark goes, and the form's line once no box is marked. */
export function clearEditedError(form, summaryTarget, target) {
  if (!(target instanceof HTMLInputElement)) return;
  const group = target.closest("[id$='-group']");
  const id = group ? group.id : target.type === "checkbox" && target.id.endsWith("-dne") ? target.id.replace(/-dne$/, "") : target.id;
  const marked = form.querySelector(`#${id}[aria-invalid], #${id} [aria-invalid]`) || (group && group.getAttribute("aria-invalid"));
  if (!marked) return;
  setFieldError(form, id, "");
  if (!form.querySelector("[aria-invalid='true']")) showMessage(summaryTarget, "");
}
