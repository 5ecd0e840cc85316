"""`python -m service [serve | migrate]`: serve the app, or bring the database to the
latest migration. Both are configured by Settings (HOST, PORT, DATABASE_URL, ...)."""

from __future__ import annotations

import argparse

import uvicorn

from service.app import create_app
from service.db import upgrade
from service.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m service")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "migrate"])
    command = parser.parse_args().command
    settings = Settings()
    if command == "migrate":
        upgrade(settings.database_url)
        return
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)


if __name__ == "__main__":
    main()
