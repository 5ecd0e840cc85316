"""penalties per quiz, hints taken per item and before each try; evidence is no longer stored

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Quizzes started before penalties existed keep the rule they were started under: none.
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("penalty", sa.Float(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("hint_penalty", sa.Float(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("quiz_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hints_used", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hints_used", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.drop_column("evidence")


def downgrade() -> None:
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("evidence", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
        batch_op.drop_column("hints_used")
    with op.batch_alter_table("quiz_items", schema=None) as batch_op:
        batch_op.drop_column("hints_used")
    with op.batch_alter_table("quizzes", schema=None) as batch_op:
        batch_op.drop_column("hint_penalty")
        batch_op.drop_column("penalty")
