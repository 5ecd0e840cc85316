"""`python -m service calibrate`: item parameters refitted from stored first tries."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from fastapi import FastAPI

from service.learning import calibrate, items
from service.learning.core.calibration import MIN_ANSWERS
from service.learning.core.irt import authored
from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.state import of_app
from tests.conftest import ROOT
from tests.quiz.test_router import auth

pytestmark = pytest.mark.anyio
BANK = load_bank()
EASY, HARD = sorted(e.id for e in BANK.entries if e.type == "numeric" and not e.generated)[:2]


async def _answered(client: httpx.AsyncClient, quizzes: int) -> None:
    """Quizzes of the two items: EASY always right, HARD always wrong on the first try."""
    for _ in range(quizzes):
        quiz = (await client.post("/v1/quizzes", json={"item_ids": [EASY, HARD]})).json()
        for position, item_id in ((1, EASY), (2, HARD)):
            value = answers.to_json(BANK.item(item_id, None).key)["value"]
            response = {"value": value if item_id == EASY else value + 1e6}
            answered = await client.post(
                f"/v1/quizzes/{quiz['id']}/answers",
                json={"position": position, "response": response},
                headers=auth(quiz["token"]),
            )
            assert answered.status_code == 200


async def test_answered_items_are_refitted_and_the_rest_keep_their_authoring(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    await _answered(client, MIN_ANSWERS + 5)
    database = of_app(app).database
    with database.sessions() as session:
        before = items.parameters(session, BANK)
        fitted = calibrate.calibrate(session, BANK)
        session.commit()
    with database.sessions() as session:
        after = items.parameters(session, BANK)
    assert set(fitted) == {e.id for e in BANK.entries}
    assert fitted[EASY].answers == fitted[HARD].answers == MIN_ANSWERS + 5
    assert after[EASY].difficulty < before[EASY].difficulty
    assert after[HARD].difficulty > before[HARD].difficulty
    untouched = [e for e in BANK.entries if e.id not in (EASY, HARD)]
    assert all(after[e.id] == authored(e.difficulty) for e in untouched)


def test_the_command_reports_what_it_fitted(database_url: str) -> None:
    environment = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "-m", "service", "calibrate"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert f"calibrated {len(BANK.entries)} items: 0 from their answers" in result.stdout
