"""The response models (the document's shapes) and the server's reader agree."""

from __future__ import annotations

from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.core.taxonomy import ANSWER_TYPES
from service.quiz.responses import ITEM_RESPONSE


def test_each_response_model_reads_what_parse_reads() -> None:
    """Each key of the bank, in its revealed shape, is a valid response model and parses
    back to the key."""
    bank = load_bank()
    seen = set()
    every = [*bank.items.values(), *(bank.item(f, seed) for f in bank.families for seed in (1, 2))]
    for item in every:
        shown = {"type": item.type, **answers.to_json(item.key)}
        model = ITEM_RESPONSE.validate_python(shown)
        assert model.model_dump(exclude_unset=True) == shown
        assert answers.parse(item.type, shown, item.choice_ids, item.length) == item.key, item.id
        seen.add(item.type)
    assert seen == set(ANSWER_TYPES)
