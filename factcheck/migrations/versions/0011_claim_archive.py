"""the claim archive: vectors of archived claims, "same claim" links, earlier matches, and
reference fact-checks keyed by url and claim (with the feed they came from)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 17:00:00
"""

import hashlib

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _key(url: str, claim: str) -> str:
    return hashlib.sha256(f"{url}\x00{claim}".encode()).hexdigest()


def upgrade() -> None:
    op.add_column(
        "referencefactcheck",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    )
    op.add_column(
        "referencefactcheck",
        sa.Column("feed", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    )
    table = sa.table(
        "referencefactcheck",
        sa.column("id", sa.Integer),
        sa.column("url", sa.String),
        sa.column("claim_reviewed", sa.Text),
        sa.column("key", sa.String),
    )
    bind = op.get_bind()
    seen: set[str] = set()
    for row_id, url, claim in bind.execute(
        sa.select(table.c.id, table.c.url, table.c.claim_reviewed).order_by(table.c.id.desc())
    ).all():
        key = _key(url, claim)
        if key in seen:  # an older copy of the same review: the newest stays
            bind.execute(table.delete().where(table.c.id == row_id))
            continue
        seen.add(key)
        bind.execute(table.update().where(table.c.id == row_id).values(key=key))
    op.create_index(
        "ix_referencefactcheck_key", "referencefactcheck", ["key"], unique=True
    )
    op.create_table(
        "archivevector",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("reference_id", sa.Integer(), nullable=True),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["reference_id"], ["referencefactcheck.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_archivevector_model", "archivevector", ["model"])
    op.create_index(
        "uq_archivevector_claim", "archivevector", ["claim_id", "model"], unique=True
    )
    op.create_index(
        "uq_archivevector_reference", "archivevector", ["reference_id", "model"], unique=True
    )
    op.create_table(
        "sameclaim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("earlier_id", sa.Integer(), nullable=False),
        sa.Column("linked_by_id", sa.Integer(), nullable=True),
        sa.Column("linked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["earlier_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["linked_by_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_id", "earlier_id"),
    )
    op.create_index("ix_sameclaim_claim_id", "sameclaim", ["claim_id"])
    op.create_table(
        "earliermatch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("earlier_claim_id", sa.Integer(), nullable=True),
        sa.Column("reference_id", sa.Integer(), nullable=True),
        sa.Column("closeness", sa.Float(), nullable=False),
        sa.Column("same", sa.Boolean(), nullable=False),
        sa.Column("repeat", sa.Boolean(), nullable=False),
        sa.Column("differs", sa.Text(), nullable=False),
        sa.Column("found_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["earlier_claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["reference_id"], ["referencefactcheck.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_earliermatch_claim_id", "earliermatch", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_earliermatch_claim_id", table_name="earliermatch")
    op.drop_table("earliermatch")
    op.drop_index("ix_sameclaim_claim_id", table_name="sameclaim")
    op.drop_table("sameclaim")
    op.drop_index("uq_archivevector_reference", table_name="archivevector")
    op.drop_index("uq_archivevector_claim", table_name="archivevector")
    op.drop_index("ix_archivevector_model", table_name="archivevector")
    op.drop_table("archivevector")
    op.drop_index("ix_referencefactcheck_key", table_name="referencefactcheck")
    with op.batch_alter_table("referencefactcheck") as batch:
        batch.drop_column("feed")
        batch.drop_column("key")
