"""Adaptive practice by simulation: how well the mathematics of service/learning/core does its
three jobs, on learners whose answers follow the item response model.

1. Ability precision: learners of known ability answer a synthetic bank with known 2PL
   parameters, items chosen by `selection.choose` (adaptive) or uniformly at random without
   replacement; the error of the EAP estimate (`irt.estimate`) after 10, 20 and 30 items, and
   how many adaptive items match the precision of 30 random ones.
2. Calibration recovery: `calibration.fit` on random answers to a synthetic bank, starting from
   an author's noisy guesses of the difficulties; the rank correlation of the fitted
   difficulties with the true ones, and of the guesses alone.
3. Misconception discovery: on the real bank, learners who hold one misconception (and answer
   every item that targets it with it) start practising from scratch; the share of sessions
   that show an item targeting it within the first 10 items, beside what a random order would.

Everything is seeded: two runs print the same figures.

    make bench-adaptive   # or: python -m bench.adaptive
"""

from __future__ import annotations

import math
import os
import random
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy.stats import spearmanr

from service.learning import items
from service.learning.core import calibration, irt, selection
from service.learning.core.irt import Parameters
from service.learning.core.selection import Candidate, Learner
from service.quiz.bank import Bank, load_bank

SEED = 20240611
WORKERS = min(2, os.cpu_count() or 1)

# The synthetic banks: difficulty ~ N(0, DIFFICULTY_SD); discrimination ~ lognormal with
# median 1 and log-sd DISCRIMINATION_SD, clipped to DISCRIMINATION_RANGE.
DIFFICULTY_SD = 1.2
DISCRIMINATION_SD = 0.3
DISCRIMINATION_RANGE = (0.4, 2.5)

# 1. Ability precision.
LEARNERS = 1000
BANK_ITEMS = 300
LENGTH = 30
CHECKPOINTS = (10, 20, 30)
CHUNK = 100  # learners per task of the process pool
TOPIC = "relu"
ITEMS_TARGET = 18  # adaptive items to match random's 30-item RMSE: 40 % fewer

# 2. Calibration recovery.
CALIBRATION_LEARNERS = 200
CALIBRATION_ITEMS = 100
ANSWERS_PER_LEARNER = 40
AUTHOR_NOISE = 0.8  # sd of an author's error, on the ability scale, before rounding to 1..5
RANK_TARGET = 0.9

# 3. Misconception discovery.
RUNS = 200
WINDOW = 10
MIN_TARGETING = 3  # misconceptions targeted by at least this many items get a row
FOCUS = "convention-as-truth"
DISCOVERY_TARGET = 0.9


# --- 1. Ability precision -------------------------------------------------------------------


def synthetic_bank(rng: np.random.Generator, size: int) -> list[Parameters]:
    difficulty = rng.normal(0.0, DIFFICULTY_SD, size)
    discrimination = np.clip(rng.lognormal(0.0, DISCRIMINATION_SD, size), *DISCRIMINATION_RANGE)
    return [Parameters(float(b), float(a)) for b, a in zip(difficulty, discrimination, strict=True)]


@dataclass(frozen=True)
class Estimates:
    """Per learner (rows), the EAP estimate after 1..LENGTH items (columns), for both arms,
    and how many of the adaptive arm's answers were right."""

    adaptive: np.ndarray
    random: np.ndarray
    adaptive_right: int


def answered(theta: float, item: Parameters, coin: float) -> float:
    """Right (1) or wrong (0): the learner's coin for the item against the model's chance."""
    return float(coin < float(irt.probability(theta, item)))


def adaptive_session(
    bank: Sequence[Parameters], theta: float, coins: np.ndarray, rng: random.Random
) -> tuple[list[float], int]:
    candidates = [Candidate(str(n), (TOPIC,), item) for n, item in enumerate(bank)]
    asked: list[str] = []
    answers: list[tuple[Parameters, float]] = []
    ability = irt.UNKNOWN
    estimates, right = [], 0
    for _ in range(LENGTH):
        choice = selection.choose(candidates, Learner({TOPIC: ability}), asked, rng)
        assert choice is not None
        index = int(choice.id)
        credit = answered(theta, bank[index], float(coins[index]))
        asked.append(choice.id)
        answers.append((bank[index], credit))
        right += int(credit)
        ability = irt.estimate(answers)
        estimates.append(ability.theta)
    return estimates, right


def random_session(
    bank: Sequence[Parameters], theta: float, coins: np.ndarray, rng: np.random.Generator
) -> list[float]:
    answers: list[tuple[Parameters, float]] = []
    estimates = []
    for index in rng.permutation(len(bank))[:LENGTH]:
        answers.append((bank[index], answered(theta, bank[index], float(coins[index]))))
        estimates.append(irt.estimate(answers).theta)
    return estimates


def precision_chunk(
    bank: Sequence[Parameters], thetas: np.ndarray, coins: np.ndarray, first: int
) -> Estimates:
    """Both arms for learners first, first + 1, ...: the same ability and the same coin per
    item in either arm, so that the arms differ only in the items they ask."""
    adaptive, chance, right = [], [], 0
    for offset, theta in enumerate(thetas):
        learner = first + offset
        estimates, rights = adaptive_session(
            bank, float(theta), coins[offset], random.Random(f"{SEED}:adaptive:{learner}")
        )
        adaptive.append(estimates)
        right += rights
        order = np.random.default_rng([SEED, learner])
        chance.append(random_session(bank, float(theta), coins[offset], order))
    return Estimates(np.array(adaptive), np.array(chance), right)


def rmse(estimates: np.ndarray, thetas: np.ndarray) -> np.ndarray:
    """Per number of items answered, the root mean square error over learners."""
    result: np.ndarray = np.sqrt(np.mean((estimates - thetas[:, None]) ** 2, axis=0))
    return result


def ability_precision(pool: ProcessPoolExecutor) -> list[tuple[str, bool]]:
    rng = np.random.default_rng([SEED, 1])
    bank = synthetic_bank(rng, BANK_ITEMS)
    thetas = rng.normal(0.0, 1.0, LEARNERS)
    coins = rng.random((LEARNERS, BANK_ITEMS))
    starts = range(0, LEARNERS, CHUNK)
    chunks = list(
        pool.map(
            precision_chunk,
            [bank] * len(starts),
            [thetas[s : s + CHUNK] for s in starts],
            [coins[s : s + CHUNK] for s in starts],
            starts,
        )
    )
    adaptive = rmse(np.vstack([c.adaptive for c in chunks]), thetas)
    chance = rmse(np.vstack([c.random for c in chunks]), thetas)
    right = sum(c.adaptive_right for c in chunks) / (LEARNERS * LENGTH)
    reference = chance[LENGTH - 1]
    matching = next((n + 1 for n, e in enumerate(adaptive) if e <= reference), None)

    a = np.array([p.discrimination for p in bank])
    b = np.array([p.difficulty for p in bank])
    print("1. Ability precision")
    low, high = DISCRIMINATION_RANGE
    print(f"   {LEARNERS} learners, theta ~ N(0, 1), {LENGTH} items each from a synthetic 2PL")
    print(
        f"   bank of {BANK_ITEMS} items, difficulty ~ N(0, {DIFFICULTY_SD}) "
        f"(range {b.min():.1f} .. {b.max():.1f}),"
    )
    print(
        f"   discrimination ~ lognormal(0, {DISCRIMINATION_SD}) clipped to {low}-{high} "
        f"(mean {a.mean():.2f});"
    )
    print(
        f"   adaptive: selection.choose on the true parameters, TARGET = {selection.TARGET}, "
        f"WIDTH = {selection.WIDTH}"
    )
    print()
    print(f"   {'items':>5}  {'adaptive RMSE':>13}  {'random RMSE':>11}  {'adaptive / random':>17}")
    for n in CHECKPOINTS:
        e, r = adaptive[n - 1], chance[n - 1]
        print(f"   {n:>5}  {e:>13.3f}  {r:>11.3f}  {e / r:>17.2f}")
    print()
    found = f"{matching} items" if matching is not None else f"not within {LENGTH} items"
    print(f"   adaptive reaches random's {LENGTH}-item RMSE ({reference:.3f}) after: {found}")
    print(f"   share of adaptive answers right: {right:.0%}")
    print()
    passed = matching is not None and matching <= ITEMS_TARGET
    label = f"adaptive matches random's {LENGTH}-item RMSE within {ITEMS_TARGET} items ({found})"
    return [(label, passed)]


# --- 2. Calibration recovery ----------------------------------------------------------------


def spearman(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    return float(spearmanr(x, y).statistic)


def calibration_recovery() -> list[tuple[str, bool]]:
    rng = np.random.default_rng([SEED, 2])
    bank = synthetic_bank(rng, CALIBRATION_ITEMS)
    ids = [f"item-{n:03d}" for n in range(CALIBRATION_ITEMS)]
    truth = np.array([p.difficulty for p in bank])
    guess_noise = rng.normal(0.0, AUTHOR_NOISE, CALIBRATION_ITEMS)
    guesses = np.clip(np.rint(3 + (truth + guess_noise) / irt.AUTHORED_SPREAD), 1, 5).astype(int)
    authored = {i: irt.authored(int(d)) for i, d in zip(ids, guesses, strict=True)}
    answers: dict[tuple[str, str], float] = {}
    for learner, theta in enumerate(rng.normal(0.0, 1.0, CALIBRATION_LEARNERS)):
        asked = rng.choice(CALIBRATION_ITEMS, ANSWERS_PER_LEARNER, replace=False)
        right = irt.simulate([float(theta)], [bank[n] for n in asked], rng)[0]
        for n, credit in zip(asked, right, strict=True):
            answers[(f"learner-{learner}", ids[n])] = float(credit)
    fitted = calibration.fit(answers, authored)
    counts = Counter(item for _, item in answers)
    model = "2PL" if min(counts.values()) >= calibration.TWO_PL_ANSWERS else "Rasch"
    fitted_rho = spearman([fitted[i].parameters.difficulty for i in ids], truth)
    authored_rho = spearman(guesses, truth)

    print("2. Calibration recovery")
    spread = ", ".join(f"{d}: {n}" for d, n in sorted(Counter(guesses.tolist()).items()))
    print(
        f"   {CALIBRATION_LEARNERS} learners, theta ~ N(0, 1), each answering "
        f"{ANSWERS_PER_LEARNER} random items of a synthetic"
    )
    print(
        f"   2PL bank of {CALIBRATION_ITEMS} items (distributions as above); "
        f"{min(counts.values())}-{max(counts.values())} answers per item,"
    )
    print(f"   so calibration.fit fits the {model} model with girth.")
    print(
        f"   authored guesses: round(3 + (b + N(0, {AUTHOR_NOISE})) / {irt.AUTHORED_SPREAD}), "
        "clipped to 1..5:"
    )
    print(f"   {spread}")
    print()
    print(f"   {'difficulties':<28}  {'Spearman rho vs true':>20}")
    print(f"   {'authored guesses alone':<28}  {authored_rho:>20.3f}")
    print(f"   {'calibration.fit':<28}  {fitted_rho:>20.3f}")
    print()
    label = f"fitted difficulties' rank correlation {fitted_rho:.3f} >= {RANK_TARGET}"
    return [(label, fitted_rho >= RANK_TARGET)]


# --- 3. Misconception discovery -------------------------------------------------------------


def real_candidates(bank: Bank) -> list[Candidate]:
    """Every entry of the bank, at its authored difficulty, with the misconceptions it targets
    (as the service sees them)."""
    return items.candidates(
        bank, {e.id: irt.authored(e.difficulty) for e in bank.entries}, None, None
    )


def discovery(misconception: str, candidates: Sequence[Candidate]) -> list[int | None]:
    """Per session, the position (1..WINDOW) of the first item targeting `misconception`, or
    None when none was asked within WINDOW items."""
    out: list[int | None] = []
    for run in range(RUNS):
        rng = random.Random(f"{SEED}:{misconception}:{run}")
        theta = rng.gauss(0.0, 1.0)
        asked: list[str] = []
        history: list[Candidate] = []
        credits: list[float] = []
        abilities: dict[str, irt.Ability] = {}
        tested: frozenset[str] = frozenset()
        position = None
        for step in range(1, WINDOW + 1):
            learner = Learner(abilities, frozenset(), tested)
            choice = selection.choose(candidates, learner, asked, rng)
            assert choice is not None
            item = next(c for c in candidates if c.id == choice.id)
            if misconception in item.targets:
                position = step  # answered with the misconception: shown
                break
            credit = float(rng.random() < float(irt.probability(theta, item.parameters)))
            asked.append(item.id)
            history.append(item)
            credits.append(credit)
            tested |= item.targets
            for topic in item.topics:
                abilities[topic] = irt.estimate(
                    (c.parameters, r)
                    for c, r in zip(history, credits, strict=True)
                    if topic in c.topics
                )
        out.append(position)
    return out


def by_chance(entries: int, targeting: int) -> float:
    """The chance that WINDOW items in random order include one of `targeting`."""
    return 1.0 - math.comb(entries - targeting, WINDOW) / math.comb(entries, WINDOW)


def misconception_discovery(pool: ProcessPoolExecutor) -> list[tuple[str, bool]]:
    bank = load_bank()
    candidates = real_candidates(bank)
    prevalence = Counter(m for found in bank.targets.values() for m in found)
    rows = sorted(
        (m for m, n in prevalence.items() if n >= MIN_TARGETING),
        key=lambda m: (-prevalence[m], m),
    )
    results = dict(
        zip(
            rows,
            pool.map(discovery, rows, [candidates] * len(rows)),
            strict=True,
        )
    )

    print("3. Misconception discovery")
    print(
        f"   the real bank ({len(candidates)} entries, authored difficulties); per misconception "
        f"targeted"
    )
    print(
        f"   by >= {MIN_TARGETING} items, {RUNS} sessions of a learner (theta ~ N(0, 1)) who "
        f"holds it: the share"
    )
    print(
        f"   that show it within {WINDOW} items, the mean position where shown, and the chance "
        f"of {WINDOW} items"
    )
    print("   in random order including one that targets it.")
    print()
    header = f"   {'misconception':<34}  {'items':>5}  {'shown':>6}  {'mean pos.':>9}  "
    print(header + f"{'random order':>12}")
    shares = {}
    for m in rows:
        positions = [p for p in results[m] if p is not None]
        shares[m] = len(positions) / RUNS
        mean = f"{np.mean(positions):.1f}" if positions else "-"
        print(
            f"   {m:<34}  {prevalence[m]:>5}  {shares[m]:>6.0%}  {mean:>9}  "
            f"{by_chance(len(candidates), prevalence[m]):>12.0%}"
        )
    print()
    overall = float(np.mean(list(shares.values())))
    print(f"   mean over the {len(rows)} misconceptions: {overall:.0%}")
    print()
    share = shares.get(FOCUS, 0.0)
    label = f"{FOCUS} shown within {WINDOW} items in {share:.0%} of sessions"
    label += f" >= {DISCOVERY_TARGET:.0%}"
    return [(label, share >= DISCOVERY_TARGET)]


def main() -> None:
    started = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        checks = ability_precision(pool)
        checks += calibration_recovery()
        checks += misconception_discovery(pool)
    for label, passed in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {label}")
    print(f"({time.perf_counter() - started:.0f} s, {WORKERS} worker processes)")


if __name__ == "__main__":
    main()
