// The playground's numbers: the text box read into a Float64Array (the page sends them as raw
// float64 bytes, playground-arrays.js), and large inputs kept out of the box. Chromium takes
// seconds to lay out a text box that holds a million numbers, and a second for each key pressed
// in it, so a paste or a file of more than LARGE_TEXT characters becomes a set held in memory,
// shown as a summary with "Edit as text" and "Clear" in place of the box.

import { $ } from "./dom.js";

const LARGE_TEXT = 500_000; // characters: about 50,000 numbers
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const WORDS = new Map([
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["+Infinity", Infinity],
  ["-Infinity", -Infinity],
]);
const SHOW_BAD = 3; // the first few tokens that are not numbers are named, the rest counted

const el = {
  box: $("numbers"),
  set: $("numbers-set"),
  summary: $("numbers-set-summary"),
  edit: $("numbers-edit"),
  clear: $("numbers-clear"),
  file: $("numbers-file"),
  fileError: $("numbers-file-error"),
};

let held = null; // {text, values, source}: a large input, shown as its summary
let parsedText = null; // the box's text at its last parse, and what it gave
let parsed = null;
let changed = () => {};

export const count = (n) => n.toLocaleString("en-US");

/**
 * The numbers in `text`, separated by commas, spaces or new lines: decimals and the service's
 * three words (NaN, Infinity, -Infinity). {values: Float64Array, bad: [{token, position}],
 * badCount}: what is not a number is named by its position, and left out of `values`.
 */
export function parseNumbers(text) {
  const tokens = text.split(/[\s,]+/);
  const values = new Float64Array(tokens.length);
  const bad = [];
  let n = 0;
  let badCount = 0;
  for (const token of tokens) {
    if (token === "") continue;
    if (DECIMAL.test(token)) values[n] = Number(token);
    else if (WORDS.has(token)) values[n] = WORDS.get(token);
    else {
      badCount += 1;
      if (bad.length < SHOW_BAD) bad.push({ token, position: n + badCount });
      continue;
    }
    n += 1;
  }
  return { values: values.subarray(0, n), bad, badCount };
}

function quote(token) {
  return `“${token.length > 24 ? `${token.slice(0, 24)}…` : token}”`;
}

/** What is wrong with a parse, in a sentence; "" when nothing is. */
export function badNumbers({ bad, badCount }) {
  if (badCount === 0) return "";
  const named = bad.map((b) => `${quote(b.token)} (entry ${count(b.position)})`);
  const more = badCount - bad.length;
  if (more > 0) named.push(`${count(more)} more`);
  const list = named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : named[0];
  const verb = badCount === 1 ? "is not a number" : "are not numbers";
  return `Numbers x: ${list} ${verb}. Write numbers such as -1.5 or 2e-3, or NaN, Infinity, -Infinity.`;
}

/** The numbers shown: {values, error} (error "" when every entry is a number). */
export function readNumbers() {
  if (held) return { values: held.values, error: "" };
  const text = el.box.value;
  if (text !== parsedText) {
    parsed = parseNumbers(text);
    parsedText = text;
  }
  return { values: parsed.values, error: badNumbers(parsed) };
}

/** The element that stands for the numbers (to mark invalid, to focus). */
export const numbersField = () => (held ? el.set : el.box);

function summary({ values, source }) {
  let lo = Infinity;
  let hi = -Infinity;
  let other = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (!Number.isFinite(v)) other += 1;
    else {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  let text = `${count(values.length)} numbers ${source}`;
  if (other < values.length) text += `, from ${String(lo)} to ${String(hi)}`;
  if (other) text += `, ${count(other)} of them NaN or infinite`;
  return `${text}.`;
}

function hold(set) {
  const focused = document.activeElement === el.box;
  held = set;
  el.summary.textContent = summary(set);
  el.box.hidden = true;
  el.set.hidden = false;
  if (focused) el.set.focus(); // the box is gone: the set, named "Numbers x", takes its place
  changed();
}

/** Back to the text box, with `text` in it. */
function release(text) {
  held = null;
  el.box.value = text;
  el.set.hidden = true;
  el.box.hidden = false;
  el.box.focus();
  changed();
}

/** A paste that would make the box large goes into a held set instead (unless something in it
 * is not a number: then the box takes it, where it can be mended). */
function pasted(event) {
  const box = el.box;
  const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
  if (box.value.length - (box.selectionEnd - box.selectionStart) + text.length <= LARGE_TEXT) return;
  const whole = box.value.slice(0, box.selectionStart) + text + box.value.slice(box.selectionEnd);
  const result = parseNumbers(whole);
  if (result.badCount) return;
  event.preventDefault();
  hold({ text: whole, values: result.values, source: "pasted" });
}

async function fileChosen() {
  const file = el.file.files[0];
  el.fileError.textContent = "";
  if (!file) return;
  let text;
  try {
    text = await file.text();
  } catch {
    el.fileError.textContent = `${file.name} could not be read.`;
    return;
  } finally {
    el.file.value = ""; // the same file can be chosen again
  }
  if (text.length <= LARGE_TEXT) {
    release(text);
    return;
  }
  const result = parseNumbers(text);
  const fault = badNumbers(result);
  if (fault) {
    el.fileError.textContent = `${file.name}: ${fault.replace(/^Numbers x: /, "")}`;
    return;
  }
  hold({ text, values: result.values, source: `from ${file.name}` });
}

/** Wires the box, the file input and the held set; `onChange` runs whenever the numbers change. */
export function startNumbers(onChange) {
  changed = onChange;
  el.box.addEventListener("input", () => changed());
  el.box.addEventListener("paste", pasted);
  el.file.addEventListener("change", fileChosen);
  el.edit.addEventListener("click", () => release(held.text));
  el.clear.addEventListener("click", () => release(""));
}
