"""The pages: / (the quiz), /practice (adaptive practice and the learner's progress) and
/playground, and the files they load under /static. The pages themselves are served only by
their routes, not from /static: the playground is a calculator and states relu's derivatives,
so an exam deployment leaves it out (`playground` apart). /docs and /redoc (`docs` apart, for
a deployment that turns them off) show the OpenAPI document with Swagger UI and ReDoc from the
files vendored under /static/vendor."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.responses import FileResponse, HTMLResponse

STATIC = Path(__file__).parent / "static"
PAGES = Path(__file__).parent / "pages"
OPENAPI_URL = "/openapi.json"
VENDOR = "/static/vendor"

router = APIRouter(include_in_schema=False)
playground = APIRouter(include_in_schema=False)
docs = APIRouter(include_in_schema=False)

SWAGGER_UI = bytes(
    get_swagger_ui_html(
        openapi_url=OPENAPI_URL,
        title="ReLU reference service - Swagger UI",
        swagger_js_url=f"{VENDOR}/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url=f"{VENDOR}/swagger-ui/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
        # no badge that sends the document's address to the public validator
        swagger_ui_parameters={"validatorUrl": None},
    ).body
)
REDOC = bytes(
    get_redoc_html(
        openapi_url=OPENAPI_URL,
        title="ReLU reference service - ReDoc",
        redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
        redoc_favicon_url="/static/favicon.svg",
        with_google_fonts=False,
    ).body
)
# The inline scripts of these pages (Swagger UI starts from one) as content security policy
# sources: each allowed by its hash, and no other inline script.
DOCS_SCRIPTS = tuple(
    f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
    for page in (SWAGGER_UI, REDOC)
    for script in re.findall(rb"<script>(.*?)</script>", page, re.DOTALL)
)


@router.get("/")
async def quiz_page() -> FileResponse:
    return FileResponse(PAGES / "quiz.html", media_type="text/html")


@router.get("/practice")
async def practice_page() -> FileResponse:
    return FileResponse(PAGES / "practice.html", media_type="text/html")


@playground.get("/playground")
async def playground_page() -> FileResponse:
    return FileResponse(PAGES / "playground.html", media_type="text/html")


@docs.get("/docs")
async def swagger_ui() -> HTMLResponse:
    return HTMLResponse(SWAGGER_UI)


@docs.get("/redoc")
async def redoc() -> HTMLResponse:
    return HTMLResponse(REDOC)
