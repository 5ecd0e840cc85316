"""/lti: the tool's key set, OIDC login, launch and deep linking (browser protocol, kept out of
the OpenAPI document like the pages), and the admin's platforms and grades."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from service.errors import BadRequest, UnsupportedMediaType
from service.http.auth import admin
from service.http.openapi import errors, example
from service.lti import deep_linking, grades, launches, pages, platforms
from service.lti.runtime import Tool, lifespan, tool_of
from service.lti.schemas import Grade, GradeStatus, KeySet, Platform, PlatformRegistration
from service.settings import Settings
from service.state import AppState, state_of

router = APIRouter(prefix="/lti", tags=["lti"], lifespan=lifespan)
FORM = "application/x-www-form-urlencoded"
MAX_FIELDS = 100


async def _state(request: Request) -> AppState:
    return state_of(request)


async def _tool(request: Request) -> Tool:
    return tool_of(request)


StateDep = Annotated[AppState, Depends(_state)]
ToolDep = Annotated[Tool, Depends(_tool)]
QuizId = Annotated[str, Path(max_length=64, description="the quiz's id")]


def launch_url(request: Request, settings: Settings) -> str:
    base = settings.lti_base_url or str(request.base_url)
    return base.rstrip("/") + "/lti/launch"


async def _form(request: Request) -> dict[str, list[str]]:
    content_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if content_type != FORM:
        raise UnsupportedMediaType(f"send the form as {FORM}")
    try:
        return parse_qs((await request.body()).decode(), max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise BadRequest("the form is not UTF-8") from None
    except ValueError:
        raise BadRequest(f"the form has more than {MAX_FIELDS} fields") from None


def _single(fields: dict[str, list[str]]) -> dict[str, str]:
    return {name: values[0] for name, values in fields.items() if values}


def _html(page: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(page, status_code, headers={"Cache-Control": "no-store"})


def _state_cookie(response: Response, state: str, max_age: int) -> None:
    """The login's state, bound to this browser. It comes back in the platform's cross-site
    form post, so it must be SameSite=None, which browsers take only with Secure (over HTTPS,
    or on localhost); HttpOnly, and sent to /lti/ only."""
    response.set_cookie(
        launches.state_cookie(state),
        state if max_age else "",
        max_age=max_age,
        path="/lti/",
        secure=True,
        httponly=True,
        samesite="none",
    )


@router.get(
    "/jwks.json",
    operation_id="ltiKeySet",
    summary="The tool's public key set: platforms check its messages with it",
    responses={
        **example(
            {
                "keys": [
                    {
                        "kty": "RSA",
                        "alg": "RS256",
                        "use": "sig",
                        "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                        "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zw...",
                        "e": "AQAB",
                    }
                ]
            }
        ),
        **errors({404: "LTI is off: the server has no RELU_LTI_PRIVATE_KEY"}, 404),
    },
)
async def key_set(tool: ToolDep) -> KeySet:
    return KeySet.model_validate({"keys": [tool.signing_key().public_jwk()]})


@router.api_route("/login", methods=["GET", "POST"], include_in_schema=False)
async def login(request: Request, tool: ToolDep, state: StateDep) -> Response:
    tool.signing_key()
    if request.method == "GET":
        params = dict(request.query_params)
    else:
        params = _single(await _form(request))
    url, login_state = await launches.login(
        state.database, params, launch_url(request, state.settings)
    )
    response = RedirectResponse(url, status_code=302)
    _state_cookie(response, login_state, int(launches.LOGIN_TTL.total_seconds()))
    return response


@router.post("/launch", include_in_schema=False)
async def launch(request: Request, tool: ToolDep, state: StateDep) -> Response:
    tool.signing_key()
    fields = _single(await _form(request))
    outcome = await launches.launch(tool, state.database, state.bank, fields, request.cookies)
    if isinstance(outcome, launches.Started):
        response = _html(pages.handoff(outcome.quiz))
    else:
        response = _html(deep_linking.form(state.bank, outcome.context))
    _state_cookie(response, fields["state"], 0)
    return response


@router.post("/deep-link", include_in_schema=False)
async def deep_link(request: Request, tool: ToolDep, state: StateDep) -> Response:
    outcome = deep_linking.choose(
        tool.signing_key(), state.bank, await _form(request), launch_url(request, state.settings)
    )
    if isinstance(outcome, deep_linking.Again):
        return _html(outcome.page, 422)
    return _html(pages.return_to_platform(outcome.return_url, outcome.response))


@router.get("/lti.js", include_in_schema=False)
async def script() -> Response:
    return Response(
        pages.SCRIPT, media_type="text/javascript", headers={"Cache-Control": "max-age=3600"}
    )


# --- the admin's ----------------------------------------------------------------------------

PLATFORM = {
    "id": 1,
    "issuer": "https://lms.example.edu",
    "client_id": "10000000000042",
    "deployment_ids": ["1:4dde05e8ca1973bcca9bffc13e1548820eee93a3"],
    "auth_login_url": "https://lms.example.edu/api/lti/authorize_redirect",
    "token_url": "https://lms.example.edu/login/oauth2/token",
    "jwks_url": "https://lms.example.edu/api/lti/security/jwks",
    "created_at": "2026-12-01T09:00:00Z",
}
GRADE = {
    "quiz_id": "8adaf830f09dcfab392da9d53a8b1929",
    "issuer": "https://lms.example.edu",
    "deployment_id": "1:4dde05e8ca1973bcca9bffc13e1548820eee93a3",
    "user_id": "a6d5c443-1f51-4783-ba1a-7686ffe3b54a",
    "lineitem": "https://lms.example.edu/api/lti/courses/7/line_items/31",
    "score_given": 7.0,
    "score_maximum": 10.0,
    "status": "failed",
    "attempts": 8,
    "last_error": "the line item's scores endpoint answered 503: Service Unavailable",
    "next_attempt_at": None,
    "updated_at": "2026-12-01T11:42:10Z",
}
_ERRORS = {
    401: "missing or wrong admin key",
    404: "the quiz owes no score to a platform",
    409: "the score has been sent already",
    422: "the body or the query cannot be used; errors[] says where",
}


@router.post(
    "/platforms",
    status_code=201,
    operation_id="registerLtiPlatform",
    summary="Register a platform (201), or replace the registration of its issuer and client id "
    "(200)",
    dependencies=[Depends(admin)],
    responses={
        **example(PLATFORM, status=201),
        **example(PLATFORM, status=200),
        **errors(
            {
                **_ERRORS,
                409: "another request registered the same platform at the same moment",
            },
            401,
            409,
            422,
        ),
    },
)
async def register_platform(
    body: PlatformRegistration, state: StateDep, response: Response
) -> Platform:
    platform, created = await state.database.transaction(
        lambda session: platforms.register(session, body)
    )
    response.status_code = 201 if created else 200
    return platform


@router.get(
    "/platforms",
    operation_id="listLtiPlatforms",
    summary="The registered platforms",
    dependencies=[Depends(admin)],
    responses={**example([PLATFORM]), **errors(_ERRORS, 401)},
)
async def list_platforms(state: StateDep) -> list[Platform]:
    return await state.database.transaction(platforms.listed)


@router.get(
    "/grades",
    operation_id="listLtiGrades",
    summary="Scores owed to platforms, the latest change first: pending, sent or failed",
    dependencies=[Depends(admin)],
    responses={**example([GRADE]), **errors(_ERRORS, 401, 422)},
)
async def list_grades(
    state: StateDep,
    status: Annotated[GradeStatus | None, Query(description="only scores in this state")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[Grade]:
    return await state.database.transaction(lambda session: grades.listed(session, status, limit))


@router.post(
    "/grades/{quiz_id}/retry",
    status_code=202,
    operation_id="retryLtiGrade",
    summary="Send a quiz's score again, now",
    dependencies=[Depends(admin)],
    responses={
        **example({**GRADE, "status": "pending", "attempts": 0, "last_error": None}, status=202),
        **errors(_ERRORS, 401, 404, 409),
    },
)
async def retry_grade(quiz_id: QuizId, state: StateDep) -> Grade:
    return await state.database.transaction(lambda session: grades.retry(session, quiz_id))
