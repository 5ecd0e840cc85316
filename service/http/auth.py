"""The service's two credentials, as OpenAPI security schemes: a quiz's bearer token and the
admin API key, both sent as Authorization: Bearer <secret>.

Declaring them as schemes (rather than as an `authorization` header parameter) is what puts
them in the document's components.securitySchemes and each operation's `security`, so that
Swagger's Authorize button and generated clients know to send them.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service.errors import Unauthorized
from service.settings import Settings
from service.state import state_of

QUIZ_TOKEN = "quizToken"
LEARNER_TOKEN = "learnerToken"
ADMIN_KEY = "adminKey"

_quiz = HTTPBearer(
    scheme_name=QUIZ_TOKEN,
    description="the `token` of POST /v1/quizzes, for the calls on that quiz",
    auto_error=False,
)
_learner = HTTPBearer(
    scheme_name=LEARNER_TOKEN,
    description="the `token` of POST /v1/learners, for the learner's calls",
    auto_error=False,
)
_admin = HTTPBearer(
    scheme_name=ADMIN_KEY,
    description="the server's RELU_ADMIN_API_KEY: item statistics, and an examiner's quizzes",
    auto_error=False,
)
Credentials = HTTPAuthorizationCredentials | None


async def quiz_token(credentials: Annotated[Credentials, Depends(_quiz)]) -> str:
    if credentials is None or not credentials.credentials.strip():
        raise Unauthorized("send the quiz's token as Authorization: Bearer <token>")
    return credentials.credentials.strip()


async def learner_token(credentials: Annotated[Credentials, Depends(_learner)]) -> str:
    if credentials is None or not credentials.credentials.strip():
        raise Unauthorized("send the learner's token as Authorization: Bearer <token>")
    return credentials.credentials.strip()


async def maybe_learner_token(credentials: Annotated[Credentials, Depends(_learner)]) -> str | None:
    """The bearer secret, if any, for a route that a learner's token may open."""
    return credentials.credentials.strip() if credentials is not None else None


def _is_admin(settings: Settings, credentials: Credentials) -> bool:
    key = settings.admin_api_key
    return (
        key is not None
        and bool(key.get_secret_value())
        and credentials is not None
        and hmac.compare_digest(
            credentials.credentials.strip().encode(), key.get_secret_value().encode()
        )
    )


async def maybe_admin(
    request: Request, credentials: Annotated[Credentials, Depends(_admin)]
) -> bool:
    """Whether the caller sent the admin key (an examiner); anyone else is a learner."""
    return _is_admin(state_of(request).settings, credentials)


async def admin(request: Request, credentials: Annotated[Credentials, Depends(_admin)]) -> None:
    """The admin key, or 401."""
    key = state_of(request).settings.admin_api_key
    if key is None or not key.get_secret_value():
        raise Unauthorized(
            "this server has no admin API key, so this route is closed: start it with "
            "RELU_ADMIN_API_KEY set, and send that key as Authorization: Bearer <key>"
        )
    if not _is_admin(state_of(request).settings, credentials):
        raise Unauthorized("send the admin API key as Authorization: Bearer <key>")


QuizToken = Annotated[str, Depends(quiz_token)]
LearnerToken = Annotated[str, Depends(learner_token)]
MaybeLearnerToken = Annotated[str | None, Depends(maybe_learner_token)]
MaybeAdmin = Annotated[bool, Depends(maybe_admin)]
