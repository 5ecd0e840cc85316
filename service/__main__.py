"""`python -m service [serve | migrate | start | calibrate | lti-register ...]`.

serve runs the app with uvicorn; migrate brings the database to the latest migration;
start does both, in that order (the container's command); calibrate refits the items'
parameters from the stored answers (safe while the service serves). All are configured by Settings
(HOST, PORT, DATABASE_URL, RELU_WORKERS, ...). lti-register registers an LMS for LTI 1.3
(`python -m service lti-register -h` lists its options).
"""

from __future__ import annotations

import argparse
import sys

import uvicorn

from service.db import upgrade
from service.http.server import GuardedHttpToolsProtocol, raise_file_limit
from service.learning import calibrate
from service.lti import cli as lti_cli
from service.operations.observability import configure_logging
from service.settings import Settings


def serve(settings: Settings) -> None:
    configure_logging(settings.log_level)
    raise_file_limit()
    uvicorn.run(
        "service.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_config=None,
        access_log=False,  # the service logs every request itself, as JSON with its id
        proxy_headers=False,  # client addresses are resolved against RELU_TRUSTED_PROXIES
        timeout_graceful_shutdown=settings.shutdown_grace_s,
        timeout_keep_alive=settings.keep_alive_s,
        # uvicorn's httptools protocol, with a deadline for headers and connection caps
        http=GuardedHttpToolsProtocol,
        backlog=4096,
    )


def main() -> None:
    if sys.argv[1:2] == ["lti-register"]:
        raise SystemExit(lti_cli.main(sys.argv[2:]))
    parser = argparse.ArgumentParser(prog="python -m service")
    parser.add_argument(
        "command",
        nargs="?",
        default="serve",
        choices=["serve", "migrate", "start", "calibrate", "lti-register"],
    )
    command = parser.parse_args().command
    settings = Settings()
    if command in ("migrate", "start"):
        upgrade(settings.database_url)
    if command == "calibrate":
        raise SystemExit(calibrate.main(settings.database_url))
    if command in ("serve", "start"):
        serve(settings)


if __name__ == "__main__":
    main()
