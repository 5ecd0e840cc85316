"""Item calibration: difficulties (and discriminations where the data allow) fitted to stored
answers by marginal maximum likelihood (girth), shrunk towards the authored difficulty when an
item has few answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from girth import INVALID_RESPONSE, rasch_mml, twopl_mml

from service.learning.core.irt import Parameters

# Below this many answers an item keeps its authored parameters.
MIN_ANSWERS = 20
# Discriminations are fitted only when every item in the fit has this many answers; otherwise
# one common discrimination (the Rasch model) keeps a sparse fit stable.
TWO_PL_ANSWERS = 150
# The fitted difficulty counts as this many answers' worth against the authored one.
PRIOR_WEIGHT = 10


@dataclass(frozen=True)
class Fitted:
    parameters: Parameters
    answers: int


def fit(
    answers: Mapping[tuple[str, str], float], authored: Mapping[str, Parameters]
) -> dict[str, Fitted]:
    """Parameters for every item of `authored` from (respondent, item) -> right (1) or wrong
    (0) answers. Items with fewer than MIN_ANSWERS answers keep their authored parameters."""
    counts: dict[str, int] = {}
    for _, item in answers:
        counts[item] = counts.get(item, 0) + 1
    fitted_ids = sorted(i for i in authored if counts.get(i, 0) >= MIN_ANSWERS)
    out = {i: Fitted(p, counts.get(i, 0)) for i, p in authored.items()}
    if len(fitted_ids) < 2:
        return out
    respondents = sorted({r for r, i in answers if i in out and counts.get(i, 0) >= MIN_ANSWERS})
    row = {i: n for n, i in enumerate(fitted_ids)}
    column = {r: n for n, r in enumerate(respondents)}
    data = np.full((len(fitted_ids), len(respondents)), INVALID_RESPONSE, dtype=int)
    for (respondent, item), right in answers.items():
        if item in row:
            data[row[item], column[respondent]] = int(right >= 0.5)
    two_pl = min(counts[i] for i in fitted_ids) >= TWO_PL_ANSWERS
    if two_pl:
        result = twopl_mml(data)
        difficulty, discrimination = result["Difficulty"], result["Discrimination"]
    else:
        difficulty = rasch_mml(data)["Difficulty"]
        discrimination = np.ones(len(fitted_ids))
    for n, item in enumerate(fitted_ids):
        weight = counts[item] / (counts[item] + PRIOR_WEIGHT)
        b = weight * float(difficulty[n]) + (1 - weight) * authored[item].difficulty
        a = float(np.clip(discrimination[n], 0.2, 4.0)) if two_pl else 1.0
        out[item] = Fitted(Parameters(b, a), counts[item])
    return out
