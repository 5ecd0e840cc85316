// Rendering the service's texts: stems, choices, feedback and explanations are plain text
// with a little Markdown (`code`, **bold**, blank lines between paragraphs) and LaTeX
// between $ signs.
//
// Safety: the text is never assigned to innerHTML. It is split into tokens and built with
// text nodes and elements, so any "<" or "&" in it stays text. Math is left as "$...$" text
// inside a <span class="math">, and KaTeX's auto-render (loaded by the page as a classic
// script, which defines window.renderMathInElement) replaces each span's content with the
// typeset formula. Without KaTeX the $...$ source stays readable.

const KATEX_OPTIONS = {
  delimiters: [{ left: "$", right: "$", display: false }],
  throwOnError: false, // a bad formula shows in red instead of breaking the page
  strict: "ignore", // no console warnings for unicode in math mode
};

/** The position of the next `$` that is not escaped as `\$`, or -1. */
function closingDollar(text, from) {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === "\\") i += 1; // skip the escaped character
    else if (text[i] === "$") return i;
  }
  return -1;
}

/**
 * Splits a text into tokens {kind: "text" | "math" | "code" | "strong", value}.
 * Code spans win over math (a `$` inside backticks is literal); an unmatched `$`, `` ` ``
 * or `**` is literal text.
 */
export function tokenize(text, allowStrong = true) {
  const tokens = [];
  let plain = "";
  const flush = () => {
    if (plain) tokens.push({ kind: "text", value: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\" && text[i + 1] === "$") {
      plain += "$";
      i += 2;
      continue;
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i) {
        flush();
        tokens.push({ kind: "code", value: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === "$") {
      const end = closingDollar(text, i + 1);
      if (end > i + 1) {
        flush();
        tokens.push({ kind: "math", value: text.slice(i, end + 1) }); // keeps its $ signs
        i = end + 1;
        continue;
      }
    }
    if (allowStrong && text.startsWith("**", i)) {
      const end = text.indexOf("**", i + 2);
      if (end > i + 2) {
        flush();
        tokens.push({ kind: "strong", value: text.slice(i + 2, end) });
        i = end + 2;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  flush();
  return tokens;
}

/** Appends the tokens of `text` to `parent` as DOM nodes (no math typesetting yet). */
function appendTokens(parent, text, allowStrong = true) {
  for (const token of tokenize(text, allowStrong)) {
    if (token.kind === "text") {
      parent.append(document.createTextNode(token.value));
    } else if (token.kind === "code") {
      const code = document.createElement("code");
      code.textContent = token.value;
      parent.append(code);
    } else if (token.kind === "math") {
      const span = document.createElement("span");
      span.className = "math";
      span.textContent = token.value;
      parent.append(span);
    } else {
      const strong = document.createElement("strong");
      appendTokens(strong, token.value, false);
      parent.append(strong);
    }
  }
}

/** Typesets every span.math under `root` with KaTeX's auto-render, one span at a time, so a
 * stray $ in the surrounding text can never pair with one in a formula. */
export function typeset(root) {
  if (typeof window.renderMathInElement !== "function") return; // KaTeX missing: keep the source
  for (const span of root.querySelectorAll("span.math:not([data-typeset])")) {
    window.renderMathInElement(span, KATEX_OPTIONS);
    span.dataset.typeset = "";
  }
}

/** Fills `element` with `text` rendered inline (choices, feedback, table cells). */
export function renderInline(element, text) {
  element.replaceChildren();
  appendTokens(element, String(text ?? ""));
  typeset(element);
  return element;
}

/** Fills `element` with `text` rendered as paragraphs (stems, explanations): a blank line
 * starts a new paragraph. */
export function renderBlock(element, text) {
  element.replaceChildren();
  const paragraphs = String(text ?? "")
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of paragraphs) {
    const p = document.createElement("p");
    appendTokens(p, part);
    element.append(p);
  }
  typeset(element);
  return element;
}

/** A new element of the given tag with `text` rendered inline. */
export function inline(tag, text, className) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  return renderInline(element, text);
}

/** Typesets one LaTeX formula (e.g. a catalogue function's `latex` field) into `element`. */
export function renderLatex(element, latex, { display = false, fallback = latex } = {}) {
  if (window.katex && typeof window.katex.render === "function") {
    window.katex.render(latex, element, { displayMode: display, throwOnError: false, strict: "ignore" });
  } else {
    element.textContent = fallback;
  }
  return element;
}

/** A number as people read it: integers as they are, others to `digits` significant digits,
 * and the service's words for the non-finite ones. Never "-0". */
export function formatNumber(value, digits = 6) {
  if (value === null || value === undefined) return "—";
  const n = Number(value);
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n === 0) return "0";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(digits)));
}

/**
 * The text a screen reader gets from rendered content: KaTeX writes each formula twice, as
 * MathML (read aloud) and as aria-hidden HTML (seen); this keeps the MathML's text and drops
 * the visual copy and the TeX source. Chromium names a control from its MathML by itself, but
 * not every tool does (axe-core does not), so a control labelled only by formulas gets this text
 * as its aria-label.
 */
export function spokenText(element) {
  const clone = element.cloneNode(true);
  for (const node of clone.querySelectorAll(".katex-html, annotation, [aria-hidden='true']")) node.remove();
  return clone.textContent.replace(/\s+/g, " ").trim();
}
