"""evidence: stale once the claim's text changes (until matched or judged again)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Evidence stored before this revision was found for the claim's text of the time; nothing
    # says whether that text changed since, so it starts as current.
    op.add_column(
        "evidence",
        sa.Column("stale", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("evidence", recreate="never") as batch:
        batch.drop_column("stale")
