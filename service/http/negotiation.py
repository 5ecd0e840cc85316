"""Content negotiation: which format a request body is in and which one to answer in."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from service.errors import NotAcceptable, UnsupportedMediaType

Format = Literal["json", "npy", "raw"]

MEDIA_TYPES: dict[Format, str] = {
    "json": "application/json",
    "npy": "application/x-npy",
    "raw": "application/octet-stream",
}
_BY_MEDIA_TYPE = {media: fmt for fmt, media in MEDIA_TYPES.items()}


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def body_format(content_type: str | None) -> Format:
    """The format of a request body; JSON when the client names none."""
    if not content_type:
        return "json"
    media = _media_type(content_type)
    if media in _BY_MEDIA_TYPE:
        return _BY_MEDIA_TYPE[media]
    accepted = ", ".join(MEDIA_TYPES.values())
    raise UnsupportedMediaType(f"cannot read a body of type {media!r}; send one of: {accepted}")


def _quality(params: list[str]) -> float:
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                return max(0.0, min(1.0, float(value)))
            except ValueError:
                return 0.0
    return 1.0


def _matches(pattern: str, media: str) -> bool:
    if pattern in ("*/*", media):
        return True
    kind, _, sub = pattern.partition("/")
    return sub == "*" and media.startswith(kind + "/")


@lru_cache(maxsize=256)
def response_format(accept: str | None) -> Format:
    """The best format the client accepts (RFC 9110 q-values); JSON wins ties."""
    if not accept or not accept.strip():
        return "json"
    ranges = []
    for item in accept.split(","):
        media, *params = item.split(";")
        if media.strip():
            ranges.append((media.strip().lower(), _quality(params)))
    best: tuple[float, int, Format] | None = None
    for order, (fmt, media) in enumerate(MEDIA_TYPES.items()):
        # The most specific matching range decides the quality of each type.
        matching = [(p.count("*"), q) for p, q in ranges if _matches(p, media)]
        if not matching:
            continue
        q = min(matching)[1]
        if q > 0 and (best is None or (q, -order) > (best[0], -best[1])):
            best = (q, order, fmt)
    if best is None:
        offered = ", ".join(MEDIA_TYPES.values())
        raise NotAcceptable(f"cannot answer in {accept!r}; this route offers: {offered}")
    return best[2]
