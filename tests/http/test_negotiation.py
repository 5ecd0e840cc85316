from __future__ import annotations

import pytest

from service.errors import NotAcceptable, UnsupportedMediaType
from service.http.negotiation import body_format, response_format


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        (None, "json"),
        ("application/json", "json"),
        ("application/json; charset=utf-8", "json"),
        ("Application/X-NPY", "npy"),
        ("application/octet-stream", "raw"),
    ],
)
def test_body_format(content_type: str | None, expected: str) -> None:
    assert body_format(content_type) == expected


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_unreadable_body_format(content_type: str) -> None:
    with pytest.raises(UnsupportedMediaType):
        body_format(content_type)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("application/*", "json"),
        ("application/x-npy", "npy"),
        ("text/html, application/octet-stream;q=0.2", "raw"),
        ("application/json;q=0.1, application/x-npy;q=0.9", "npy"),
        ("application/*;q=0.3, application/x-npy", "npy"),
        ("*/*;q=0.5, application/json;q=0", "npy"),
        ("application/x-npy;q=bad, application/json;q=0.5", "json"),
    ],
)
def test_response_format(accept: str | None, expected: str) -> None:
    assert response_format(accept) == expected


@pytest.mark.parametrize(
    "accept",
    [
        "text/html",
        "image/*",
        "application/json;q=0, application/x-npy;q=0.0, application/octet-stream;q=0",
    ],
)
def test_nothing_acceptable(accept: str) -> None:
    with pytest.raises(NotAcceptable):
        response_format(accept)
