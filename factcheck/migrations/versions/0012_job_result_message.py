"""a job's result and a source's fetch error as a message id and its values (JSON), so that
pages show them in the viewer's language (the English line stays in ``result`` and
``fetch_error`` for the command line, exports and logs)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 21:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("job", sa.Column("result_message", sa.Text(), nullable=True))
    op.add_column("source", sa.Column("fetch_error_message", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("source", "fetch_error_message")
    op.drop_column("job", "result_message")
