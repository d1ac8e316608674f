"""users: the interface language they chose

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 17:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # None until they choose: the browser's Accept-Language decides meanwhile.
    op.add_column(
        "user",
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    )


def downgrade() -> None:
    with op.batch_alter_table("user", recreate="never") as batch:
        batch.drop_column("language")
