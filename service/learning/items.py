"""The bank as practice sees it: each item's parameters (calibrated, or from its authored
difficulty), and the candidates of a session with the misconceptions each targets."""

from __future__ import annotations

from sqlalchemy.orm import Session

from service.learning import repository
from service.learning.core.irt import Parameters, authored
from service.learning.core.selection import Candidate
from service.quiz.bank import Bank


def parameters(session: Session, bank: Bank) -> dict[str, Parameters]:
    """Every item's parameters: calibrated where `python -m service calibrate` stored them,
    otherwise from the authored difficulty."""
    out = {e.id: authored(e.difficulty) for e in bank.entries}
    for row in repository.parameters(session):
        if row.item_id in out:
            out[row.item_id] = Parameters(row.difficulty, row.discrimination)
    return out


def candidates(
    bank: Bank,
    params: dict[str, Parameters],
    topics: list[str] | None,
    misconceptions: list[str] | None,
) -> list[Candidate]:
    found = bank.targets
    return [
        Candidate(e.id, e.topics, params[e.id], found[e.id])
        for e in bank.entries
        if (not topics or set(e.topics) & set(topics))
        and (not misconceptions or found[e.id] & set(misconceptions))
    ]
