from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.misconception_progress import MisconceptionProgress
    from ..models.review import Review
    from ..models.topic_progress import TopicProgress


T = TypeVar("T", bound="Progress")


@_attrs_define
class Progress:
    """
    Attributes:
        learner_id (str):
        answers (int): graded tries, in quizzes and practice
        topics (list[TopicProgress]):
        misconceptions (list[MisconceptionProgress]):
        reviews_due (int): how many reviews are due now
        reviews (list[Review]): every scheduled review, soonest first
    """

    learner_id: str
    answers: int
    topics: list[TopicProgress]
    misconceptions: list[MisconceptionProgress]
    reviews_due: int
    reviews: list[Review]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        learner_id = self.learner_id

        answers = self.answers

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.to_dict()
            topics.append(topics_item)

        misconceptions = []
        for misconceptions_item_data in self.misconceptions:
            misconceptions_item = misconceptions_item_data.to_dict()
            misconceptions.append(misconceptions_item)

        reviews_due = self.reviews_due

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "learner_id": learner_id,
                "answers": answers,
                "topics": topics,
                "misconceptions": misconceptions,
                "reviews_due": reviews_due,
                "reviews": reviews,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.misconception_progress import MisconceptionProgress  # noqa: PLC0415
        from ..models.review import Review  # noqa: PLC0415
        from ..models.topic_progress import TopicProgress  # noqa: PLC0415

        d = dict(src_dict)
        learner_id = d.pop("learner_id")

        answers = d.pop("answers")

        topics = []
        _topics = d.pop("topics")
        for topics_item_data in _topics:
            topics_item = TopicProgress.from_dict(topics_item_data)

            topics.append(topics_item)

        misconceptions = []
        _misconceptions = d.pop("misconceptions")
        for misconceptions_item_data in _misconceptions:
            misconceptions_item = MisconceptionProgress.from_dict(misconceptions_item_data)

            misconceptions.append(misconceptions_item)

        reviews_due = d.pop("reviews_due")

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = Review.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        progress = cls(
            learner_id=learner_id,
            answers=answers,
            topics=topics,
            misconceptions=misconceptions,
            reviews_due=reviews_due,
            reviews=reviews,
        )

        progress.additional_properties = d
        return progress

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
