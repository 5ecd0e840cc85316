"""Alembic environment: the URL comes from the Config the package builds (service.db)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

# The learners' and LTI's tables join Base.metadata.
import service.learning.models
import service.lti.models  # noqa: F401
from service.quiz.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(url)
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            # Instances starting together migrate one at a time; the later ones find the
            # database at head and do nothing. The lock ends with the session.
            connection.exec_driver_sql("SELECT pg_advisory_lock(7365872)")
            connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
