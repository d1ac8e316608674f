"""claim text search: FTS5 on SQLite, a GIN full-text index on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 17:10:00
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE claim_fts USING fts5(text, sentence, content='claim', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO claim_fts(rowid, text, sentence) SELECT id, text, sentence FROM claim",
    "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, text, sentence) VALUES (new.id, new.text, new.sentence); END",
    "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text, sentence) "
    "VALUES ('delete', old.id, old.text, old.sentence); END",
    "CREATE TRIGGER claim_fts_update AFTER UPDATE OF text, sentence ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text, sentence) "
    "VALUES ('delete', old.id, old.text, old.sentence); "
    "INSERT INTO claim_fts(rowid, text, sentence) VALUES (new.id, new.text, new.sentence); END",
]
SQLITE_DOWN = ["DROP TRIGGER claim_fts_update", "DROP TRIGGER claim_fts_delete",
               "DROP TRIGGER claim_fts_insert", "DROP TABLE claim_fts"]
# 'simple': no stemming, so Indonesian and English are treated alike; unaccent (a trusted
# extension: a database owner may install it) folds accents as SQLite's remove_diacritics does.
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION factcheck_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
    "CREATE INDEX ix_claim_text_search ON claim USING gin "
    "(to_tsvector('simple', factcheck_unaccent(text || ' ' || sentence)))",
]
POSTGRES_DOWN = ["DROP INDEX ix_claim_text_search", "DROP FUNCTION factcheck_unaccent(text)"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_UP)
    elif op.get_bind().dialect.name == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_DOWN)
    elif op.get_bind().dialect.name == "postgresql":
        _run(POSTGRES_DOWN)
