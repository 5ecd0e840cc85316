from __future__ import annotations

import numpy as np
from scipy.stats import spearmanr

from service.learning.core import irt
from service.learning.core.calibration import MIN_ANSWERS, fit
from service.learning.core.irt import Parameters


def _answers(
    thetas: np.ndarray, items: list[Parameters], share: float, seed: int
) -> dict[tuple[str, str], float]:
    rng = np.random.default_rng(seed)
    right = irt.simulate(list(thetas), items, rng)
    asked = rng.random(right.shape) < share
    return {
        (f"learner-{r}", f"item-{i}"): float(right[r, i])
        for r in range(right.shape[0])
        for i in range(right.shape[1])
        if asked[r, i]
    }


def test_items_with_few_answers_keep_their_authored_parameters() -> None:
    authored = {"a": irt.authored(1), "b": irt.authored(5)}
    answers = {(f"r{n}", "a"): 1.0 for n in range(MIN_ANSWERS - 1)}
    fitted = fit(answers, authored)
    assert fitted["a"].parameters == authored["a"]
    assert fitted["a"].answers == MIN_ANSWERS - 1
    assert fitted["b"].parameters == authored["b"]


def test_difficulties_are_recovered_from_sparse_answers() -> None:
    true = [Parameters(float(b)) for b in np.random.default_rng(1).normal(0, 1.2, 40)]
    thetas = np.random.default_rng(2).normal(0, 1, 300)
    answers = _answers(thetas, true, share=0.5, seed=3)
    authored = {f"item-{i}": irt.authored(3) for i in range(len(true))}  # no information
    fitted = fit(answers, authored)
    estimates = [fitted[f"item-{i}"].parameters.difficulty for i in range(len(true))]
    correlation = spearmanr(estimates, [p.difficulty for p in true]).statistic
    assert correlation > 0.9


def test_an_item_everyone_gets_right_is_easier_than_one_nobody_does() -> None:
    answers = {}
    for n in range(60):
        answers[(f"r{n}", "easy")] = 1.0
        answers[(f"r{n}", "hard")] = 0.0
        answers[(f"r{n}", "middle")] = float(n % 2)
    authored = {i: irt.authored(3) for i in ("easy", "hard", "middle")}
    fitted = {i: f.parameters.difficulty for i, f in fit(answers, authored).items()}
    assert fitted["easy"] < fitted["middle"] < fitted["hard"]
