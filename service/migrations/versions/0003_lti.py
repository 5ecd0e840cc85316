"""LTI 1.3: platforms and their deployments, logins in flight, launched quizzes and their grades

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lti_platforms",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("issuer", sa.String(length=255), nullable=False),
        sa.Column("client_id", sa.String(length=255), nullable=False),
        sa.Column("auth_login_url", sa.String(length=2048), nullable=False),
        sa.Column("token_url", sa.String(length=2048), nullable=False),
        sa.Column("jwks_url", sa.String(length=2048), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("issuer", "client_id", name="uq_lti_platform"),
    )
    op.create_table(
        "lti_deployments",
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("deployment_id", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["platform_id"], ["lti_platforms.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("platform_id", "deployment_id"),
    )
    op.create_table(
        "lti_logins",
        sa.Column("state", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["platform_id"], ["lti_platforms.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("state"),
    )
    op.create_index("ix_lti_logins_expires_at", "lti_logins", ["expires_at"])
    op.create_table(
        "lti_launches",
        sa.Column("quiz_id", sa.String(length=32), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("deployment_id", sa.String(length=255), nullable=False),
        sa.Column("resource_link_id", sa.String(length=255), nullable=False),
        sa.Column("user_id", sa.String(length=255), nullable=True),
        sa.Column("lineitem_url", sa.String(length=2048), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score_given", sa.Float(), nullable=True),
        sa.Column("score_maximum", sa.Float(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("grade_status", sa.String(length=16), nullable=True),
        sa.Column("grade_attempts", sa.Integer(), nullable=False),
        sa.Column("grade_next_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("grade_updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("grade_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["quiz_id"], ["quizzes.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["platform_id"], ["lti_platforms.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quiz_id"),
    )
    op.create_index("ix_lti_launches_platform_id", "lti_launches", ["platform_id"])
    op.create_index("ix_lti_launches_grade", "lti_launches", ["grade_status", "grade_next_at"])


def downgrade() -> None:
    op.drop_index("ix_lti_launches_grade", table_name="lti_launches")
    op.drop_index("ix_lti_launches_platform_id", table_name="lti_launches")
    op.drop_table("lti_launches")
    op.drop_index("ix_lti_logins_expires_at", table_name="lti_logins")
    op.drop_table("lti_logins")
    op.drop_table("lti_deployments")
    op.drop_table("lti_platforms")
