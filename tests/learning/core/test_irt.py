from __future__ import annotations

import numpy as np
import pytest

from service.learning.core import irt
from service.learning.core.irt import Ability, Parameters

MIDDLE = Parameters(0.0)


def test_no_answer_is_the_prior() -> None:
    ability = irt.estimate([])
    assert ability.theta == pytest.approx(0.0, abs=1e-9)
    assert ability.error == pytest.approx(1.0, abs=0.01)
    assert ability.mastery == "not started"


def test_right_answers_raise_the_estimate_and_narrow_it() -> None:
    one = irt.estimate([(MIDDLE, 1.0)])
    three = irt.estimate([(MIDDLE, 1.0)] * 3)
    assert 0 < one.theta < three.theta
    assert three.error < one.error < 1.0


def test_a_partly_right_answer_lies_between_right_and_wrong() -> None:
    wrong, half, right = (irt.estimate([(MIDDLE, c)]) for c in (0.0, 0.5, 1.0))
    assert wrong.theta < half.theta < right.theta
    assert half.theta == pytest.approx(0.0, abs=1e-9)  # symmetric item, symmetric prior


def test_a_hard_item_right_says_more_than_an_easy_one() -> None:
    easy = irt.estimate([(Parameters(-2.0), 1.0)])
    hard = irt.estimate([(Parameters(2.0), 1.0)])
    assert hard.theta > easy.theta


def test_the_estimate_recovers_simulated_abilities() -> None:
    rng = np.random.default_rng(7)
    items = [Parameters(float(b), 1.5) for b in np.linspace(-2.5, 2.5, 60)]
    thetas = [-1.5, 0.0, 1.5]
    answers = irt.simulate(thetas, items, rng)
    for theta, row in zip(thetas, answers, strict=True):
        ability = irt.estimate(zip(items, row.astype(float), strict=True))
        assert abs(ability.theta - theta) < 2.5 * ability.error
        assert ability.error < 0.35


@pytest.mark.parametrize(
    ("theta", "error", "answers", "level"),
    [
        (0.0, 1.0, 0, "not started"),
        (-0.5, 0.6, 3, "practising"),
        (0.5, 0.6, 3, "practising"),  # lower end -0.1
        (0.7, 0.6, 5, "proficient"),
        (1.5, 0.4, 9, "mastered"),
        (1.3, 0.4, 9, "proficient"),  # lower end 0.9
    ],
)
def test_mastery_is_read_off_the_lower_end_of_the_band(
    theta: float, error: float, answers: int, level: str
) -> None:
    assert Ability(theta, error, answers).mastery == level


def test_authored_difficulties_span_the_scale_in_order() -> None:
    difficulties = [irt.authored(d).difficulty for d in range(1, 6)]
    assert difficulties == sorted(difficulties)
    assert difficulties[2] == 0.0


def test_information_peaks_where_the_chance_is_even() -> None:
    item = Parameters(0.5, 2.0)
    assert irt.information(0.5, item) == pytest.approx(1.0)
    assert irt.information(-1.0, item) < irt.information(0.5, item)
