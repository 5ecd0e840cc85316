"""Scores sent to platforms (LTI Assignment and Grade Services).

Finishing a launched quiz marks its score as owed, in the finishing transaction (record_score,
a hook of service.quiz.quizzes.finish), and does nothing over the network: a platform that is
down cannot fail a finish. A publisher in each process then sends owed scores: an access token
from the platform's token endpoint (client credentials with a JWT assertion, RFC 7523), then
the score to the line item. A failed attempt is logged and retried later, each wait twice the
one before (a day at most); after the last attempt, or at once on a refusal that retrying
cannot change, the score is marked failed. GET /lti/grades shows every owed score's status
and last error; POST /lti/grades/{quiz_id}/retry sends one again."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import weakref
from datetime import timedelta
from typing import Any, cast
from urllib.parse import urlsplit, urlunsplit

import httpx
from sqlalchemy import event
from sqlalchemy.orm import Session

from service.db import Database
from service.errors import Conflict, NotFound
from service.lti import claims, repository
from service.lti.keys import ToolKey
from service.lti.models import Launch as LaunchRow
from service.lti.repository import Owed
from service.lti.schemas import Grade, GradeStatus
from service.quiz.quizzes import utcnow
from service.quiz.schemas import QuizSummary

log = logging.getLogger(__name__)

SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
LEASE = timedelta(minutes=2)  # a claimed score is due again after this (its publisher died)
BATCH = 20
IDLE_S = 60.0  # the longest a publisher sleeps when nobody wakes it
MAX_WAIT_S = 86_400.0  # the longest wait between two attempts
TOKEN_MARGIN_S = 30  # an access token is renewed this long before it expires
# Answers that retrying will not change: the request itself is wrong or not allowed.
PERMANENT = {400, 403, 404, 405, 409, 410, 413, 415, 422}

_publishers: weakref.WeakSet[Publisher] = weakref.WeakSet()


def record_score(session: Session, summary: QuizSummary) -> None:
    """The finish hook: the score is owed when the quiz came from a launch that can take one.
    The publishers are woken once the transaction has committed."""
    if repository.owe_score(
        session, summary.id, summary.total, summary.maximum, summary.finished_at
    ):
        event.listen(session, "after_commit", _wake_publishers, once=True)


def _wake_publishers(session: Session) -> None:
    for publisher in list(_publishers):
        publisher.wake()


def _view(launch: LaunchRow, issuer: str) -> Grade:
    return Grade(
        quiz_id=launch.quiz_id,
        issuer=issuer,
        deployment_id=launch.deployment_id,
        user_id=str(launch.user_id),
        lineitem=str(launch.lineitem_url),
        score_given=float(launch.score_given or 0.0),
        score_maximum=float(launch.score_maximum or 0.0),
        status=cast(GradeStatus, launch.grade_status),
        attempts=launch.grade_attempts,
        last_error=launch.grade_error,
        next_attempt_at=(
            repository.aware(launch.grade_next_at)
            if launch.grade_next_at is not None and launch.grade_status == "pending"
            else None
        ),
        updated_at=repository.aware(launch.grade_updated_at or launch.created_at),
    )


def listed(session: Session, status: GradeStatus | None, limit: int) -> list[Grade]:
    return [_view(launch, issuer) for launch, issuer in repository.grades(session, status, limit)]


def retry(session: Session, quiz_id: str) -> Grade:
    """Sends the quiz's score again (a failed one, or a pending one now rather than later)."""
    found = repository.grade(session, quiz_id)
    if found is None:
        raise NotFound(f"quiz {quiz_id!r} owes no score to a platform")
    launch, issuer = found
    if launch.grade_status == "sent":
        raise Conflict(f"the score of quiz {quiz_id!r} has been sent already")
    repository.retry(session, launch, utcnow())
    event.listen(session, "after_commit", _wake_publishers, once=True)
    return _view(launch, issuer)


class PublishError(Exception):
    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def scores_url(lineitem: str) -> str:
    """The line item's scores endpoint: /scores after its path, before its query."""
    parts = urlsplit(lineitem)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/scores"))


def _refusal(what: str, response: httpx.Response) -> PublishError:
    text = " ".join(response.text.split())[:200]
    return PublishError(
        f"{what} answered {response.status_code}: {text}",
        permanent=response.status_code in PERMANENT,
    )


class GradeClient:
    """The platform's token endpoint and line items; access tokens are kept until shortly
    before they expire."""

    def __init__(self, client: httpx.AsyncClient, key: ToolKey) -> None:
        self.client = client
        self.key = key
        self._tokens: dict[tuple[str, str], tuple[str, float]] = {}

    async def _token(self, owed: Owed) -> str:
        cache_key = (owed.token_url, owed.client_id)
        kept = self._tokens.get(cache_key)
        if kept is not None and time.monotonic() < kept[1]:
            return kept[0]
        assertion = claims.client_assertion(
            self.key, owed.client_id, owed.token_url, int(time.time())
        )
        response = await self.client.post(
            owed.token_url,
            data={
                "grant_type": "client_credentials",
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion": assertion,
                "scope": claims.SCORE_SCOPE,
            },
            headers={"Accept": "application/json"},
        )
        if response.status_code != 200:
            raise _refusal("the token endpoint", response)
        try:
            body: Any = response.json()
            token = body["access_token"]
            lifetime = float(body.get("expires_in", 3600))
        except (ValueError, KeyError, TypeError):
            raise PublishError("the token endpoint's answer has no access_token") from None
        if not isinstance(token, str):
            raise PublishError("the token endpoint's access_token is not a string")
        self._tokens[cache_key] = (token, time.monotonic() + lifetime - TOKEN_MARGIN_S)
        return token

    async def publish(self, owed: Owed) -> None:
        """PublishError when the platform does not take the score."""
        try:
            token = await self._token(owed)
            response = await self.client.post(
                scores_url(owed.lineitem),
                json={
                    "userId": owed.user_id,
                    "scoreGiven": owed.score_given,
                    "scoreMaximum": owed.score_maximum,
                    "activityProgress": "Completed",
                    "gradingProgress": "FullyGraded",
                    "timestamp": repository.aware(owed.finished_at).isoformat(),
                },
                headers={"Authorization": f"Bearer {token}", "Content-Type": SCORE_TYPE},
            )
        except httpx.HTTPError as exc:
            raise PublishError(
                f"the platform could not be reached ({type(exc).__name__})"
            ) from None
        if response.status_code == 401:
            self._tokens.pop((owed.token_url, owed.client_id), None)  # taken back: ask again
        if response.status_code not in (200, 201, 202, 204):
            raise _refusal("the line item's scores endpoint", response)


class Publisher:
    """Sends the owed scores of one database, as they fall due."""

    def __init__(
        self, database: Database, client: GradeClient, attempts: int, retry_s: float
    ) -> None:
        self.database = database
        self.client = client
        self.attempts = attempts
        self.retry_s = retry_s
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def wake(self) -> None:
        """Publish now (from any thread: a finish may commit in a worker thread)."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        _publishers.add(self)
        try:
            while True:
                try:
                    delay = await self.publish_due()
                except Exception:
                    log.exception("publishing scores failed; trying again shortly")
                    delay = min(self.retry_s, IDLE_S)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), delay)
                self._wake.clear()
        finally:
            _publishers.discard(self)

    async def publish_due(self) -> float:
        """Sends what is due; the seconds until the next score falls due."""
        now = utcnow()
        owed = await self.database.transaction(
            lambda session: repository.claim_due(session, now, now + LEASE, BATCH)
        )
        for one in owed:
            await self._attempt(one)
        if len(owed) == BATCH:
            return 0.0
        due = await self.database.transaction(repository.next_due)
        if due is None:
            return IDLE_S
        return min(max((repository.aware(due) - utcnow()).total_seconds(), 0.0), IDLE_S)

    async def _attempt(self, owed: Owed) -> None:
        status, error, next_at = "sent", None, None
        try:
            await self.client.publish(owed)
        except PublishError as exc:
            error = str(exc)
            if exc.permanent or owed.attempt >= self.attempts:
                status = "failed"
            else:
                status = "pending"
                wait = min(self.retry_s * 2 ** (owed.attempt - 1), MAX_WAIT_S)
                next_at = utcnow() + timedelta(seconds=wait)
        fields = {
            "quiz_id": owed.quiz_id,
            "issuer": owed.issuer,
            "attempt": owed.attempt,
            "grade_status": status,
        }
        if error is None:
            log.info("score sent to the platform", extra={"fields": fields})
        else:
            log.log(
                logging.ERROR if status == "failed" else logging.WARNING,
                "score not sent (attempt %d of %d, %s): %s",
                owed.attempt,
                self.attempts,
                "marked failed" if status == "failed" else "to be retried",
                error,
                extra={"fields": {**fields, "error": error}},
            )
        await self.database.transaction(
            lambda session: repository.record_attempt(
                session, owed, status, error, next_at, utcnow()
            )
        )
