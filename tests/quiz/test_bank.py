from __future__ import annotations

from collections import Counter

import pytest

from service.quiz.bank import BankError, load_bank, load_file, run_tests
from service.quiz.core.taxonomy import ANSWER_TYPES, TOPICS

GOOD = """
- id: sample-item
  version: 1
  topics: [continuity]
  difficulty: 1
  type: true_false
  stem: "Is relu continuous at 0?"
  key: {value: true}
  explanation: "Both one-sided limits are 0 = relu(0)."
  tests:
    - {response: {value: true}, score: 1}
"""


def test_the_bank_holds_enough_items_of_every_kind() -> None:
    bank = load_bank()
    assert len(bank.items) >= 40
    assert len(bank.families) >= 12
    types = Counter(item.type for item in bank.items.values())
    assert set(types) == set(ANSWER_TYPES)
    topics = Counter(t for item in bank.items.values() for t in item.topics)
    assert set(topics) == set(TOPICS)


@pytest.mark.parametrize("item_id", sorted(load_bank().items))
def test_every_item_passes_its_own_tests(item_id: str) -> None:
    item = load_bank().items[item_id]
    assert len(item.tests) >= 2
    assert list(run_tests(item)) == []


def test_a_good_file_loads() -> None:
    (item,) = load_file("good.yaml", GOOD)
    assert item.id == "sample-item"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("difficulty: 1", "difficulty: 9"), "good.yaml: item sample-item: difficulty:"),
        (("topics: [continuity]", "topics: [poetry]"), "item sample-item: topics:"),
        (("type: true_false", "type: essay"), "item sample-item: type:"),
        (("key: {value: true}", "key: {value: 1}"), "item sample-item: key.value:"),
        (("score: 1", "score: 0"), "item sample-item: tests.0: expected score 0, graded 1"),
        (("  explanation:", "  explanations:"), "item sample-item:"),
        (("stem: ", "stem: [unclosed"), "good.yaml: not valid YAML"),
    ],
)
def test_a_bad_file_names_the_file_the_item_and_the_field(
    change: tuple[str, str], message: str
) -> None:
    with pytest.raises(BankError) as caught:
        load_file("good.yaml", GOOD.replace(*change))
    assert message in str(caught.value)


VECTOR = """
- id: sample-vector
  version: 1
  topics: [continuity]
  difficulty: 1
  type: vector
  stem: "Give relu at -1 and at 1."
  key: {values: [0, 1]}
  labels: ["x = -1", "x = 1"]
  explanation: "max(0, -1) = 0 and max(0, 1) = 1."
  tests:
    - {response: {values: [0, 1]}, score: 1}
"""


def test_a_vector_item_carries_one_label_per_component() -> None:
    (item,) = load_file("vector.yaml", VECTOR)
    assert item.labels == ("x = -1", "x = 1")
    assert item.length == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (VECTOR.replace('  labels: ["x = -1", "x = 1"]\n', ""), "labels: a vector item needs"),
        (VECTOR.replace('["x = -1", "x = 1"]', '["x = -1"]'), "one label per component, 2"),
        (VECTOR.replace('["x = -1", "x = 1"]', '["x = -1", ""]'), "labels.1:"),
        (GOOD.replace("  explanation:", '  labels: ["x"]\n  explanation:'), "only a vector"),
    ],
)
def test_labels_that_do_not_fit_the_item_stop_the_load(text: str, message: str) -> None:
    with pytest.raises(BankError) as caught:
        load_file("labels.yaml", text)
    assert message in str(caught.value)


def test_every_vector_item_of_the_bank_is_labelled() -> None:
    vectors = [item for item in load_bank().items.values() if item.type == "vector"]
    assert len(vectors) >= 10
    for item in vectors:
        assert item.labels is not None, item.id
        assert len(item.labels) == item.length, item.id
    others = [item for item in load_bank().items.values() if item.type != "vector"]
    assert all(item.labels is None for item in others)


def test_variants_come_from_the_seed() -> None:
    bank = load_bank()
    family = next(iter(bank.families))
    assert bank.item(family, 5) is bank.item(family, 5)
    assert bank.item(family, 5).stem == bank.families[family].generate(5).item.stem
