// The playground's two tabs, the catalogue's functions and a program of one's own, with a roving
// tabindex: only the selected tab is in the Tab order; the arrow keys, Home and End move between
// tabs. #tab-program in the address opens the program tab, whose explorer starts when first shown.

import { $ } from "./dom.js";
import { startProgramExplorer } from "./playground-program.js";

const tabs = [...document.querySelectorAll('[role="tab"]')];
let programStarted = false;

/** Shows the tab's panel and hides the others. */
function selectTab(tab, focus = false) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute("aria-controls")).hidden = !selected;
  }
  if (focus) tab.focus();
  const program = tab.id === "tab-program";
  window.history.replaceState(null, "", program ? "#tab-program" : window.location.pathname + window.location.search);
  if (program && !programStarted) {
    programStarted = true;
    startProgramExplorer();
  }
}

function tabKeydown(event) {
  const i = tabs.indexOf(event.currentTarget);
  const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  selectTab(tabs[(to + tabs.length) % tabs.length], true);
}

const openLinkedTab = () => window.location.hash === "#tab-program" && selectTab($("tab-program"));

export function startTabs() {
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab));
    tab.addEventListener("keydown", tabKeydown);
  }
  window.addEventListener("hashchange", openLinkedTab);
  openLinkedTab();
}
