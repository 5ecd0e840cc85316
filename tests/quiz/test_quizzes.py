"""The quiz's use cases on a small bank of known items: penalties, the best try, hints, and
what each reveal policy shows, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import update

from service.core.errors import Invalid
from service.errors import Conflict
from service.quiz import quizzes, starting
from service.quiz.bank import Bank, load_file
from service.quiz.core.taxonomy import MISCONCEPTION_TITLES, MISCONCEPTIONS
from service.quiz.models import QuizItem
from service.quiz.schemas import AnswerSubmit, QuizCreate
from service.state import of_app

ITEMS = """
- id: relu-derivative
  version: 1
  topics: [differentiability]
  difficulty: 2
  type: numeric
  stem: "What is relu'(0)?"
  key: {dne: true}
  alternatives:
    - {response: {value: 0}, credit: 0, misconception: convention-as-truth,
       feedback: "0 is what torch.relu returns."}
  explanation: "The one-sided derivatives 0 and 1 differ."
  function: {name: relu}
  evidence_at: 0
  hints: ["Compare the two one-sided quotients."]
  tests:
    - {response: {dne: true}, score: 1}
    - {response: {value: 0}, score: 0, misconception: convention-as-truth}
- id: relu-subdifferential
  version: 1
  topics: [subgradients]
  difficulty: 2
  type: interval
  stem: "Give the subdifferential of relu at 0."
  key: {lower: 0, upper: 1}
  alternatives:
    - {response: {lower: 0, upper: 1, lower_closed: false, upper_closed: false}, credit: 0.5,
       misconception: subdifferential-open}
  explanation: "[0, 1], closed."
  tests:
    - {response: {lower: 0, upper: 1}, score: 1}
    - {response: {lower: 0, upper: 1, lower_closed: false, upper_closed: false}, score: 0.5,
       misconception: subdifferential-open}
"""
BANK = Bank({item.id: item for item in load_file("test.yaml", ITEMS)}, {})
DNE: dict[str, Any] = {"dne": True}
ZERO: dict[str, Any] = {"value": 0}
OPEN: dict[str, Any] = {"lower": 0, "upper": 1, "lower_closed": False, "upper_closed": False}
WRONG_INTERVAL: dict[str, Any] = {"lower": 5, "upper": 6}


class Quiz:
    """A quiz of the small bank, and the calls a learner makes on it."""

    def __init__(self, app: FastAPI, **options: Any) -> None:
        self.app = app
        options.setdefault("reveal", "after_answer")
        with of_app(app).database.sessions() as session:
            created = starting.create_quiz(
                session, BANK, QuizCreate(size=2, seed=1, **options), starting.Deployment(3600)
            )
            session.commit()
        self.id, self.token = created.id, created.token
        self.created = created
        self.position = {item.item_id: item.position for item in created.items}

    def _run(self, work: Any) -> Any:
        with of_app(self.app).database.sessions() as session:
            result = work(session)
            session.commit()
            return result

    def answer(self, item_id: str, response: dict[str, Any]) -> Any:
        submit = AnswerSubmit(position=self.position[item_id], response=response)
        return self._run(lambda s: quizzes.answer(s, BANK, self.id, self.token, submit)[0])

    def hint(self, item_id: str) -> Any:
        position = self.position[item_id]
        return self._run(lambda s: quizzes.take_hint(s, BANK, self.id, self.token, position))

    def state(self) -> Any:
        return self._run(lambda s: quizzes.state(s, BANK, self.id, self.token))

    def finish(self) -> Any:
        return self._run(lambda s: quizzes.finish(s, BANK, self.id, self.token))


def test_the_settings_are_public(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=3, penalty=0.25, hint_penalty=0.2)
    assert (quiz.created.penalty, quiz.created.hint_penalty) == (0.25, 0.2)
    state = quiz.state()
    assert (state.penalty, state.hint_penalty, state.max_tries) == (0.25, 0.2, 3)
    summary = quiz.finish()
    assert (summary.penalty, summary.hint_penalty) == (0.25, 0.2)


def test_each_wrong_try_costs_the_penalty(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=3)
    quiz.answer("relu-derivative", ZERO)
    quiz.answer("relu-derivative", {"value": 1})
    right = quiz.answer("relu-derivative", DNE)
    assert right.correct
    assert right.credit == 1.0
    assert right.score == pytest.approx(1 / 3, abs=1e-6)


def test_the_best_try_counts_and_a_later_try_never_lowers_it(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=3)
    first = quiz.answer("relu-subdifferential", OPEN)
    assert (first.credit, first.score) == (0.5, 0.5)
    second = quiz.answer("relu-subdifferential", WRONG_INTERVAL)
    assert (second.credit, second.score) == (0.0, 0.5)
    third = quiz.answer("relu-subdifferential", {"lower": 0, "upper": 1})
    assert third.score == pytest.approx(1 / 3, abs=1e-6) or third.score == 0.5
    assert third.score == 0.5  # 1 - 2/3 is below the first try's 0.5
    assert quiz.finish().total == 0.5


def test_hints_come_in_order_and_cost_every_later_try(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=2)
    first = quiz.hint("relu-derivative")
    assert (first.number, first.hints_used, first.hints_left) == (1, 1, 1)
    assert first.evidence is not None  # the item's difference quotients come first
    assert [q.left for q in first.evidence.quotients] == [0, 0, 0]
    second = quiz.hint("relu-derivative")
    assert (second.number, second.text, second.evidence) == (
        2,
        "Compare the two one-sided quotients.",
        None,
    )
    with pytest.raises(Conflict, match="no hint left"):
        quiz.hint("relu-derivative")
    graded = quiz.answer("relu-derivative", DNE)
    assert graded.score == pytest.approx(0.8)
    assert graded.hints_used == 2
    state = quiz.state().items[quiz.position["relu-derivative"] - 1]
    assert [h.number for h in state.hints] == [1, 2]
    with pytest.raises(Conflict, match="closed"):
        quiz.hint("relu-derivative")


def test_a_hint_after_the_best_try_costs_nothing(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=3)
    assert quiz.answer("relu-subdifferential", OPEN).score == 0.5
    with pytest.raises(Conflict, match="no hint left"):
        quiz.hint("relu-subdifferential")  # an item without hints
    quiz.hint("relu-derivative")
    assert quiz.answer("relu-subdifferential", WRONG_INTERVAL).score == 0.5


def test_before_the_reveal_a_wrong_try_reads_only_the_diagnosis(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=2)
    open_item = quiz.answer("relu-derivative", ZERO)
    assert open_item.tries_left == 1
    assert open_item.feedback == MISCONCEPTIONS["convention-as-truth"]
    assert open_item.misconception == "convention-as-truth"
    assert open_item.misconception_title == MISCONCEPTION_TITLES["convention-as-truth"]
    shown = open_item.model_dump(exclude_unset=True)
    assert not {"key", "explanation", "evidence", "subgradient_graph"} & set(shown)
    closed = quiz.answer("relu-derivative", {"value": 1})
    assert (closed.misconception, closed.misconception_title) == (None, None)
    assert closed.tries_left == 0
    assert closed.key is not None
    assert closed.key.model_dump(exclude_unset=True) == {"type": "numeric", **DNE}
    assert closed.explanation
    assert closed.evidence is not None
    assert closed.subgradient_graph is not None
    assert closed.subgradient_graph.segments[0].upper == 1.0


def test_written_feedback_waits_for_the_reveal(app: FastAPI) -> None:
    for reveal in ("after_finish", "never"):
        quiz = Quiz(app, reveal=reveal)
        graded = quiz.answer("relu-derivative", ZERO)
        assert graded.tries_left == 0
        assert graded.feedback == MISCONCEPTIONS["convention-as-truth"]
        assert graded.key is None
        assert graded.evidence is None
        summary = quiz.finish()
        item = summary.items[quiz.position["relu-derivative"] - 1]
        assert (item.key is not None) == (reveal == "after_finish")
        assert (item.evidence is not None) == (reveal == "after_finish")
    quiz = Quiz(app)
    assert quiz.answer("relu-derivative", ZERO).feedback == "0 is what torch.relu returns."


def test_the_public_item_draws_f_and_counts_its_hints(app: FastAPI) -> None:
    quiz = Quiz(app)
    items = {item.item_id: item for item in quiz.created.items}
    graph = items["relu-derivative"].graph
    assert graph is not None
    assert graph.pieces == [[(-3.5, 0.0), (0.0, 0.0), (3.5, 3.5)]]
    assert items["relu-derivative"].hints == 2
    assert items["relu-subdifferential"].graph is None
    assert items["relu-subdifferential"].hints == 0


def test_a_finished_quiz_gives_no_hint(app: FastAPI) -> None:
    quiz = Quiz(app)
    quiz.finish()
    with pytest.raises(Conflict, match="finished"):
        quiz.hint("relu-derivative")


def test_an_item_changed_since_the_quiz_began_is_neither_graded_nor_revealed(
    app: FastAPI,
) -> None:
    quiz = Quiz(app, reveal="after_finish")
    position = quiz.position["relu-derivative"]
    with of_app(app).database.sessions() as session:
        session.execute(
            update(QuizItem)
            .where(QuizItem.quiz_id == quiz.id, QuizItem.position == position)
            .values(version=99)
        )
        session.commit()
    with pytest.raises(Conflict, match="changed since this quiz began"):
        quiz.answer("relu-derivative", DNE)
    with pytest.raises(Conflict, match="changed since this quiz began"):
        quiz.hint("relu-derivative")
    item = quiz.finish().items[position - 1]
    assert (item.key, item.explanation, item.evidence, item.type) == (None, None, None, None)
    assert (item.stem, item.difficulty, item.function, item.graph) == (None, None, None, None)
    assert (item.item_id, item.version, item.points) == ("relu-derivative", 99, 1.0)
    assert (item.tries, item.choices, item.hints_offered) == ([], [], 0)


def test_the_tries_of_a_changed_item_count_but_are_not_shown(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=2)
    quiz.answer("relu-derivative", ZERO)
    with of_app(app).database.sessions() as session:
        session.execute(
            update(QuizItem).where(QuizItem.quiz_id == quiz.id).values(version=QuizItem.version + 1)
        )
        session.commit()
    item = quiz.state().items[quiz.position["relu-derivative"] - 1]
    assert (item.tries_used, item.score, item.tries) == (1, 0.0, [])


# --- resuming from the server: the items as creation showed them, and every try ---------

FIELDS = ("item_id", "version", "type", "topics", "difficulty", "stem", "function", "choices")
FIELDS += ("graph", "points", "length", "labels")
WRITTEN = ("0 is what torch.relu returns.", "The one-sided derivatives 0 and 1 differ.")


def test_the_state_redraws_every_item_as_creation_showed_it(app: FastAPI) -> None:
    quiz = Quiz(app)
    for created, state in zip(quiz.created.items, quiz.state().items, strict=True):
        assert created.position == state.position
        assert {f: getattr(created, f) for f in FIELDS} == {f: getattr(state, f) for f in FIELDS}
        assert state.hints_offered == created.hints
        assert state.tries == []
    summary = quiz.finish()
    assert [s.stem for s in summary.items] == [c.stem for c in quiz.created.items]


def test_each_try_is_listed_with_its_response_and_grading(app: FastAPI) -> None:
    quiz = Quiz(app, max_tries=3)
    quiz.answer("relu-subdifferential", OPEN)
    quiz.hint("relu-derivative")
    quiz.answer("relu-derivative", ZERO)
    quiz.answer("relu-derivative", DNE)
    items = quiz.state().items
    derivative = items[quiz.position["relu-derivative"] - 1]
    first, second = derivative.tries
    assert first.number == 1
    assert first.response.model_dump(exclude_none=True) == {"type": "numeric", "value": 0}
    assert (first.correct, first.credit, first.score) == (False, 0.0, 0.0)
    assert first.misconception == "convention-as-truth"
    assert first.misconception_title == MISCONCEPTION_TITLES["convention-as-truth"]
    assert second.number == 2
    assert second.response.model_dump(exclude_none=True) == {"type": "numeric", "dne": True}
    assert (second.correct, second.credit) == (True, 1.0)
    assert second.score == pytest.approx(1 - 1 / 3 - 0.1, abs=1e-6)  # a wrong try and a hint
    assert (second.feedback, second.misconception, second.misconception_title) == (
        "Correct.",
        None,
        None,
    )
    (open_try,) = items[quiz.position["relu-subdifferential"] - 1].tries
    assert open_try.response.model_dump() == {"type": "interval", **OPEN}
    assert (open_try.credit, open_try.misconception) == (0.5, "subdifferential-open")


def _shows_nothing_withheld(state: Any) -> None:
    """No key, explanation, quotients, graph of f' or written feedback in the payload."""
    for item in state.items:
        assert (item.key, item.explanation, item.evidence, item.subgradient_graph) == (
            None,
            None,
            None,
            None,
        )
        for graded in item.tries:
            assert graded.feedback in {"Not quite.", *MISCONCEPTIONS.values()}
    text = state.model_dump_json()
    assert not [written for written in WRITTEN if written in text]


def _shows_all(state: Any, position: int) -> None:
    item = state.items[position - 1]
    assert item.key is not None
    assert item.explanation == WRITTEN[1]
    assert item.evidence is not None
    assert item.subgradient_graph is not None
    assert item.tries[0].feedback == WRITTEN[0]
    assert item.tries[0].misconception == "convention-as-truth"


@pytest.mark.parametrize("reveal", ["after_answer", "after_finish", "never"])
def test_the_tries_follow_the_reveal_policy(app: FastAPI, reveal: str) -> None:
    """A wrong try with a try left, the item closed, the quiz finished: the state (and the
    finish summary) show written feedback, key and explanation only once the policy allows."""
    quiz = Quiz(app, reveal=reveal, max_tries=2)
    position = quiz.position["relu-derivative"]
    quiz.answer("relu-derivative", ZERO)
    with_a_try_left = quiz.state()
    assert with_a_try_left.items[position - 1].tries_left == 1
    _shows_nothing_withheld(with_a_try_left)
    assert (
        with_a_try_left.items[position - 1].tries[0].feedback
        == MISCONCEPTIONS["convention-as-truth"]
    )
    quiz.answer("relu-derivative", {"value": 1})
    closed = quiz.state()
    assert closed.items[position - 1].tries_left == 0
    if reveal == "after_answer":
        _shows_all(closed, position)
    else:
        _shows_nothing_withheld(closed)
    finished = quiz.finish()
    if reveal == "never":
        _shows_nothing_withheld(finished)
        _shows_nothing_withheld(quiz.state())
    else:
        _shows_all(finished, position)
        _shows_all(quiz.state(), position)


def _exam_quiz(app: FastAPI, examiner: bool, **options: Any) -> Any:
    with of_app(app).database.sessions() as session:
        return starting.create_quiz(
            session,
            BANK,
            QuizCreate(size=2, **options),
            starting.Deployment(3600, exam_mode=True),
            examiner=examiner,
        )


@pytest.mark.parametrize("rule", ["seed", "max_tries", "reveal", "penalty", "hint_penalty"])
def test_in_exam_mode_a_learner_cannot_choose_the_rules(app: FastAPI, rule: str) -> None:
    value = {"seed": 7, "max_tries": 5, "reveal": "after_answer", "penalty": 0.0}.get(rule, 0.0)
    with pytest.raises(Invalid) as refused:
        _exam_quiz(app, examiner=False, **{rule: value})
    assert refused.value.loc == (rule,)
    assert _exam_quiz(app, examiner=True, **{rule: value}).id  # the examiner may


def test_in_exam_mode_a_learner_is_not_told_the_seed(app: FastAPI) -> None:
    learner = _exam_quiz(app, examiner=False)
    assert learner.seed is None
    assert (learner.reveal, learner.max_tries) == ("after_finish", 1)
    assert _exam_quiz(app, examiner=True, seed=3).seed == 3
