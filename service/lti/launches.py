"""OIDC login initiation and the launch: a resource-link launch starts a quiz, a deep-linking
request opens the form that chooses one. Every refusal is a LaunchRefused that says why."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from service.core.errors import Invalid
from service.db import Database
from service.errors import BadGateway, LaunchRefused, validated
from service.lti import claims, repository
from service.lti.claims import Refused
from service.lti.keysets import Unreachable
from service.lti.models import Launch, Login
from service.lti.runtime import Tool
from service.quiz import starting
from service.quiz.bank import Bank
from service.quiz.quizzes import utcnow
from service.quiz.schemas import QuizCreate, QuizCreated

LOGIN_TTL = timedelta(minutes=10)
STATE_COOKIE = "lti1p3-state-"  # + the state: a browser may run several logins at once
NEW_WINDOW = (
    "; a browser that blocks the tool's cookies in a frame needs the tool opened in a new window"
)


def state_cookie(state: str) -> str:
    return STATE_COOKIE + state


@dataclass(frozen=True)
class Registered:
    """A platform as a login or a launch needs it, read in one transaction."""

    id: int
    issuer: str
    client_id: str
    auth_login_url: str
    jwks_url: str
    deployment_ids: frozenset[str]


def _registered(session: Session, platform_id: int) -> Registered | None:
    row = repository.platform(session, platform_id)
    if row is None:
        return None
    return Registered(
        row.id,
        row.issuer,
        row.client_id,
        row.auth_login_url,
        row.jwks_url,
        frozenset(d.deployment_id for d in row.deployments),
    )


# --- login initiation -----------------------------------------------------------------------


def _begin(session: Session, params: Mapping[str, str]) -> tuple[Registered, Login]:
    issuer, client_id = params["iss"], params.get("client_id") or None
    found = repository.platforms_of(session, issuer, client_id)
    if not found:
        raise LaunchRefused(
            f"no platform {issuer!r}"
            + (f" with client id {client_id!r}" if client_id else "")
            + " is registered with this tool"
        )
    if len(found) > 1:
        raise LaunchRefused(
            f"{issuer!r} is registered with several client ids; the login must name its client_id"
        )
    platform = _registered(session, found[0].id)
    assert platform is not None
    deployment = params.get("lti_deployment_id")
    if deployment and deployment not in platform.deployment_ids:
        raise LaunchRefused(f"deployment {deployment!r} is not registered for this platform")
    now = utcnow()
    login = Login(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        platform_id=platform.id,
        expires_at=now + LOGIN_TTL,
    )
    repository.add_login(session, login, now)
    return platform, login


async def login(database: Database, params: Mapping[str, str], launch_url: str) -> tuple[str, str]:
    """The platform's authorization URL to send the browser to, and the login's state (for
    the browser's cookie)."""
    missing = [name for name in ("iss", "login_hint", "target_link_uri") if not params.get(name)]
    if missing:
        raise LaunchRefused(f"the login initiation has no {' and no '.join(missing)}")
    platform, begun = await database.transaction(lambda session: _begin(session, params))
    query = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": platform.client_id,
        "redirect_uri": launch_url,
        "login_hint": params["login_hint"],
        "state": begun.state,
        "nonce": begun.nonce,
    }
    if params.get("lti_message_hint"):
        query["lti_message_hint"] = params["lti_message_hint"]
    separator = "&" if "?" in platform.auth_login_url else "?"
    return platform.auth_login_url + separator + urlencode(query), begun.state


# --- the launch -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Started:
    """A resource-link launch: the learner's new quiz."""

    quiz: QuizCreated


@dataclass(frozen=True)
class Choosing:
    """A deep-linking request: the context the form carries, signed by the tool."""

    context: str


def _waiting(session: Session, state: str) -> tuple[Registered, str, datetime] | None:
    found = repository.login(session, state)
    if found is None:
        return None
    platform = _registered(session, found.platform_id)
    if platform is None:
        return None
    return platform, found.nonce, repository.aware(found.expires_at)


def quiz_request(custom: Mapping[str, str]) -> QuizCreate:
    """The quiz a resource link's custom parameters describe (deep_linking.py writes them)."""
    fields: dict[str, object] = {
        k: custom[k] for k in ("size", "max_tries", "reveal") if k in custom
    }
    if custom.get("topics"):
        fields["topics"] = [t.strip() for t in custom["topics"].split(",") if t.strip()]
    return validated(QuizCreate, fields, "custom")


def _use(session: Session, state: str) -> None:
    if not repository.use_login(session, state):
        raise LaunchRefused("this login has been used by another launch (a replay?)")


def _start(
    session: Session,
    bank: Bank,
    deployment: starting.Deployment,
    platform: Registered,
    launch: claims.Launch,
    state: str,
) -> QuizCreated:
    _use(session, state)
    try:
        created = starting.create_quiz(
            session, bank, quiz_request(launch.custom), deployment, examiner=True
        )
    except Invalid as exc:
        raise exc.within("custom") from None
    now = utcnow()
    repository.add_launch(
        session,
        Launch(
            quiz_id=created.id,
            platform_id=platform.id,
            deployment_id=launch.deployment_id,
            resource_link_id=str(launch.resource_link_id),
            user_id=launch.subject,
            lineitem_url=launch.lineitem,
            created_at=now,
            grade_attempts=0,
        ),
    )
    return created


async def launch(
    tool: Tool, database: Database, bank: Bank, form: Mapping[str, str], cookies: Mapping[str, str]
) -> Started | Choosing:
    """Checks the launch (state, cookie, id_token) and acts on it. The login is used up in the
    transaction that starts the quiz, so a replayed launch starts nothing."""
    if form.get("error"):
        raise LaunchRefused(
            f"the platform answered the login with {form['error']}: "
            f"{form.get('error_description', '')}".rstrip(": ")
        )
    state, token = form.get("state"), form.get("id_token")
    if not state:
        raise LaunchRefused("the launch has no state")
    if not token:
        raise LaunchRefused("the launch has no id_token")
    cookie = cookies.get(state_cookie(state), "")
    if not hmac.compare_digest(cookie.encode(), state.encode()):
        raise LaunchRefused("this browser did not begin this login: no state cookie" + NEW_WINDOW)
    waiting = await database.transaction(lambda session: _waiting(session, state))
    if waiting is None:
        raise LaunchRefused("no login waits with this state: it was used already, or never begun")
    platform, nonce, expires_at = waiting
    if utcnow() > expires_at:
        raise LaunchRefused("the login has expired; launch again from the course")
    expected = claims.Expected(platform.issuer, platform.client_id, nonce, platform.deployment_ids)
    try:
        key = await tool.keysets.key(platform.jwks_url, claims.key_id(token))
        verified = claims.verify(token, key, expected, tool.settings.lti_leeway_s)
    except Refused as exc:
        raise LaunchRefused(str(exc)) from None
    except Unreachable as exc:
        raise BadGateway(f"the platform's key set could not be read: {exc}") from None
    if verified.deep_linking is not None:
        await database.transaction(lambda session: _use(session, state))
        context = claims.DeepLinkContext(
            issuer=platform.issuer,
            client_id=platform.client_id,
            deployment_id=verified.deployment_id,
            return_url=verified.deep_linking.return_url,
            data=verified.deep_linking.data,
        )
        return Choosing(claims.sign_context(tool.signing_key(), context, int(time.time())))
    settings = tool.settings
    deployment = starting.Deployment(settings.quiz_ttl_s, settings.exam_mode, settings.exam_reveal)
    created = await database.transaction(
        lambda session: _start(session, bank, deployment, platform, verified, state)
    )
    return Started(created)
