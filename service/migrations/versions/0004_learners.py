"""learners, their ability per topic and review cards; calibrated item parameters; quizzes
linked to a learner, and practice sessions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learners",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "learner_topics",
        sa.Column("learner_id", sa.String(length=32), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("ability", sa.Float(), nullable=False),
        sa.Column("error", sa.Float(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("learner_id", "topic"),
    )
    op.create_table(
        "review_cards",
        sa.Column("learner_id", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("learner_id", "item_id"),
    )
    op.create_index(op.f("ix_review_cards_due"), "review_cards", ["due"], unique=False)
    op.create_table(
        "item_parameters",
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("difficulty", sa.Float(), nullable=False),
        sa.Column("discrimination", sa.Float(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("fitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("item_id"),
    )
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="quiz")
        )
        batch_op.add_column(sa.Column("learner_id", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_quizzes_learner_id"), ["learner_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_quizzes_learner_id", "learners", ["learner_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.drop_constraint("fk_quizzes_learner_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_quizzes_learner_id"))
        batch_op.drop_column("learner_id")
        batch_op.drop_column("kind")
    op.drop_table("item_parameters")
    op.drop_index(op.f("ix_review_cards_due"), table_name="review_cards")
    op.drop_table("review_cards")
    op.drop_table("learner_topics")
    op.drop_table("learners")
