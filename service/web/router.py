"""The pages: / (the quiz) and /playground, and their static files under /static. The
playground is a calculator, so an exam deployment leaves it out (`playground` apart)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from starlette.responses import FileResponse

STATIC = Path(__file__).parent / "static"

router = APIRouter(include_in_schema=False)
playground = APIRouter(include_in_schema=False)


@router.get("/")
async def quiz_page() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html")


@playground.get("/playground")
async def playground_page() -> FileResponse:
    return FileResponse(STATIC / "playground.html", media_type="text/html")
