"""claims: claimant, section (headline or body), checkworthy

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 12:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): rebuilding the table on SQLite would drop the claim_fts
    # triggers of 0002. Claims stored before this revision were all proposed at 0.4 or more,
    # or curated: they stay check-worthy, in the body, with no claimant recorded.
    op.add_column(
        "claim",
        sa.Column("claimant", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    )
    op.add_column(
        "claim",
        sa.Column(
            "section",
            sqlmodel.sql.sqltypes.AutoString(length=16),
            nullable=False,
            server_default="body",
        ),
    )
    op.add_column(
        "claim",
        sa.Column("checkworthy", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.create_index("ix_claim_checkworthy", "claim", ["checkworthy"])


def downgrade() -> None:
    op.drop_index("ix_claim_checkworthy", table_name="claim")
    with op.batch_alter_table("claim", recreate="never") as batch:
        batch.drop_column("checkworthy")
        batch.drop_column("section")
        batch.drop_column("claimant")
