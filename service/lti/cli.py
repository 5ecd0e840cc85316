"""`python -m service lti-register`: registers a platform in the database of DATABASE_URL, or
replaces its registration, as POST /lti/platforms does, and prints it as JSON."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from service.db import Database, make_engine
from service.lti import platforms
from service.lti.schemas import PlatformRegistration
from service.settings import Settings


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m service lti-register",
        description="Register an LMS (an LTI 1.3 platform) that may launch the quiz; "
        "registering its issuer and client id again replaces the registration.",
    )
    parser.add_argument("--issuer", required=True, help="the platform's issuer (iss)")
    parser.add_argument("--client-id", required=True, help="the client id it gave this tool")
    parser.add_argument(
        "--deployment-id",
        required=True,
        action="append",
        dest="deployment_ids",
        metavar="DEPLOYMENT_ID",
        help="a deployment launches may come from (repeat for several)",
    )
    parser.add_argument("--auth-login-url", required=True, help="its OIDC authorization URL")
    parser.add_argument("--token-url", required=True, help="its OAuth 2 token URL")
    parser.add_argument("--jwks-url", required=True, help="its public key set URL")
    return parser


def main(argv: Sequence[str], settings: Settings | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        body = PlatformRegistration.model_validate(vars(args))
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            print(f"error: {'.'.join(map(str, error['loc']))}: {error['msg']}", file=sys.stderr)
        return 2
    settings = settings or Settings()
    database = Database(make_engine(settings.database_url))
    try:
        platform, created = asyncio.run(
            database.transaction(lambda session: platforms.register(session, body))
        )
    finally:
        database.dispose()
    print(platform.model_dump_json(indent=2))
    print("registered" if created else "registration replaced", file=sys.stderr)
    return 0
