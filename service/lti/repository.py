"""Every query of LTI, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.orm import Session

from service.lti.models import Deployment, Launch, Login, Platform


def _rowcount(result: Any) -> int:
    return cast(CursorResult[Any], result).rowcount


def aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; every stored one is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# --- platforms ------------------------------------------------------------------------------


def platforms(session: Session) -> Sequence[Platform]:
    return session.scalars(select(Platform).order_by(Platform.id)).all()


def platforms_of(session: Session, issuer: str, client_id: str | None) -> Sequence[Platform]:
    """The registrations of an issuer (of one client id, when given)."""
    query = select(Platform).where(Platform.issuer == issuer)
    if client_id is not None:
        query = query.where(Platform.client_id == client_id)
    return session.scalars(query.order_by(Platform.id)).all()


def platform(session: Session, platform_id: int) -> Platform | None:
    return session.get(Platform, platform_id)


def save_platform(
    session: Session, fields: dict[str, Any], deployment_ids: Sequence[str]
) -> tuple[Platform, bool]:
    """The registration of (issuer, client_id), created or with its URLs and deployments
    replaced; the flag says whether it is new. The row is locked while it is replaced."""
    found = session.scalars(
        select(Platform)
        .where(Platform.issuer == fields["issuer"], Platform.client_id == fields["client_id"])
        .with_for_update()
    ).one_or_none()
    row = found or Platform(**fields)
    for name, value in fields.items():
        if name != "created_at":
            setattr(row, name, value)
    wanted = list(dict.fromkeys(deployment_ids))
    kept = [d for d in row.deployments if d.deployment_id in wanted]
    have = {d.deployment_id for d in kept}
    row.deployments = kept + [Deployment(deployment_id=d) for d in wanted if d not in have]
    session.add(row)
    session.flush()
    return row, found is None


# --- logins ---------------------------------------------------------------------------------


def add_login(session: Session, login: Login, now: datetime) -> None:
    """A new login, and the expired ones gone."""
    session.execute(delete(Login).where(Login.expires_at < now))
    session.add(login)
    session.flush()


def login(session: Session, state: str) -> Login | None:
    return session.get(Login, state)


def use_login(session: Session, state: str) -> bool:
    """Deletes the login; False when it is already gone (used by another request)."""
    return _rowcount(session.execute(delete(Login).where(Login.state == state))) == 1


# --- launches and their grades --------------------------------------------------------------


def add_launch(session: Session, launch: Launch) -> None:
    session.add(launch)
    session.flush()


def owe_score(
    session: Session, quiz_id: str, given: float, maximum: float, finished_at: datetime
) -> bool:
    """Marks the quiz's score as owed to its platform, when it came from a launch that can
    take one (a line item and a user); False otherwise."""
    result = session.execute(
        update(Launch)
        .where(
            Launch.quiz_id == quiz_id,
            Launch.lineitem_url.is_not(None),
            Launch.user_id.is_not(None),
        )
        .values(
            score_given=given,
            score_maximum=maximum,
            finished_at=finished_at,
            grade_status="pending",
            grade_attempts=0,
            grade_next_at=finished_at,
            grade_updated_at=finished_at,
            grade_error=None,
        )
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result) == 1


@dataclass(frozen=True)
class Owed:
    """A score to publish now, with what publishing it needs."""

    quiz_id: str
    attempt: int
    issuer: str
    client_id: str
    token_url: str
    lineitem: str
    user_id: str
    score_given: float
    score_maximum: float
    finished_at: datetime


def claim_due(session: Session, now: datetime, lease_until: datetime, limit: int) -> list[Owed]:
    """Up to `limit` scores due by `now`, each claimed by raising its attempt count from the
    value read (so that of several publishers exactly one takes it) and not due again before
    `lease_until` (so that a publisher that dies leaves it to the others)."""
    rows = session.execute(
        select(Launch, Platform)
        .join(Platform, Platform.id == Launch.platform_id)
        .where(Launch.grade_status == "pending", Launch.grade_next_at <= now)
        .order_by(Launch.grade_next_at)
        .limit(limit)
    ).all()
    claimed = []
    for launch, platform_row in rows:
        seen = launch.grade_attempts
        result = session.execute(
            update(Launch)
            .where(
                Launch.quiz_id == launch.quiz_id,
                Launch.grade_status == "pending",
                Launch.grade_attempts == seen,
            )
            .values(grade_attempts=seen + 1, grade_next_at=lease_until)
            .execution_options(synchronize_session=False)
        )
        if _rowcount(result) == 1:
            claimed.append(
                Owed(
                    quiz_id=launch.quiz_id,
                    attempt=seen + 1,
                    issuer=platform_row.issuer,
                    client_id=platform_row.client_id,
                    token_url=platform_row.token_url,
                    lineitem=str(launch.lineitem_url),
                    user_id=str(launch.user_id),
                    score_given=float(launch.score_given or 0.0),
                    score_maximum=float(launch.score_maximum or 0.0),
                    finished_at=cast(datetime, launch.finished_at),
                )
            )
    return claimed


def record_attempt(
    session: Session,
    owed: Owed,
    status: str,
    error: str | None,
    next_at: datetime | None,
    now: datetime,
) -> None:
    """The outcome of an attempt, unless the row has been claimed or reset since."""
    session.execute(
        update(Launch)
        .where(
            Launch.quiz_id == owed.quiz_id,
            Launch.grade_status == "pending",
            Launch.grade_attempts == owed.attempt,
        )
        .values(grade_status=status, grade_error=error, grade_next_at=next_at, grade_updated_at=now)
        .execution_options(synchronize_session=False)
    )


def next_due(session: Session) -> datetime | None:
    """When the earliest pending score is due."""
    return session.scalar(
        select(func.min(Launch.grade_next_at)).where(Launch.grade_status == "pending")
    )


def grades(session: Session, status: str | None, limit: int) -> Sequence[tuple[Launch, str]]:
    """Owed scores with their platform's issuer, the latest change first."""
    query = (
        select(Launch, Platform.issuer)
        .join(Platform, Platform.id == Launch.platform_id)
        .where(Launch.grade_status.is_not(None))
    )
    if status is not None:
        query = query.where(Launch.grade_status == status)
    query = query.order_by(Launch.grade_updated_at.desc(), Launch.quiz_id).limit(limit)
    return [(launch, issuer) for launch, issuer in session.execute(query).all()]


def grade(session: Session, quiz_id: str) -> tuple[Launch, str] | None:
    row = session.execute(
        select(Launch, Platform.issuer)
        .join(Platform, Platform.id == Launch.platform_id)
        .where(Launch.quiz_id == quiz_id, Launch.grade_status.is_not(None))
        .with_for_update(of=Launch)
    ).one_or_none()
    return (row[0], row[1]) if row is not None else None


def retry(session: Session, launch: Launch, now: datetime) -> None:
    launch.grade_status = "pending"
    launch.grade_attempts = 0
    launch.grade_next_at = now
    launch.grade_updated_at = now
    launch.grade_error = None
    session.flush()
