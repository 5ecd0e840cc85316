"""What the LTI tool keeps while the app runs: its key, an HTTP client, the platforms' key sets
and the score publisher. Built by the router's lifespan and reached by tool_of(request)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from starlette.requests import HTTPConnection

from service.errors import NotFound, ServiceUnavailable
from service.lti import grades
from service.lti.keys import ToolKey
from service.lti.keysets import KeySets
from service.quiz import quizzes
from service.settings import Settings
from service.state import of_app

HTTP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Tool:
    settings: Settings
    key: ToolKey | None
    keysets: KeySets

    def signing_key(self) -> ToolKey:
        """The key, or a 404 saying that LTI is off on this server."""
        if self.key is None:
            raise NotFound(
                "LTI is off on this server: it has no key (start it with RELU_LTI_PRIVATE_KEY)"
            )
        return self.key


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
    """The tool for the app's lifetime; a key that cannot be read stops start-up."""
    state = of_app(app)
    settings = state.settings
    secret = settings.lti_private_key
    key = ToolKey.load(secret.get_secret_value()) if secret and secret.get_secret_value() else None
    if grades.record_score not in quizzes.FINISH_HOOKS:
        quizzes.FINISH_HOOKS.append(grades.record_score)
    async with httpx.AsyncClient(timeout=HTTP_TIMEOUT_S, follow_redirects=False) as client:
        tool = Tool(settings, key, KeySets(client, settings.lti_jwks_ttl_s))
        publishing = None
        if key is not None:
            publisher = grades.Publisher(
                state.database,
                grades.GradeClient(client, key),
                settings.lti_grade_attempts,
                settings.lti_grade_retry_s,
            )
            publishing = asyncio.create_task(publisher.run(), name="lti-score-publisher")
        try:
            yield {"lti": tool}
        finally:
            if publishing is not None:
                publishing.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await publishing


def tool_of(connection: HTTPConnection) -> Tool:
    tool = getattr(connection.state, "lti", None)
    if not isinstance(tool, Tool):
        raise ServiceUnavailable("the LTI tool is not running: the app's lifespan has not started")
    return tool
