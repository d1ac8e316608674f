"""passage vectors (embeddings, per snapshot and model) and the matcher's stance on evidence

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 18:30:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "passagevectors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=True),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("spans", sa.LargeBinary(), nullable=False),
        sa.Column("vectors", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["snapshot_id"], ["snapshot.id"]),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_passagevectors_source_model", "passagevectors", ["source_id", "model"]
    )
    # plain ADD COLUMN (no batch mode): rebuilding evidence on SQLite is not needed for this
    op.add_column(
        "evidence",
        sa.Column("stance", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    )


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("stance")
    op.drop_index("ix_passagevectors_source_model", table_name="passagevectors")
    op.drop_table("passagevectors")
