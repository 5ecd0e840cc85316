"""The pages: / (the quiz) and /playground, and the files they load under /static. The pages
themselves are served only by their routes, not from /static: the playground is a calculator
and states relu's derivatives, so an exam deployment leaves it out (`playground` apart)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from starlette.responses import FileResponse

STATIC = Path(__file__).parent / "static"
PAGES = Path(__file__).parent / "pages"

router = APIRouter(include_in_schema=False)
playground = APIRouter(include_in_schema=False)


@router.get("/")
async def quiz_page() -> FileResponse:
    return FileResponse(PAGES / "quiz.html", media_type="text/html")


@playground.get("/playground")
async def playground_page() -> FileResponse:
    return FileResponse(PAGES / "playground.html", media_type="text/html")
