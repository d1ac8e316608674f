"""Writing claim files: an article, its sources, claims, verdicts, evidence and history
as the text of one YAML file (the format itself is defined in factcheck.claimfiles.schema).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from sqlmodel import Session, select

from factcheck.claimfiles.schema import FORMAT, HEADER, stamp
from factcheck.errors import InputError
from factcheck.export.records import IDS
from factcheck.inputs import is_slug
from factcheck.models import Article, Claim, Evidence, ReviewEvent, Snapshot, Source, User


class _PyDumper(yaml.SafeDumper):
    """Block scalars for multi-line text, flow style for short lists of numbers."""


class _Dumper(getattr(yaml, "CSafeDumper", _PyDumper)):
    """``_PyDumper`` with libyaml's emitter (C) when PyYAML has it: about twice as fast, and
    the same bytes for every text ``_same_in_c`` accepts."""


# libyaml writes some texts differently from PyYAML's emitter, which wrote every claim file so
# far: it escapes characters beyond the BMP (emoji) and folds long double-quoted scalars (the
# style of texts with control characters, or with a space before a line break) elsewhere,
# and ends the document differently after a text ending in blank lines.
# A file holding such a text is written by PyYAML's emitter, so exports stay byte-identical.
_SPECIAL = re.compile(r"[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff]")


def _same_in_c(value) -> bool:
    """Whether libyaml writes every text in ``value`` (dicts, lists, scalars) as PyYAML does."""
    if isinstance(value, str):
        if _SPECIAL.search(value):
            return False
        if "\n" not in value:
            return True
        # libyaml also ends the document with "..." after a text kept with its trailing
        # blank lines (``|+``) anywhere in it; PyYAML only when that text is the last
        return " \n" not in value and not value.endswith((" ", "\n\n")) and value != "\n"
    if isinstance(value, dict):
        return all(_same_in_c(v) for v in value.values())
    if isinstance(value, list):
        return all(_same_in_c(v) for v in value)
    return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    flow = bool(value) and all(isinstance(v, int | float) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


for _dumper in (_PyDumper, _Dumper):
    _dumper.add_representer(str, _str)
    _dumper.add_representer(list, _list)


def paths_in(folder: Path, slugs: list[str]) -> dict[str, Path]:
    """Where each article's claim file goes in ``folder``: ``<slug>.yaml``.

    Every slug is checked before anything is written: a slug stored before slugs were
    checked (``../x``, ``/tmp/x``) must not steer a file out of the folder, and one bad slug
    must not leave half a folder written. InputError names every bad slug.
    """
    root = folder.resolve()
    bad = [s for s in slugs if not is_slug(s) or (root / f"{s}.yaml").resolve().parent != root]
    if bad:
        raise InputError(
            "these articles' slugs cannot be file names: "
            + ", ".join(repr(s) for s in bad)
            + "; nothing was written (export each with --article ID -o FILE)"
        )
    return {slug: root / f"{slug}.yaml" for slug in slugs}


def dump_article(session: Session, article: Article) -> str:
    """The claim file text for ``article`` (``dump_chunks`` joined)."""
    return "".join(dump_chunks(session, article))


# Claims are read and written a batch at a time, so memory does not grow with the article.
BATCH_SIZE = 500


def dump_chunks(session: Session, article: Article) -> Iterator[str]:
    """The claim file text for ``article`` in pieces: the header (format, article, sources),
    then its claims ``BATCH_SIZE`` at a time, with their evidence and history (four queries
    for the header, two or three per batch).

    Each batch is its own YAML document ``claims: [...]`` without its first line: a block
    sequence's items do not depend on their neighbours, and the emitter's every choice is
    per scalar, so the pieces join into the bytes one document would have been.
    """
    sources = session.exec(
        select(Source).where(Source.article_id == article.id).order_by(Source.position)
    ).all()
    snapshots = _snapshots_of(session, [s.id for s in sources])
    header = {
        "format": FORMAT,
        "article": _article(article),
        "sources": [_source(s, snapshots.get(s.id, [])) for s in sources],
    }
    yield HEADER + _open(to_yaml(header))
    source_keys = {s.id: f"s{s.position}" for s in sources}
    hashes = {n.id: n.sha256 for group in snapshots.values() for n in group}
    names = _user_names(session)
    pending = None  # the last piece keeps the document's end ("...") if it has one
    for batch in _claim_batches(session, article.id):
        evidence = _by_claim(session, Evidence, batch)
        hashes |= _other_hashes(session, evidence, hashes)
        events = _by_claim(session, ReviewEvent, batch)
        claims = [
            _claim(c, evidence.get(c.id, []), events.get(c.id, []), source_keys, hashes, names)
            for c in batch
        ]
        text = to_yaml({"claims": claims})
        if pending is not None:
            yield _open(pending)
            text = text.removeprefix("claims:\n")
        pending = text
    yield to_yaml({"claims": []}) if pending is None else pending


def _open(text: str) -> str:
    """A YAML document's text without its end marker, for more text to follow. PyYAML
    writes ``...`` after a last text kept with its trailing blank lines (``|+``); a line
    ``...`` at the end can be nothing else."""
    return text.removesuffix("\n...\n") + "\n" if text.endswith("\n...\n") else text


def to_yaml(data: dict) -> str:
    """``data`` as claim-file YAML: libyaml's emitter when it writes the same bytes as
    PyYAML's, else PyYAML's."""
    dumper = _Dumper if _same_in_c(data) else _PyDumper
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def _user_names(session: Session) -> dict[int, str]:
    return {u.id: u.name for u in session.exec(select(User)).all()}


def _claim_batches(session: Session, article_id: int) -> Iterator[list]:
    """The article's claims (Core rows) in file order, ``BATCH_SIZE`` at a time."""
    query = (
        select(*Claim.__table__.c)
        .where(Claim.article_id == article_id)
        .order_by(Claim.position, Claim.id)
        .execution_options(yield_per=BATCH_SIZE)
    )
    # Closed on every way out, also when the reader stops early (a download cut short):
    # on PostgreSQL this is a server-side cursor.
    with session.connection().execute(query) as result:
        yield from result.partitions()


def _by_claim(session: Session, model: type[Evidence | ReviewEvent], claims: list) -> dict:
    """The evidence or history rows (``model``, Core rows) of ``claims`` by claim id, in id
    order."""
    query = (
        select(*model.__table__.c).where(model.claim_id.in_(IDS)).order_by(model.claim_id, model.id)
    )
    by_claim: dict[int, list] = {}
    for row in session.connection().execute(query, {"ids": [c.id for c in claims]}):
        by_claim.setdefault(row.claim_id, []).append(row)
    return by_claim


def _snapshots_of(session: Session, source_ids: list[int]) -> dict[int, list[Snapshot]]:
    by_source: dict[int, list[Snapshot]] = {}
    query = (
        select(Snapshot)
        .where(Snapshot.source_id.in_(source_ids))
        .order_by(Snapshot.fetched_at, Snapshot.id)
    )
    for snapshot in session.exec(query).all() if source_ids else []:
        by_source.setdefault(snapshot.source_id, []).append(snapshot)
    return by_source


def _other_hashes(session: Session, evidence: dict[int, list], known: dict) -> dict[int, str]:
    """Hashes of snapshots the evidence cites that are not the article's sources' own."""
    missing = {e.snapshot_id for group in evidence.values() for e in group} - set(known) - {None}
    if not missing:
        return {}
    rows = session.exec(select(Snapshot.id, Snapshot.sha256).where(Snapshot.id.in_(missing)))
    return dict(rows.all())


def _article(a: Article) -> dict:
    return {
        "slug": a.slug,
        "title": a.title,
        "publisher": a.publisher,
        "author": a.author,
        "editor": a.editor,
        "published": a.published_date,
        "language": a.language,
        "url": a.url,
        "created": stamp(a.created_at),
        "text": a.text,
    }


def _source(s: Source, snapshots: list[Snapshot]) -> dict:
    return {
        "key": f"s{s.position}",
        "title": s.title,
        "publisher": s.publisher,
        "url": s.url,
        "fetch_status": s.fetch_status,
        "fetch_error": s.fetch_error,
        "snapshots": [
            {
                "kind": n.kind,
                "url": n.url,
                "final_url": n.final_url,
                "http_status": n.http_status,
                "content_type": n.content_type,
                "sha256": n.sha256,
                "fetched": stamp(n.fetched_at),
                "text": n.text,
            }
            for n in snapshots
        ],
    }


def _claim(
    c: Claim,
    evidence: list[Evidence],
    events: list[ReviewEvent],
    source_keys: dict,
    snapshot_hashes: dict,
    names: dict,
) -> dict:
    claim = {
        "key": c.key,
        "text": c.text,
        "sentence": c.sentence,
        "span": [c.start, c.end],
        "score": c.score,
        "reasons": json.loads(c.reasons),
        "kind": c.kind,
        "claimant": c.claimant,
        "section": c.section,
        "checkworthy": c.checkworthy,
        "status": str(c.status),
        "verdict": c.verdict,
        "rationale": c.rationale,
        "verdict_by": names.get(c.verdict_by_id),
        "assignee": names.get(c.assignee_id),
        "published_by": names.get(c.published_by_id),
        "version": c.version,
        "created": stamp(c.created_at),
        "updated": stamp(c.updated_at),
        "reviewed": stamp(c.reviewed_at),
        "published": stamp(c.published_at),
        "deleted": stamp(c.deleted_at),
        # only once matched: older files round-trip unchanged
        **({"matched": stamp(c.matched_at)} if c.matched_at else {}),
        "evidence": [
            {
                "source": source_keys.get(e.source_id),
                "snapshot": snapshot_hashes.get(e.snapshot_id),
                "passage": e.passage,
                "span": [e.passage_start, e.passage_end] if e.passage_start is not None else None,
                "score": e.score,
                # only when the matcher gave one: older files round-trip unchanged
                **({"stance": e.stance} if e.stance else {}),
                "state": str(e.state),
                "url": e.url,
                "note": e.note,
                "explanation": json.loads(e.explanation),
                "added_by": names.get(e.added_by_id),
                "created": stamp(e.created_at),
            }
            for e in evidence
        ],
        "history": [
            {
                "at": stamp(v.at),
                "by": v.actor,
                "action": v.action,
                "from": v.from_value,
                "to": v.to_value,
                "note": v.note,
                "public": v.public,
            }
            for v in events
        ],
    }
    if c.no_source_reason:  # written only when there is one: older files stay byte-identical
        items = list(claim.items())
        at = next(i for i, (k, _) in enumerate(items) if k == "rationale") + 1
        claim = dict(items[:at] + [("no_source_reason", c.no_source_reason)] + items[at:])
    return claim
