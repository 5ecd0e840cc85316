"""Item statistics: the figures from their sums, and the sums the database aggregates, checked
against a direct computation over every attempt, on SQLite and on PostgreSQL."""

from __future__ import annotations

import random
import secrets
from collections import defaultdict
from datetime import UTC, datetime

import numpy as np
import pytest
from fastapi import FastAPI
from sqlalchemy import insert

from service.quiz import repository, statistics
from service.quiz.core.statistics import Moments, figures
from service.quiz.models import Attempt, QuizItem
from service.state import of_app


def _moments(pairs: list[tuple[float, float]], answers: int = 0) -> Moments:
    xs = np.array([x for x, _ in pairs])
    ys = np.array([y for _, y in pairs])
    return Moments(
        answers or len(pairs),
        len(pairs),
        float(xs.sum()),
        len(pairs),
        float(xs.sum()),
        float(ys.sum()),
        float((xs * xs).sum()),
        float((ys * ys).sum()),
        float((xs * ys).sum()),
    )


def test_facility_and_discrimination() -> None:
    # The item is right exactly when the rest of the quiz goes well: discrimination 1.
    good = [True, False, True, False, True]
    figure = figures(_moments([(float(g), float(g)) for g in good]))
    assert figure.facility == pytest.approx(0.6)
    assert figure.discrimination == pytest.approx(1.0)
    assert figure.quizzes == 5


def test_too_few_quizzes_or_no_variance_gives_none() -> None:
    assert figures(_moments([(1.0, 0.0), (0.0, 1.0)])).discrimination is None
    # Sums of equal fractions that do not cancel exactly in floating point are no variance.
    same = _moments([(0.1, i % 2) for i in range(1000)])
    assert figures(same).discrimination is None
    assert figures(_moments([])).facility is None


def _direct(rows: list[tuple[str, int, str, float, float]]) -> dict[str, tuple[int, float, float]]:
    """(answers, facility, discrimination) per item, from every attempt, the textbook way."""
    best: dict[tuple[str, int], tuple[str, float, float]] = {}
    answers: dict[str, int] = defaultdict(int)
    for quiz_id, position, item_id, score, max_score in rows:
        answers[item_id] += 1
        known = best.get((quiz_id, position))
        if known is None or score > known[1]:
            best[(quiz_id, position)] = (item_id, score, max_score)
    by_quiz: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for (quiz_id, _), final in best.items():
        by_quiz[quiz_id].append(final)
    xs: dict[str, list[float]] = defaultdict(list)
    ys: dict[str, list[float]] = defaultdict(list)
    for finals in by_quiz.values():
        total, most = sum(f[1] for f in finals), sum(f[2] for f in finals)
        for item_id, score, max_score in finals:
            xs[item_id].append(score / max_score)
            ys[item_id].append((total - score) / (most - max_score))
    return {
        item_id: (
            answers[item_id],
            float(np.mean(xs[item_id])),
            float(np.corrcoef(xs[item_id], ys[item_id])[0, 1]),
        )
        for item_id in xs
    }


def test_the_database_aggregates_what_a_direct_computation_gives(app: FastAPI) -> None:
    rng = random.Random(5)
    rows = []
    for _ in range(40):
        quiz_id = secrets.token_hex(16)
        ability = rng.random()
        for position, item_id in enumerate(rng.sample(["a", "b", "c", "d", "e"], 4), start=1):
            points = {"a": 1.0, "b": 2.0}.get(item_id, 1.0)
            for _ in range(rng.randint(1, 3)):  # several tries: the best one counts
                score = points * min(1.0, max(0.0, ability + rng.gauss(0, 0.3)))
                rows.append((quiz_id, position, item_id, round(score, 6), points))
    now = datetime.now(UTC)
    quizzes = sorted({(q, p, i, m) for q, p, i, _, m in rows})
    with of_app(app).database.sessions() as session:
        for quiz_id in sorted({q for q, *_ in rows}):
            repository.insert_quiz(
                session,
                dict(
                    id=quiz_id,
                    token_hash="",
                    seed=0,
                    size=4,
                    max_tries=3,
                    reveal="after_answer",
                    penalty=0.0,
                    hint_penalty=0.0,
                    time_limit_s=None,
                    filters={},
                    created_at=now,
                    expires_at=now,
                    finished_at=None,
                ),
                [
                    QuizItem(
                        quiz_id=q,
                        position=p,
                        item_id=i,
                        version=1,
                        variant_seed=None,
                        choice_order=[],
                        points=m,
                        topics=[],
                        hints_used=0,
                    )
                    for q, p, i, m in quizzes
                    if q == quiz_id
                ],
            )
        session.execute(
            insert(Attempt),
            [
                dict(
                    quiz_id=q,
                    position=p,
                    try_number=n,
                    item_id=i,
                    response={},
                    response_digest="",
                    fraction=s / m,
                    hints_used=0,
                    score=s,
                    max_score=m,
                    correct=s == m,
                    misconception=None,
                    feedback="",
                    created_at=now,
                )
                for n, (q, p, i, s, m) in enumerate(rows, start=1)
            ],
        )
        session.commit()
        stats = {s.item_id: s for s in statistics.item_stats(session)}
        assert set(repository.item_moments(session)) == set(stats)
    expected = _direct(rows)
    assert set(stats) == set(expected) == {"a", "b", "c", "d", "e"}
    for item_id, (answers, facility, discrimination) in expected.items():
        assert stats[item_id].answers == answers
        assert stats[item_id].facility == pytest.approx(facility, abs=1e-9)
        assert stats[item_id].discrimination == pytest.approx(discrimination, abs=1e-9)
