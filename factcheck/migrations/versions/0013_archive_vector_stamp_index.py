"""archive vectors indexed by model and creation time: the archive index's stamp (newest
row's time) is read before every search, from the index instead of the whole table

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 21:00:00
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_archivevector_model_created", "archivevector", ["model", "created_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_archivevector_model_created", table_name="archivevector")
