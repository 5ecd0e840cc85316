"""What the quiz benchmarks share: a well-formed response to any item, and a PostgreSQL
schema of the benchmark's own (at RELU_BENCH_POSTGRES_URL, by default this machine's server).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import OperationalError

from service.db import upgrade

POSTGRES = os.environ.get(
    "RELU_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def a_response(item: dict[str, Any]) -> Any:
    """A well-formed response of the item's type (right or wrong does not matter here)."""
    return {
        "single_choice": lambda: {"choice": item["choices"][0]["id"]},
        "multiple_choice": lambda: {"choices": [item["choices"][0]["id"]]},
        "true_false": lambda: {"value": True},
        "numeric": lambda: {"value": 0.5},
        "interval": lambda: {"lower": 0, "upper": 1},
        "point_set": lambda: {"values": [0]},
        "one_sided_pair": lambda: {"left": 0, "right": 1},
        "vector": lambda: {"values": [0.0] * item["length"]},
    }[item["type"]]()


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    """A migrated schema of the benchmark's own, dropped afterwards; None without a server."""
    admin = create_engine(POSTGRES)
    schema = f"bench_{secrets.token_hex(4)}"
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except OperationalError:
        admin.dispose()
        yield None
        return
    url = make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    try:
        upgrade(rendered)
        yield rendered
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()
