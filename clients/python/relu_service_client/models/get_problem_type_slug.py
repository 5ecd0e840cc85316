from typing import Literal

GetProblemTypeSlug = Literal[
    "bad-gateway",
    "bad-request",
    "conflict",
    "gone",
    "headers-too-large",
    "internal-error",
    "launch-refused",
    "method-not-allowed",
    "not-acceptable",
    "not-found",
    "payload-too-large",
    "request-timeout",
    "service-unavailable",
    "too-many-requests",
    "unauthorized",
    "unsupported-media-type",
    "validation-error",
]

GET_PROBLEM_TYPE_SLUG_VALUES: set[GetProblemTypeSlug] = {
    "bad-gateway",
    "bad-request",
    "conflict",
    "gone",
    "headers-too-large",
    "internal-error",
    "launch-refused",
    "method-not-allowed",
    "not-acceptable",
    "not-found",
    "payload-too-large",
    "request-timeout",
    "service-unavailable",
    "too-many-requests",
    "unauthorized",
    "unsupported-media-type",
    "validation-error",
}


def check_get_problem_type_slug(value: str) -> GetProblemTypeSlug:
    if value in GET_PROBLEM_TYPE_SLUG_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PROBLEM_TYPE_SLUG_VALUES!r}")
