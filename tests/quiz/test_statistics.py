from __future__ import annotations

import pytest

from service.quiz.core.statistics import Final, item_figures


def test_facility_and_discrimination() -> None:
    finals = []
    # Item "a" is right exactly when the rest of the quiz goes well: discrimination 1.
    for quiz, good in enumerate([True, False, True, False, True]):
        finals.append(Final(f"q{quiz}", "a", 1.0 if good else 0.0, 1.0))
        finals.append(Final(f"q{quiz}", "b", 2.0 if good else 0.0, 2.0))
    figures = item_figures(finals)
    assert figures["a"].facility == pytest.approx(0.6)
    assert figures["a"].discrimination == pytest.approx(1.0)
    assert figures["a"].quizzes == 5


def test_too_few_quizzes_or_no_variance_gives_none() -> None:
    figures = item_figures([Final("q1", "a", 1, 1), Final("q1", "b", 0, 1)])
    assert figures["a"].discrimination is None
    same = [Final(f"q{i}", "a", 1, 1) for i in range(4)] + [
        Final(f"q{i}", "b", i % 2, 1) for i in range(4)
    ]
    assert item_figures(same)["a"].discrimination is None
