from __future__ import annotations

from service.quiz.core.taxonomy import MISCONCEPTION_TITLES, MISCONCEPTIONS


def test_every_misconception_has_a_title_and_every_title_a_misconception() -> None:
    assert list(MISCONCEPTION_TITLES) == list(MISCONCEPTIONS)


def test_titles_are_short_distinct_and_unlike_their_descriptions() -> None:
    titles = list(MISCONCEPTION_TITLES.values())
    assert len(set(titles)) == len(titles)
    for slug, title in MISCONCEPTION_TITLES.items():
        assert 0 < len(title) <= 60, slug
        assert not title.endswith("."), slug
        assert title != MISCONCEPTIONS[slug], slug
