"""The routes nearest to a request that matched none, for the 404 that answers it."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Mapping
from typing import Any

# At most this many suggestions, and none less alike than this.
SHOWN = 2
CUTOFF = 0.75


def _holes(operations: Mapping[str, Any]) -> dict[str, list[str] | None]:
    """Each path parameter of the route, with the values its schema allows (None: any)."""
    holes: dict[str, list[str] | None] = {}
    for operation in operations.values():
        for parameter in operation.get("parameters", []):
            if parameter.get("in") == "path":
                enum = parameter.get("schema", {}).get("enum")
                holes[parameter["name"]] = [str(v) for v in enum] if enum else None
    return holes


def _filled(template: str, holes: Mapping[str, list[str] | None], segments: list[str]) -> list[str]:
    """The template with its parameters filled from the request: a parameter with allowed
    values by any segment that is one of them, any other by the segment at its place
    (/v1/functions/{name}/value for /v1/leaky_relu: /v1/functions/leaky_relu/value)."""
    parts = template.strip("/").split("/")
    choices = []
    for index, part in enumerate(parts):
        name = part[1:-1] if part.startswith("{") else None
        if name is None:
            choices.append([part])
            continue
        allowed = holes.get(name)
        if allowed is not None:
            choices.append([s for s in segments if s in allowed] or allowed[:1])
        else:
            choices.append([segments[index]] if index < len(segments) else [part])
    return ["/" + "/".join(parts) for parts in itertools.product(*choices)]


def _score(path: str, candidate: str, segments: list[str]) -> float:
    """Alike as text, and more alike the more of the request's segments it keeps."""
    kept = set(candidate.strip("/").split("/"))
    shared = sum(segment in kept for segment in segments) / max(1, len(segments))
    return difflib.SequenceMatcher(None, path, candidate).ratio() + shared / 2


def nearest(paths: Mapping[str, Mapping[str, Any]], method: str, path: str) -> list[str]:
    """Up to SHOWN routes ("POST /v1/relu") most like the request, from the "paths" of an
    OpenAPI document; a route that takes the request's method counts as more alike."""
    segments = [s for s in path.strip("/").split("/") if s]
    scored: dict[str, float] = {}
    for template, operations in paths.items():
        holes = _holes(operations)
        for candidate in _filled(template, holes, segments):
            for verb in operations:
                score = _score(path, candidate, segments) + (0.2 if verb.upper() == method else 0)
                key = f"{verb.upper()} {candidate}"
                scored[key] = max(score, scored.get(key, 0.0))
    ranked = sorted(scored, key=lambda key: -scored[key])
    return [key for key in ranked[:SHOWN] if scored[key] >= CUTOFF]
