"""A learner who games the quiz instead of knowing the answers, against an exam deployment.

It plays seeded quizzes of 50 items that the examiner starts (with the admin key: in exam
mode a learner can choose neither a seed nor the rules), with the exam's defaults (answers
revealed after the finish, one try per item), and answers every item with a strategy that
needs no knowledge of the subject: every choice or none, the first or the longest choice
shown, always true or always false, the same value in every component, "does not exist",
and, as an adversary who has read the bank, each wrong answer an item lists as an alternative.
Strategies rotate over quizzes and positions, so that each is played on every type. Before
finishing it reads every payload the service sends and records anything it should not see
yet: a key, an explanation, written feedback, difference quotients, the graph of f', a hint it
did not take.

It prints, per answer type, the mean score as a share of the maximum (choice types beside
chance, 1 / number of choices), per strategy, and how often the most common key of each type
is the key: the score of a learner who answers every item of a type with that one guess.

    make gaming                  # or: python -m bench.gaming [--quizzes 20]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from service.app import create_app
from service.db import upgrade
from service.quiz import repository
from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.core.grading import CORRECT, INCORRECT
from service.quiz.core.items import Item
from service.quiz.core.taxonomy import MISCONCEPTIONS
from service.settings import Settings
from service.state import of_app

QUIZ_SIZE = 50
EXAMINER = "examiner-key"
CHOICE_TYPES = ("single_choice", "true_false")
# Fields that carry what the reveal policy withholds until the quiz is finished.
WITHHELD = {"key", "explanation", "evidence", "quotients", "subgradient_graph"}
DIAGNOSES = {CORRECT, INCORRECT, *MISCONCEPTIONS.values()}


@dataclass
class Report:
    by_type: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    by_strategy: dict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    chance: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    leaks: list[str] = field(default_factory=list)

    def mean(self, kind: str) -> float:
        """The mean score of the items of this type, as a share of their maximum."""
        rows = self.by_type[kind]
        return sum(s for s, _ in rows) / sum(m for _, m in rows)

    def share(self, kinds: tuple[str, ...]) -> float:
        rows = [row for kind in kinds for row in self.by_type[kind]]
        return sum(s for s, _ in rows) / sum(m for _, m in rows)

    def expected_by_chance(self, kind: str) -> float:
        return sum(self.chance[kind]) / len(self.chance[kind])

    def table(self) -> str:
        lines = [f"{'answer type':<16} {'answers':>8} {'mean score':>11} {'chance':>8}"]
        for kind in sorted(self.by_type):
            chance = f"{self.expected_by_chance(kind):8.1%}" if kind in self.chance else " " * 8
            rows = self.by_type[kind]
            lines.append(f"{kind:<16} {len(rows):>8} {self.mean(kind):>11.1%} {chance}".rstrip())
        lines.append("")
        lines.append(f"{'strategy':<46} {'answers':>8} {'mean score':>11}")
        for name in sorted(self.by_strategy):
            rows = self.by_strategy[name]
            mean = sum(s for s, _ in rows) / sum(m for _, m in rows)
            lines.append(f"{name:<46} {len(rows):>8} {mean:>11.1%}")
        lines.append("")
        lines.append(f"payloads with something withheld: {len(self.leaks)}")
        return "\n".join(lines)


def strategies(public: dict[str, Any], item: Item, round_: int) -> list[tuple[str, Any]]:
    """The answers a learner without the knowledge would try, named: the generic ones of the
    item's type, and one of the item's alternatives (each in turn over the rounds). Every kind
    of strategy weighs the same, however many alternatives an item lists."""
    kind = public["type"]
    ids = [c["id"] for c in public["choices"]]
    width = public["length"] or 1
    listed = []
    if item.alternatives and kind not in CHOICE_TYPES:  # there they are the wrong choices
        chosen = item.alternatives[round_ % len(item.alternatives)]
        name = f"alternative ({chosen.misconception or 'unnamed'})"
        listed = [(name, answers.to_json(chosen.response))]
    generic: list[tuple[str, Any]] = []
    match kind:
        case "multiple_choice":
            generic = [("every choice", {"choices": ids}), ("no choice", {"choices": []})]
        case "single_choice":
            lengths = [len(c["text"]) for c in public["choices"]]
            longest = ids[lengths.index(max(lengths))]
            generic = [
                ("first choice shown", {"choice": ids[0]}),
                ("longest choice shown", {"choice": longest}),
            ]
        case "true_false":
            generic = [("always true", {"value": True}), ("always false", {"value": False})]
        case "numeric":
            generic = [
                ("same value 0", {"value": 0}),
                ("same value 1", {"value": 1}),
                ("does not exist", {"dne": True}),
            ]
        case "interval":
            generic = [
                ("same value 0", {"lower": 0, "upper": 0}),
                ("same value 1", {"lower": 1, "upper": 1}),
            ]
        case "point_set":
            generic = [("no point", {"values": []}), ("same value 0", {"values": [0]})]
        case "one_sided_pair":
            generic = [
                ("same value 0", {"left": 0, "right": 0}),
                ("same value 1", {"left": 1, "right": 1}),
                ("does not exist", {"left": None, "right": None}),
            ]
        case "vector":
            generic = [
                ("same value 0", {"values": [0] * width}),
                ("same value 1", {"values": [1] * width}),
            ]
    return generic + listed


def _walk(value: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield path, key, inner
            yield from _walk(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _walk(inner, f"{path}[{index}]")


def withheld(payload: Any, where: str) -> list[str]:
    """What this payload shows that the learner should not see before the finish."""
    found = []
    for path, key, value in _walk(payload):
        if key in WITHHELD and value is not None:
            found.append(f"{where}: {path}.{key}")
        if key == "hints" and isinstance(value, list) and value:
            found.append(f"{where}: {path}.hints (none was taken)")
        if key == "feedback" and value not in DIAGNOSES:
            found.append(f"{where}: {path}.feedback written for the response: {value!r}")
    return found


def variant_seeds(app: FastAPI, quiz_id: str) -> dict[int, int | None]:
    """What only the server knows: which variant of a family each position holds."""
    with of_app(app).database.sessions() as session:
        quiz = repository.get_quiz(session, quiz_id)
        assert quiz is not None
        return {row.position: row.variant_seed for row in quiz.items}


async def play(
    client: httpx.AsyncClient, app: FastAPI, quizzes: int, size: int = QUIZ_SIZE
) -> Report:
    bank = load_bank()
    report = Report()
    for index in range(quizzes):
        created = await client.post(
            "/v1/quizzes",
            json={"size": size, "seed": 1000 + index},
            headers={"Authorization": f"Bearer {EXAMINER}"},
        )
        created.raise_for_status()
        quiz = created.json()
        report.leaks += withheld(quiz, f"quiz {index} creation")
        seeds = variant_seeds(app, quiz["id"])
        headers = {"Authorization": f"Bearer {quiz['token']}"}
        url = f"/v1/quizzes/{quiz['id']}"
        for public in quiz["items"]:
            item = bank.item(public["item_id"], seeds[public["position"]])
            options = strategies(public, item, index)
            name, response = options[(index + public["position"]) % len(options)]
            result = await client.post(
                f"{url}/answers",
                json={"position": public["position"], "response": response},
                headers=headers,
            )
            result.raise_for_status()
            graded = result.json()
            report.leaks += withheld(graded, f"quiz {index} item {public['position']}")
            row = (graded["score"], graded["max_score"])
            report.by_type[public["type"]].append(row)
            report.by_strategy[name].append(row)
            if public["type"] in CHOICE_TYPES:
                report.chance[public["type"]].append(1 / (len(public["choices"]) or 2))
        state = await client.get(url, headers=headers)
        report.leaks += withheld(state.json(), f"quiz {index} state")
        (await client.post(f"{url}/finish", headers=headers)).raise_for_status()
    return report


def common_keys(seeds: int = 200) -> dict[str, tuple[str, float]]:
    """Per answer type: its most common key, and the share of the bank's entries (an item, or
    a family over `seeds` variants) whose key it is."""
    bank = load_bank()
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    entries: dict[str, int] = defaultdict(int)
    for entry in bank.entries:
        if entry.type in ("single_choice", "multiple_choice"):
            continue  # their keys are choice ids, shuffled per quiz
        entries[entry.type] += 1
        variants = [bank.item(entry.id, seed) for seed in range(seeds if entry.generated else 1)]
        for variant in variants:
            key = str(answers.to_json(variant.key))
            weights[entry.type][key] += 1 / len(variants)
    out = {}
    for kind, counts in weights.items():
        key, weight = max(counts.items(), key=lambda pair: pair[1])
        out[kind] = (key, weight / entries[kind])
    return out


def exam_settings(database_url: str) -> Settings:
    return Settings(
        exam_mode=True,
        admin_api_key=EXAMINER,
        database_url=database_url,
        rate_limit_quiz_create="100000/minute",
        rate_limit_answers="100000/minute",
    )


async def _main(quizzes: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'gaming.db'}"
        upgrade(url)
        app = create_app(exam_settings(url))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://exam") as client:
            report = await play(client, app, quizzes)
        of_app(app).database.dispose()
    print(f"{quizzes} quizzes of {QUIZ_SIZE} items, exam mode (one try, reveal after_finish)\n")
    print(report.table())
    graded = ("multiple_choice", "numeric", "interval", "point_set", "one_sided_pair", "vector")
    print(f"\nmean score on {', '.join(graded)}: {report.share(graded):.1%} of the maximum")
    print("\none guess for every item of a type: the most common key, and how often it is the key")
    for kind, (key, share) in sorted(common_keys().items()):
        print(f"  {kind:<16} {share:6.1%}  {key}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quizzes", type=int, default=20)
    asyncio.run(_main(parser.parse_args().quizzes))


if __name__ == "__main__":
    main()
