"""The pages of LTI: the deep-linking form (service/web/pages/lti-deep-link.html), the page that
posts the deep-linking response back to the platform, and the page that hands a launched quiz
to the quiz page. Every value put into a page is escaped here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from string import Template

import orjson

from service.quiz.schemas import QuizCreated
from service.web.router import PAGES

# quiz-session.js keeps the quiz in progress under this key; the quiz page resumes from it.
SESSION_KEY = "relu-quiz"
REVEALS = {"after_answer": "after each item", "after_finish": "after the quiz", "never": "never"}
MAX_TRIES = 5

# One script for both pages that move on by themselves. Without it each shows a button.
SCRIPT = f"""// LTI: hands a launched quiz to the quiz page, or posts a deep-linking response back.
const quiz = document.getElementById("lti-quiz");
if (quiz) {{
  try {{
    sessionStorage.setItem("{SESSION_KEY}", quiz.textContent);
  }} catch {{
    // storage disabled: the quiz page then offers a new quiz instead
  }}
  window.location.replace("/");
}}
const back = document.getElementById("lti-return");
if (back) back.submit();
"""


@dataclass(frozen=True)
class Choice:
    """What the deep-linking form holds: shown again, with an error, when it cannot be used."""

    title: str = "ReLU quiz"
    topics: tuple[str, ...] = ()
    size: int = 10
    max_tries: int = 1
    reveal: str = "after_answer"


@cache
def _template() -> Template:
    return Template((PAGES / "lti-deep-link.html").read_text(encoding="utf-8"))


def _options(values: Sequence[tuple[str, str]], chosen: str) -> str:
    return "\n".join(
        f'              <option value="{escape(value)}"{" selected" if value == chosen else ""}>'
        f"{escape(label)}</option>"
        for value, label in values
    )


def deep_link_form(
    context: str, topics: Sequence[tuple[str, str, int]], choice: Choice, error: str = ""
) -> str:
    """The form; `topics` are (topic, description, items)."""
    checks = "\n".join(
        f'            <div class="check"><input type="checkbox" id="topic-{escape(topic)}" '
        f'name="topics" value="{escape(topic)}"{" checked" if topic in choice.topics else ""}>'
        f'<label for="topic-{escape(topic)}">{escape(description)} '
        f'<span class="count">({items} {"item" if items == 1 else "items"})</span></label></div>'
        for topic, description, items in topics
    )
    tries = [(str(n), str(n)) for n in range(1, MAX_TRIES + 1)]
    return _template().substitute(
        context=escape(context),
        error=escape(error),
        title=escape(choice.title),
        topics=checks,
        size=choice.size,
        tries=_options(tries, str(choice.max_tries)),
        reveal=_options(list(REVEALS.items()), choice.reveal),
    )


def _page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(title)}</title>
  <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/static/css/app.css">
  <script defer src="/lti/lti.js"></script>
</head>
<body>
  <main id="main" class="wrap">
{body}
  </main>
</body>
</html>
"""


def return_to_platform(return_url: str, response_jwt: str) -> str:
    """Posts the signed deep-linking response to the platform (at once with the script, or by
    the button)."""
    return _page(
        "Returning to the course",
        f"""    <h1>Returning to the course</h1>
    <form id="lti-return" method="post" action="{escape(return_url)}" class="stack">
      <input type="hidden" name="JWT" value="{escape(response_jwt)}">
      <p>The quiz is chosen; the course adds it when you continue.</p>
      <button type="submit" class="button">Continue to the course</button>
    </form>""",
    )


def handoff(created: QuizCreated) -> str:
    """The quiz as the quiz page keeps it (quiz-session.js, fromCreated), for the script to
    store before it opens the page. The data block is JSON, not script: it never runs."""
    session = {
        **created.model_dump(
            mode="json", include={"id", "token", "reveal", "max_tries", "penalty", "hint_penalty"}
        ),
        "seed": None,
        "items": [item.model_dump(mode="json") for item in created.items],
        "position": 1,
        "gradings": {},
        "hints": {},
    }
    data = (
        orjson.dumps(session)
        .decode()
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return _page(
        "Opening the quiz",
        f"""    <h1>Opening the quiz</h1>
    <p>Your quiz is ready and opens in a moment.</p>
    <noscript><p class="error">The quiz needs JavaScript: turn it on, then launch again.</p>
    </noscript>
    <script type="application/json" id="lti-quiz">{data}</script>""",
    )
