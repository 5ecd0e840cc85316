"""Liveness of the process."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["operations"])


@router.get("/healthz", operation_id="health", summary="The process is alive")
async def health() -> dict[str, str]:
    return {"status": "ok"}
