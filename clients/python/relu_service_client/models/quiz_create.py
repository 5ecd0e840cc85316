from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.quiz_create_reveal_type_0 import QuizCreateRevealType0, check_quiz_create_reveal_type_0
from ..types import UNSET, Unset

T = TypeVar("T", bound="QuizCreate")


@_attrs_define
class QuizCreate:
    """
    Attributes:
        topics (list[str] | None | Unset): only items with one of these topics
        min_difficulty (int | None | Unset):
        max_difficulty (int | None | Unset):
        types (list[str] | None | Unset): only items of these answer types
        size (int | Unset): number of items Default: 10.
        seed (int | None | Unset): the same seed and filters give the same quiz; in exam mode only the examiner (the
            admin key) may set it, and max_tries, reveal, penalty and hint_penalty
        max_tries (int | Unset): tries per item Default: 1.
        reveal (None | QuizCreateRevealType0 | Unset): when keys, explanations and written feedback show: after_answer
            (once an item is closed), after_finish, or never; by default after_answer, and after_finish on a deployment in
            exam mode (GET /v1/config)
        penalty (float | Unset): share of an item's points lost per wrong try before a try Default: 0.3333333333333333.
        hint_penalty (float | Unset): share of an item's points lost per hint taken before a try Default: 0.1.
        time_limit_s (int | None | Unset): seconds to answer
        learner_id (None | str | Unset): the learner whose quiz this is (POST /v1/learners); send the learner's token as
            Authorization: Bearer <token>. Its answers then count for the learner.
        item_ids (list[str] | None | Unset): exactly these items of the bank, in this order, each at most once (a
            generated family draws a new variant); not with size, topics, min_difficulty, max_difficulty or types
    """

    topics: list[str] | None | Unset = UNSET
    min_difficulty: int | None | Unset = UNSET
    max_difficulty: int | None | Unset = UNSET
    types: list[str] | None | Unset = UNSET
    size: int | Unset = 10
    seed: int | None | Unset = UNSET
    max_tries: int | Unset = 1
    reveal: None | QuizCreateRevealType0 | Unset = UNSET
    penalty: float | Unset = 0.3333333333333333
    hint_penalty: float | Unset = 0.1
    time_limit_s: int | None | Unset = UNSET
    learner_id: None | str | Unset = UNSET
    item_ids: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        topics: list[str] | None | Unset
        if isinstance(self.topics, Unset):
            topics = UNSET
        elif isinstance(self.topics, list):
            topics = self.topics

        else:
            topics = self.topics

        min_difficulty: int | None | Unset
        if isinstance(self.min_difficulty, Unset):
            min_difficulty = UNSET
        else:
            min_difficulty = self.min_difficulty

        max_difficulty: int | None | Unset
        if isinstance(self.max_difficulty, Unset):
            max_difficulty = UNSET
        else:
            max_difficulty = self.max_difficulty

        types: list[str] | None | Unset
        if isinstance(self.types, Unset):
            types = UNSET
        elif isinstance(self.types, list):
            types = self.types

        else:
            types = self.types

        size = self.size

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        max_tries = self.max_tries

        reveal: None | str | Unset
        if isinstance(self.reveal, Unset):
            reveal = UNSET
        elif isinstance(self.reveal, str):
            reveal = self.reveal
        else:
            reveal = self.reveal

        penalty = self.penalty

        hint_penalty = self.hint_penalty

        time_limit_s: int | None | Unset
        if isinstance(self.time_limit_s, Unset):
            time_limit_s = UNSET
        else:
            time_limit_s = self.time_limit_s

        learner_id: None | str | Unset
        if isinstance(self.learner_id, Unset):
            learner_id = UNSET
        else:
            learner_id = self.learner_id

        item_ids: list[str] | None | Unset
        if isinstance(self.item_ids, Unset):
            item_ids = UNSET
        elif isinstance(self.item_ids, list):
            item_ids = self.item_ids

        else:
            item_ids = self.item_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if topics is not UNSET:
            field_dict["topics"] = topics
        if min_difficulty is not UNSET:
            field_dict["min_difficulty"] = min_difficulty
        if max_difficulty is not UNSET:
            field_dict["max_difficulty"] = max_difficulty
        if types is not UNSET:
            field_dict["types"] = types
        if size is not UNSET:
            field_dict["size"] = size
        if seed is not UNSET:
            field_dict["seed"] = seed
        if max_tries is not UNSET:
            field_dict["max_tries"] = max_tries
        if reveal is not UNSET:
            field_dict["reveal"] = reveal
        if penalty is not UNSET:
            field_dict["penalty"] = penalty
        if hint_penalty is not UNSET:
            field_dict["hint_penalty"] = hint_penalty
        if time_limit_s is not UNSET:
            field_dict["time_limit_s"] = time_limit_s
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if item_ids is not UNSET:
            field_dict["item_ids"] = item_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_topics(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                topics_type_0 = cast(list[str], data)

                return topics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        topics = _parse_topics(d.pop("topics", UNSET))

        def _parse_min_difficulty(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_difficulty = _parse_min_difficulty(d.pop("min_difficulty", UNSET))

        def _parse_max_difficulty(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_difficulty = _parse_max_difficulty(d.pop("max_difficulty", UNSET))

        def _parse_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                types_type_0 = cast(list[str], data)

                return types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        types = _parse_types(d.pop("types", UNSET))

        size = d.pop("size", UNSET)

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        max_tries = d.pop("max_tries", UNSET)

        def _parse_reveal(data: object) -> None | QuizCreateRevealType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reveal_type_0 = check_quiz_create_reveal_type_0(data)

                return reveal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuizCreateRevealType0 | Unset, data)

        reveal = _parse_reveal(d.pop("reveal", UNSET))

        penalty = d.pop("penalty", UNSET)

        hint_penalty = d.pop("hint_penalty", UNSET)

        def _parse_time_limit_s(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        time_limit_s = _parse_time_limit_s(d.pop("time_limit_s", UNSET))

        def _parse_learner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        learner_id = _parse_learner_id(d.pop("learner_id", UNSET))

        def _parse_item_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                item_ids_type_0 = cast(list[str], data)

                return item_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        item_ids = _parse_item_ids(d.pop("item_ids", UNSET))

        quiz_create = cls(
            topics=topics,
            min_difficulty=min_difficulty,
            max_difficulty=max_difficulty,
            types=types,
            size=size,
            seed=seed,
            max_tries=max_tries,
            reveal=reveal,
            penalty=penalty,
            hint_penalty=hint_penalty,
            time_limit_s=time_limit_s,
            learner_id=learner_id,
            item_ids=item_ids,
        )

        return quiz_create
