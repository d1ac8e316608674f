"""The JSON export: the full record of each selected claim, in a documented, versioned shape.

The shape is ``factcheck/export 1``, described by factcheck/schemas/export.schema.json::

    {"schema": "factcheck/export 1", "generated": ..., "publisher": {...},
     "selection": {...}, "claims": [{"article": {...}, "key": ..., "verdict": {...},
                                     "evidence": [...], "history": [...]}, ...]}

A new field keeps the version; renaming or removing one bumps it. Timestamps are ISO 8601 UTC
with a Z, dates are ISO dates. The document is written claim by claim as the claims are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session

from factcheck.export.records import (
    EVIDENCE_COLUMNS,
    Publisher,
    Record,
    Selection,
    iter_records,
    user_names,
)
from factcheck.models import Evidence, utcnow
from factcheck.publishing.claimreview import instant, verdict_page_url

SCHEMA = "factcheck/export 1"


def chunks(session: Session, selection: Selection, publisher: Publisher) -> Iterator[str]:
    """The JSON document as text chunks: a header, then one chunk per claim."""
    names = user_names(session)
    header = {
        "schema": SCHEMA,
        "generated": instant(utcnow()),
        "publisher": {"name": publisher.org_name, "url": publisher.org_url},
        "selection": {
            "status": selection.status,
            "article_id": selection.article_id,
            "since": selection.since.isoformat() if selection.since else None,
        },
    }
    yield json.dumps(header, ensure_ascii=False)[:-1] + ', "claims": ['
    separator, article_id, article = "\n", None, None
    # the matcher's reasons (agree, disagree) are read from the explanation, here only
    columns = [*EVIDENCE_COLUMNS, Evidence.explanation]
    for record in iter_records(session, selection, evidence_columns=columns):
        if record.article.id != article_id:  # claims come article by article
            article_id, article = record.article.id, article_record(record.article)
        text = json.dumps(claim_record(record, publisher, names, article), ensure_ascii=False)
        yield separator + text
        separator = ",\n"
    yield "\n]}\n"


def article_record(a: Any) -> dict:
    """The article part of a claim's record."""
    return {
        "slug": a.slug,
        "title": a.title,
        "publisher": a.publisher,
        "author": a.author,
        "editor": a.editor,
        "published": a.published_date.isoformat() if a.published_date else None,
        "language": a.language,
        "url": a.url,
    }


def claim_record(
    record: Record, publisher: Publisher, names: dict[int, str], article: dict | None = None
) -> dict:
    """One claim's full record (see the module docstring and the JSON Schema); ``article``
    is ``article_record(record.article)`` when the caller has it already."""
    c, a = record.claim, record.article
    return {
        "article": article or article_record(a),
        "key": c.key,
        "text": c.text,
        "sentence": c.sentence,
        "span": [c.start, c.end],
        "kind": c.kind,
        "claimant": c.claimant,
        "status": c.status,
        "verdict": verdict(publisher, c.verdict, a.language),
        "rationale": c.rationale,
        "verdict_by": names.get(c.verdict_by_id),
        "published_by": names.get(c.published_by_id),
        "version": c.version,
        "created": instant(c.created_at),
        "updated": instant(c.updated_at),
        "reviewed": instant(c.reviewed_at),
        "published": instant(c.published_at),
        "url": verdict_page_url(publisher.base_url, a.slug, c.key),
        "evidence": [_evidence(e, names) for e in record.evidence],
        "history": [
            {
                "at": instant(h.at),
                "by": h.actor,
                "action": h.action,
                "from": h.from_value,
                "to": h.to_value,
                "note": h.note,
                "public": bool(h.public),
            }
            for h in record.history
        ],
    }


def verdict(publisher: Publisher, key: str | None, language: str) -> dict | None:
    """The verdict's key, value on the scale and labels (article language and English).

    A key no longer on the scale (the newsroom changed its scale) keeps the key as its label.
    """
    if key is None:
        return None
    label, label_en = publisher.labels(key, language)
    value = publisher.scale.get(key).value if key in publisher.scale else None
    return {"key": key, "value": value, "label": label, "label_en": label_en}


def _reasons(explanation: str | None) -> dict:
    """The matcher's "agree" and "disagree" lists ([] for evidence a checker added)."""
    try:
        data = json.loads(explanation or "{}")
    except ValueError:
        data = {}
    data = data if isinstance(data, dict) else {}
    return {
        key: [str(x) for x in data.get(key) or [] if isinstance(x, str)]
        for key in ("agree", "disagree")
    }


def _evidence(e: Any, names: dict[int, str]) -> dict:
    source = None
    if e.source_id is not None:
        source = {
            "number": e.source_position,
            "title": e.source_title,
            "publisher": e.source_publisher,
            "url": e.source_url,
        }
    snapshot = None
    if e.snapshot_id is not None:
        snapshot = {
            "sha256": e.snapshot_sha256,
            "archived": instant(e.snapshot_fetched_at),
            "kind": e.snapshot_kind,
            "url": e.snapshot_url,
        }
    return {
        "source": source,
        "snapshot": snapshot,
        "passage": e.passage,
        "span": [e.passage_start, e.passage_end] if e.passage_start is not None else None,
        "score": e.score,
        "stance": e.stance,
        **_reasons(e.explanation),
        "state": e.state,
        "url": e.url,
        "note": e.note,
        "added_by": names.get(e.added_by_id),
        "created": instant(e.created_at),
    }
