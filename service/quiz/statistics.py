"""Item statistics for examiners: per item, answers, facility, discrimination and the most
frequent misconceptions, aggregated by the database."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from service.quiz import repository
from service.quiz.core.statistics import figures
from service.quiz.schemas import ItemStats, MisconceptionCount

MISCONCEPTIONS_SHOWN = 3


def item_stats(session: Session) -> list[ItemStats]:
    misconceptions: dict[str, list[MisconceptionCount]] = defaultdict(list)
    for item_id, misconception, count in sorted(
        repository.misconception_counts(session), key=lambda row: (-row[2], row[1])
    ):
        misconceptions[item_id].append(MisconceptionCount(misconception=misconception, count=count))
    stats = []
    for item_id, moments in sorted(repository.item_moments(session).items()):
        figure = figures(moments)
        stats.append(
            ItemStats(
                item_id=item_id,
                answers=figure.answers,
                quizzes=figure.quizzes,
                facility=figure.facility,
                discrimination=figure.discrimination,
                misconceptions=misconceptions[item_id][:MISCONCEPTIONS_SHOWN],
            )
        )
    return stats
