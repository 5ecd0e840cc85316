// Reading what a learner types, by the rules the server applies to a response
// (service/quiz/core/answers.py): every number is finite, an interval's lower end is at most
// its upper end, a point set holds at most 50 points, a vector has the item's length, and
// "does not exist" is an answer only where the type has one (numeric, one_sided_pair).
//
// On top of the server's JSON numbers, a learner may type what people write: 1/2, .5, -3,
// 1e-6, a typographic minus sign, DNE or "does not exist" where allowed, and a point set in
// braces. What cannot be read gets a message in plain words, and the server never sees it.
//
// Each reader returns {ok: true, value} or {ok: false, message}.

import { formatNumber } from "./math.js";

export const MAX_POINTS = 50;

const DECIMAL = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const PLAIN = new RegExp(`^${DECIMAL}$`);
const FRACTION = new RegExp(`^(${DECIMAL})\\s*/\\s*(${DECIMAL})$`);
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const INFINITE = /^([+-]?)\s*(?:inf|infinity|∞)$/i;
const NOT_EXIST = /^(?:dne|does\s*n[o']?t\s*exist|not\s+exist|undefined|no\s+value)$/i;
const EMPTY_SET = /^(?:\{\s*\}|∅|none|empty|the\s+empty\s+set|empty\s+set)$/i;

const ok = (value) => ({ ok: true, value });
const fail = (message) => ({ ok: false, message });

/** The text with typographic minus signs and spaces made plain, and trimmed. */
function normalise(text) {
  return String(text ?? "")
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, "-")
    .replace(/[\u00A0\u2009\u202F]/g, " ")
    .trim();
}

/** A plain number or fraction, or null when the text is neither. */
function plainNumber(text) {
  if (PLAIN.test(text)) return Number(text);
  const fraction = FRACTION.exec(text);
  if (!fraction) return null;
  const [numerator, denominator] = [Number(fraction[1]), Number(fraction[2])];
  if (denominator === 0) return NaN;
  return numerator / denominator;
}

/**
 * One number from a box. Options: `dne` (the type has "does not exist"; it reads as null),
 * `infinite` (an infinite value is allowed; no answer type takes one today), `what` (the box,
 * in words, for the empty message).
 */
export function readNumber(raw, { dne = false, infinite = false, what = "a number" } = {}) {
  const text = normalise(raw);
  if (text === "") return fail(dne ? `Type ${what}, or tick “does not exist”.` : `Type ${what}.`);
  if (NOT_EXIST.test(text)) {
    return dne ? ok(null) : fail("“Does not exist” is not an answer here: give a number.");
  }
  const inf = INFINITE.exec(text);
  if (inf) {
    if (infinite) return ok(inf[1] === "-" ? -Infinity : Infinity);
    return fail("Give a finite number: this answer takes no infinity.");
  }
  if (COMMA_DECIMAL.test(text)) {
    const dotted = text.replace(",", ".");
    return fail(`Use a point for decimals: write ${dotted}, not ${text}.`);
  }
  const value = plainNumber(text);
  if (value !== null) {
    if (Number.isNaN(value)) return fail("A fraction cannot have 0 below the line.");
    if (!Number.isFinite(value)) return fail("That number is too large to use: keep it below 10^308.");
    return ok(value === 0 ? 0 : value); // -0 reads as 0, as the grader compares it
  }
  // Something around a number: "x = 0", "{0}", "(0.5)", "0.5." — say what to type instead.
  const assigned = /^[^=]+=\s*(.+)$/.exec(text);
  if (assigned && plainNumber(normalise(assigned[1])) !== null) {
    return fail(`Give just the number: ${normalise(assigned[1])}, without “${text.slice(0, text.indexOf("=") + 1).trim()}”.`);
  }
  const bracketed = /^[{([]\s*(.*?)\s*[})\]]$/.exec(text);
  if (bracketed && plainNumber(bracketed[1]) !== null) {
    return fail(`Give just the number: ${bracketed[1]}, without brackets.`);
  }
  if (/^(?:pi|π)$/i.test(text)) return fail("Give π as a decimal, e.g. 3.14159.");
  return fail(`“${text.length > 24 ? `${text.slice(0, 24)}…` : text}” is not a number. Write digits, like 0.5, -2 or 1/2.`);
}

/** The points of a point set, typed as "0, 6", "{0; 6}" or nothing at all (the empty set). */
export function readPoints(raw) {
  let text = normalise(raw);
  if (text === "" || EMPTY_SET.test(text)) return ok([]);
  const braced = /^\{(.*)\}$/s.exec(text);
  if (braced) text = braced[1].trim();
  if (text === "") return ok([]);
  const parts = text.split(/[,;]/).map((part) => part.trim());
  if (parts.some((part) => part === "")) return fail("Separate the points by commas, with a number between each two, e.g. 0, 6.");
  if (parts.length > MAX_POINTS) return fail(`Give at most ${MAX_POINTS} points.`);
  const values = [];
  for (const [index, part] of parts.entries()) {
    if (NOT_EXIST.test(part)) return fail("For no points at all, leave the box empty: that is the empty set.");
    const read = readNumber(part);
    if (!read.ok) return fail(parts.length > 1 ? `Point ${index + 1}: ${read.message}` : read.message);
    values.push(read.value);
  }
  return ok(values);
}

/** An interval's two ends, read apart; `lower` above `upper` is the lower box's fault. */
export function readInterval(lowerText, upperText) {
  const lower = readNumber(lowerText, { what: "the lower end" });
  const upper = readNumber(upperText, { what: "the upper end" });
  const errors = {};
  if (!lower.ok) errors.lower = lower.message;
  if (!upper.ok) errors.upper = upper.message;
  if (lower.ok && upper.ok && lower.value > upper.value) {
    errors.lower = `The lower end (${formatNumber(lower.value)}) is above the upper end (${formatNumber(upper.value)}).`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { lower: lower.value, upper: upper.value } };
}

/** A number as the page writes it back: "does not exist" for null. */
export function spell(value) {
  return value === null ? "does not exist" : formatNumber(value);
}
