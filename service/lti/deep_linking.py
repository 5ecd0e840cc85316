"""Deep linking: the instructor chooses the quiz a course link starts (topics, size, tries,
reveal), and the platform gets back an ltiResourceLink whose custom parameters carry that
choice (launches.quiz_request reads them) and whose line item makes a gradebook column."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from service.errors import LaunchRefused
from service.lti import claims, pages
from service.lti.claims import Refused
from service.lti.keys import ToolKey
from service.quiz import browsing
from service.quiz.bank import Bank
from service.quiz.schemas import QuizCreate

TITLE_LENGTH = 200


@dataclass(frozen=True)
class Chosen:
    """The signed response, and where the browser posts it."""

    return_url: str
    response: str


@dataclass(frozen=True)
class Again:
    """The form once more, saying what cannot be used."""

    page: str


def form(bank: Bank, context: str, choice: pages.Choice | None = None, error: str = "") -> str:
    topics = [(t.topic, t.description, t.items) for t in browsing.topics(bank)]
    return pages.deep_link_form(context, topics, choice or pages.Choice(), error)


def _first(fields: Mapping[str, Sequence[str]], name: str) -> str:
    values = fields.get(name) or [""]
    return values[0].strip()


def _whole(text: str, default: int) -> int:
    return int(text) if text.isdigit() and len(text) < 4 else default


def _read(fields: Mapping[str, Sequence[str]]) -> tuple[pages.Choice, QuizCreate | str]:
    """The choice as the form shows it again, and the quiz it asks for (or what is wrong)."""
    chosen = tuple(dict.fromkeys(fields.get("topics") or []))
    choice = pages.Choice(
        title=_first(fields, "title")[:TITLE_LENGTH] or pages.Choice.title,
        topics=chosen,
        size=_whole(_first(fields, "size"), pages.Choice.size),
        max_tries=_whole(_first(fields, "max_tries"), pages.Choice.max_tries),
        reveal=_first(fields, "reveal") or pages.Choice.reveal,
    )
    given = {name: _first(fields, name) for name in ("size", "max_tries", "reveal")}
    try:
        request = QuizCreate.model_validate(
            {**{k: v for k, v in given.items() if v}, "topics": list(chosen) or None}
        )
    except ValidationError as exc:
        return choice, "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)
        )
    return choice, request


def choose(
    key: ToolKey, bank: Bank, fields: Mapping[str, Sequence[str]], launch_url: str
) -> Chosen | Again:
    """The instructor's choice, checked, as the LtiDeepLinkingResponse."""
    token = _first(fields, "context")
    try:
        context = claims.read_context(key, token)
    except Refused as exc:
        raise LaunchRefused(str(exc)) from None
    choice, request = _read(fields)
    if isinstance(request, str):
        return Again(form(bank, token, choice, request))
    pool = sum(browsing.matches(entry, request) for entry in bank.entries)
    if pool < request.size:
        problem = f"only {pool} items match these topics; choose at most that many"
        return Again(form(bank, token, choice, problem))
    custom = {"size": str(request.size), "max_tries": str(request.max_tries)}
    if request.reveal is not None:
        custom["reveal"] = request.reveal
    if request.topics:
        custom["topics"] = ",".join(request.topics)
    item: dict[str, Any] = {
        "type": "ltiResourceLink",
        "title": choice.title,
        "url": launch_url,
        "custom": custom,
        # A point per item; each score sent carries its quiz's own maximum, which the
        # platform scales to this one.
        "lineItem": {"scoreMaximum": request.size, "label": choice.title},
    }
    response = claims.deep_linking_response(key, context, item, int(time.time()))
    return Chosen(context.return_url, response)
