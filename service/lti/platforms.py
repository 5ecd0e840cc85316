"""Registering platforms (the admin's route and `python -m service lti-register`)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.errors import Conflict
from service.lti import repository
from service.lti.models import Platform as PlatformRow
from service.lti.schemas import Platform, PlatformRegistration
from service.quiz.quizzes import utcnow


def view(row: PlatformRow) -> Platform:
    return Platform(
        id=row.id,
        issuer=row.issuer,
        client_id=row.client_id,
        deployment_ids=[d.deployment_id for d in row.deployments],
        auth_login_url=row.auth_login_url,
        token_url=row.token_url,
        jwks_url=row.jwks_url,
        created_at=repository.aware(row.created_at),
    )


def register(session: Session, body: PlatformRegistration) -> tuple[Platform, bool]:
    """The platform registered, or its registration replaced when (issuer, client_id) is
    known already; the flag says whether it is new."""
    fields = body.model_dump(exclude={"deployment_ids"})
    try:
        row, created = repository.save_platform(
            session, {**fields, "created_at": utcnow()}, body.deployment_ids
        )
    except IntegrityError:
        # Two requests registered the same platform at once; the database let one through.
        raise Conflict("the platform is being registered by another request; try again") from None
    return view(row), created


def listed(session: Session) -> list[Platform]:
    return [view(row) for row in repository.platforms(session)]
