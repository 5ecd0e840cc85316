// The named misconceptions, by slug: a title to show and a one-line description
// (GET /v1/misconceptions, read once). A grading names its misconception by slug, with its
// title when the server sends it; a slug the list does not know still reads as words.

import * as api from "./api.js";

const known = new Map();
let loading = null;

/** Reads the list once; the page works without it (titles then come from the gradings). */
export function loadMisconceptions() {
  if (!loading) {
    loading = api
      .listMisconceptions()
      .then((list) => {
        for (const entry of list || []) known.set(entry.slug, entry);
      })
      .catch(() => {});
  }
  return loading;
}

/** "convention-as-truth" as words: "Convention as truth". */
function words(slug) {
  const text = String(slug).replace(/[-_]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** {title, description} of a slug; `title` from a grading wins over the list's. */
export function misconception(slug, title) {
  const entry = known.get(slug);
  return {
    title: title || (entry && entry.title) || words(slug),
    description: (entry && entry.description) || "",
  };
}
