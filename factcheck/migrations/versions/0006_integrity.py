"""integrity: audit log, login sessions, rate limits, correction requests, no-source reasons;
one source address per article and one event per form, enforced by the database

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 09:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

APPEND_ONLY = "the audit log is append-only"
SQLITE_UP = [
    "CREATE TRIGGER auditevent_no_update BEFORE UPDATE ON auditevent "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END",
    "CREATE TRIGGER auditevent_no_delete BEFORE DELETE ON auditevent "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END",
]
SQLITE_DOWN = ["DROP TRIGGER auditevent_no_delete", "DROP TRIGGER auditevent_no_update"]
POSTGRES_UP = [
    "CREATE FUNCTION factcheck_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$",
    "CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent "
    "FOR EACH ROW EXECUTE FUNCTION factcheck_append_only()",
]
POSTGRES_DOWN = [
    "DROP TRIGGER auditevent_append_only ON auditevent",
    "DROP FUNCTION factcheck_append_only()",
]


def _text(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _string(name: str, length: int, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(length), nullable=nullable)


def _create_tables() -> None:
    op.create_table(
        "loginsession",
        _string("id", 64),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_loginsession_user_id", "loginsession", ["user_id"])
    op.create_index("ix_loginsession_expires_at", "loginsession", ["expires_at"])
    op.create_table(
        "ratelimit",
        _string("key", 120),
        sa.Column("window_start", sa.Float(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "auditevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        _string("actor", 120),
        _string("action", 40),
        _string("target", 300),
        _text("detail", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_auditevent_at", "auditevent", ["at"])
    op.create_index("ix_auditevent_action", "auditevent", ["action"])
    op.create_table(
        "correctionrequest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id"), nullable=False),
        _string("verdict", 40),
        _text("rationale", nullable=False),
        _text("no_source_reason"),
        _text("note", nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        _string("state", 16),
        sa.Column("proposed_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("proposed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_correctionrequest_claim_id", "correctionrequest", ["claim_id"])
    op.create_index("ix_correctionrequest_state", "correctionrequest", ["state"])


def _merge_duplicate_sources(connection) -> None:
    """Sources added twice by racing requests: evidence and snapshots move to the first one,
    the copies go, so the unique index can be built."""
    duplicates = connection.exec_driver_sql(
        "SELECT s.id, (SELECT min(f.id) FROM source f WHERE f.article_id = s.article_id "
        "AND f.url = s.url) FROM source s WHERE s.url IS NOT NULL"
    ).all()
    for copy, first in duplicates:
        if copy != first:
            for table in ("evidence", "snapshot"):
                connection.exec_driver_sql(
                    f"UPDATE {table} SET source_id = {int(first)} WHERE source_id = {int(copy)}"
                )
            connection.exec_driver_sql(f"DELETE FROM source WHERE id = {int(copy)}")


def _forget_repeated_request_ids(connection) -> None:
    """A double submit that raced recorded two events with one request id: the later ones
    keep their history but lose the id."""
    connection.exec_driver_sql(
        "UPDATE reviewevent SET request_id = NULL WHERE request_id IS NOT NULL AND id > "
        "(SELECT min(r.id) FROM reviewevent r WHERE r.request_id = reviewevent.request_id)"
    )


def upgrade() -> None:
    _create_tables()
    # Plain ADD COLUMN and CREATE INDEX (no batch mode): rebuilding claim on SQLite would drop
    # the claim_fts triggers of 0002.
    op.add_column("claim", _text("no_source_reason"))
    connection = op.get_bind()
    _merge_duplicate_sources(connection)
    _forget_repeated_request_ids(connection)
    op.create_index("uq_source_article_url", "source", ["article_id", "url"], unique=True)
    op.drop_index("ix_reviewevent_request_id", table_name="reviewevent")
    op.create_index("ix_reviewevent_request_id", "reviewevent", ["request_id"], unique=True)
    op.create_index("ix_reviewevent_public_at", "reviewevent", ["public", "at"])
    for statement in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(
        connection.dialect.name, []
    ):
        op.execute(statement)


def downgrade() -> None:
    connection = op.get_bind()
    for statement in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(
        connection.dialect.name, []
    ):
        op.execute(statement)
    op.drop_index("ix_reviewevent_public_at", table_name="reviewevent")
    op.drop_index("ix_reviewevent_request_id", table_name="reviewevent")
    op.create_index("ix_reviewevent_request_id", "reviewevent", ["request_id"])
    op.drop_index("uq_source_article_url", table_name="source")
    op.drop_column("claim", "no_source_reason")
    for table in ("correctionrequest", "auditevent", "ratelimit", "loginsession"):
        op.drop_table(table)
