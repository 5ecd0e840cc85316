"""LTI's tables: registered platforms and their deployments, logins in flight (state and
nonce), and each launched quiz with the grade it owes its platform. They share the quiz's
metadata, so that one set of migrations covers both."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.quiz.models import Base

URL_LENGTH = 2048
ID_LENGTH = 255


class Platform(Base):
    """An LMS registration: one (issuer, client_id) pair, the URLs the tool calls, and the
    deployments it accepts launches from."""

    __tablename__ = "lti_platforms"
    __table_args__ = (UniqueConstraint("issuer", "client_id", name="uq_lti_platform"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    issuer: Mapped[str] = mapped_column(String(ID_LENGTH))
    client_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    auth_login_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    token_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    jwks_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    deployments: Mapped[list[Deployment]] = relationship(
        order_by="Deployment.deployment_id", cascade="all, delete-orphan", lazy="selectin"
    )


class Deployment(Base):
    __tablename__ = "lti_deployments"

    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platforms.id", ondelete="CASCADE"), primary_key=True
    )
    deployment_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)


class Login(Base):
    """A login initiation in flight: its state (also in the browser's cookie) and nonce, each
    used once; deleted by the launch that uses it, or once expired."""

    __tablename__ = "lti_logins"

    state: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64))
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id", ondelete="CASCADE"))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Launch(Base):
    """A quiz started by a resource-link launch: who took it, where its score goes, and how
    publishing that score went. grade_status is null until a score is owed (the quiz
    finished, with a line item, a score scope and a user), then pending, sent or failed."""

    __tablename__ = "lti_launches"
    __table_args__ = (Index("ix_lti_launches_grade", "grade_status", "grade_next_at"),)

    quiz_id: Mapped[str] = mapped_column(
        ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True
    )
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platforms.id", ondelete="CASCADE"), index=True
    )
    deployment_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    resource_link_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    user_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    lineitem_url: Mapped[str | None] = mapped_column(String(URL_LENGTH))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    score_given: Mapped[float | None] = mapped_column(Float)
    score_maximum: Mapped[float | None] = mapped_column(Float)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    grade_status: Mapped[str | None] = mapped_column(String(16))
    # Counts the attempts begun; a publisher claims a row by raising it from the value it read.
    grade_attempts: Mapped[int] = mapped_column(Integer, default=0)
    grade_next_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    grade_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    grade_error: Mapped[str | None] = mapped_column(Text)
