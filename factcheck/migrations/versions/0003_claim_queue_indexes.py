"""claim queue indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 17:15:49
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX (no batch mode): rebuilding the table on SQLite would drop the
    # claim_fts triggers of 0002.
    op.create_index("ix_claim_article_position", "claim", ["article_id", "position"])
    op.create_index("ix_claim_status_updated", "claim", ["status", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_claim_status_updated", table_name="claim")
    op.drop_index("ix_claim_article_position", table_name="claim")
