"""Take a whole quiz against a running server: start it, answer every item with a response
of the item's type, finish it, and print the score and the feedback.

    python clients/python/examples/take_quiz.py --base-url http://127.0.0.1:8000 --size 5
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TypeVar, assert_never

from relu_service_client import AuthenticatedClient, Client
from relu_service_client.api.quiz import answer_item, create_quiz, finish_quiz
from relu_service_client.models import (
    AnswerResult,
    AnswerSubmit,
    IntervalResponse,
    MultipleChoiceResponse,
    NumericResponse,
    OneSidedPairResponse,
    PointSetResponse,
    PublicItem,
    QuizCreate,
    QuizCreated,
    QuizSummary,
    SingleChoiceResponse,
    TrueFalseResponse,
    VectorResponse,
)
from relu_service_client.types import Response

T = TypeVar("T")
Answer = (
    SingleChoiceResponse
    | MultipleChoiceResponse
    | TrueFalseResponse
    | NumericResponse
    | IntervalResponse
    | PointSetResponse
    | OneSidedPairResponse
    | VectorResponse
)


def response_for(item: PublicItem) -> Answer:
    """A well-formed response to the item (not necessarily a right one)."""
    first = item.choices[0].id if item.choices else ""
    match item.type_:
        case "single_choice":
            return SingleChoiceResponse(type_=item.type_, choice=first)
        case "multiple_choice":
            return MultipleChoiceResponse(type_=item.type_, choices=[first] if first else [])
        case "true_false":
            return TrueFalseResponse(type_=item.type_, value=False)
        case "numeric":
            return NumericResponse(type_=item.type_, value=0.0)
        case "interval":
            return IntervalResponse(type_=item.type_, lower=0.0, upper=1.0)
        case "point_set":
            return PointSetResponse(type_=item.type_, values=[0.0])
        case "one_sided_pair":
            return OneSidedPairResponse(type_=item.type_, left=0.0, right=1.0)
        case "vector":
            length = item.length if isinstance(item.length, int) else 0
            return VectorResponse(type_=item.type_, values=[0.0] * length)
        case _:
            assert_never(item.type_)


def expect(response: Response[Any], kind: type[T]) -> T:
    """The parsed body of a call that succeeded; otherwise exit with the service's answer."""
    if not isinstance(response.parsed, kind):
        problem = response.content.decode(errors="replace")
        raise SystemExit(f"{int(response.status_code)}: {problem}")
    return response.parsed


def first_line(text: str, width: int = 72) -> str:
    line = text.split("\n", 1)[0]
    return line if len(line) <= width else line[: width - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(description="Take a whole quiz against a running server.")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--size", type=int, default=5)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()

    # Anyone may start a quiz. The document lists the admin key as an option here (an
    # examiner's quiz), and the generator asks for an AuthenticatedClient wherever a key is
    # listed at all, so a learner's plain Client needs the ignore.
    with Client(base_url=args.base_url) as anyone:
        body = QuizCreate(size=args.size, seed=args.seed)
        created = create_quiz.sync_detailed(client=anyone, body=body)  # type: ignore[arg-type]
    quiz = expect(created, QuizCreated)
    print(f"quiz {quiz.id}: {len(quiz.items)} items, {quiz.max_tries} tries each")

    # Every call on the quiz carries its token.
    with AuthenticatedClient(base_url=args.base_url, token=quiz.token) as client:
        for item in quiz.items:
            response = response_for(item)
            answered = answer_item.sync_detailed(quiz.id, client=client, body=AnswerSubmit(item.position, response))
            result = expect(answered, AnswerResult)
            print(f"{item.position}. [{item.type_}] {first_line(item.stem)}")
            shown = json.dumps(response.to_dict(), separators=(",", ":"))
            print(f"   answered {shown}: {result.score:g} of {result.max_score:g}")
            print(f"   {first_line(result.feedback)}")

        summary = expect(finish_quiz.sync_detailed(quiz.id, client=client), QuizSummary)
    for topic in summary.topics:
        print(f"{topic.topic}: {topic.score:g} of {topic.max_score:g}")
    percent = round(summary.fraction * 100)
    print(f"finished: {summary.total:g} of {summary.maximum:g} points ({percent}%)")


if __name__ == "__main__":
    main()
