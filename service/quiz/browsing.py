"""Browsing the item bank: topics with their counts, the misconceptions a grading can name,
and items page by page (metadata and stems only). A cursor that cannot be read raises Invalid
located at ("cursor",)."""

from __future__ import annotations

import base64
from collections import Counter

from service.core.errors import Invalid
from service.quiz import views
from service.quiz.bank import Bank, Entry
from service.quiz.core.taxonomy import MISCONCEPTION_TITLES, MISCONCEPTIONS, TOPICS
from service.quiz.schemas import ItemFilters, ItemInfo, ItemPage, MisconceptionInfo, TopicInfo


def matches(entry: Entry, filters: ItemFilters) -> bool:
    """Whether a bank entry passes every filter given."""
    return (
        (filters.topics is None or any(t in entry.topics for t in filters.topics))
        and (filters.min_difficulty is None or entry.difficulty >= filters.min_difficulty)
        and (filters.max_difficulty is None or entry.difficulty <= filters.max_difficulty)
        and (filters.types is None or entry.type in filters.types)
    )


def check_range(filters: ItemFilters) -> None:
    low, high = filters.min_difficulty, filters.max_difficulty
    if low is not None and high is not None and low > high:
        raise Invalid("min_difficulty is above max_difficulty", ("min_difficulty",))


def topics(bank: Bank) -> list[TopicInfo]:
    counts = Counter(topic for entry in bank.entries for topic in entry.topics)
    return [
        TopicInfo(topic=topic, description=description, items=counts[topic])
        for topic, description in TOPICS.items()
    ]


def misconceptions() -> list[MisconceptionInfo]:
    return [
        MisconceptionInfo(slug=slug, title=MISCONCEPTION_TITLES[slug], description=description)
        for slug, description in MISCONCEPTIONS.items()
    ]


def _cursor(after: str) -> str:
    return base64.urlsafe_b64encode(after.encode()).decode().rstrip("=")


def _after(cursor: str) -> str:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.b64decode(padded, altchars=b"-_", validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        raise Invalid("the cursor is not one this service gave", ("cursor",)) from None


def browse(bank: Bank, filters: ItemFilters, limit: int, cursor: str | None) -> ItemPage:
    """The items after the cursor that pass the filters, in id order, `limit` at a time."""
    check_range(filters)
    after = _after(cursor) if cursor else ""
    matching = [e for e in bank.entries if e.id > after and matches(e, filters)]
    page = matching[:limit]
    infos = [
        ItemInfo(**views.summary(bank.item(entry.id, 0)), generated=entry.generated)
        for entry in page
    ]
    more = len(matching) > limit
    return ItemPage(items=infos, next_cursor=_cursor(page[-1].id) if more and page else None)
