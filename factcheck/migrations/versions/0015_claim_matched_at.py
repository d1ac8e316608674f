"""when the matcher last read the article's sources for a claim, so that the verdict hint and
the citation coverage tell a source that says nothing from one not read yet

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 12:30:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): rebuilding the table on SQLite would drop the claim_fts
    # triggers of 0002. A claim the matcher found passages for was matched when it stored
    # them (its newest suggestion's time); any other claim counts as never matched, and its
    # hint says "not matched yet" until the article is matched again.
    op.add_column(
        "claim", sa.Column("matched_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
    )
    op.execute(
        "UPDATE claim SET matched_at = (SELECT max(e.created_at) FROM evidence e"
        " WHERE e.claim_id = claim.id AND e.stance IS NOT NULL)"
    )


def downgrade() -> None:
    with op.batch_alter_table("claim", recreate="never") as batch:
        batch.drop_column("matched_at")
