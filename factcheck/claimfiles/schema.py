"""Validation of claim files, with the line number of every problem.

``LineLoader`` is PyYAML's SafeLoader (libyaml's when available) whose mappings remember the
line of each key, so an error can say "claims[3].status (line 41): ..." rather than just
"invalid file". It refuses aliases (``*name``: a few lines of them expand to billions of
values, and the tool never writes them) and nesting deeper than ``MAX_DEPTH``, and reports
impossible dates as errors.

Every text fits its column and holds no NUL character, every number fits the database, slugs
and keys are plain names (a slug becomes a file name on export), and user names are names.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import yaml

from factcheck.errors import InputError
from factcheck.inputs import int_problem, number_problem, slug_problem, text_problem
from factcheck.models import ClaimStatus, EvidenceState
from factcheck.review.users import NAME_RE
from factcheck.sources.urls import is_web_url

FORMAT = "factcheck/claimfile 1"
HEADER = (
    "# factcheck claim file: one article, its sources, claims, verdicts, evidence and\n"
    "# history. Edit by hand if you like; `factcheck import` checks every field.\n"
)

# Where a claim's span is: in the article's title (its headline) or in its text.
SECTIONS = ("headline", "standfirst", "body")

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def stamp(value: datetime | None) -> str | None:
    """A timestamp as written in claim files: ISO 8601 UTC with a Z."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def parse_stamp(value: str | None) -> datetime | None:
    """A claim file's timestamp (or None) as an aware UTC datetime."""
    if value is None:
        return None
    return datetime.fromisoformat(value).astimezone(UTC)


class LineDict(dict):
    """A mapping that knows the line of each of its keys (1-based)."""

    line: int = 0
    lines: dict


MAX_DEPTH = 20  # a claim file nests six levels; explanations a few more


# libyaml's parser (C) when PyYAML was built with it.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_SafeLoader, yaml.composer.Composer):
    """PyYAML's safe loader whose mappings remember their lines, composing one node at a
    time (``compose_node``: PyYAML's composer over libyaml's events) so that a reader can
    take a long file piece by piece; aliases and nesting deeper than ``MAX_DEPTH`` are
    refused while composing, before anything is built from them."""

    def __init__(self, stream):
        super().__init__(stream)
        self.anchors = {}
        self.depth = 0  # of the node being composed; the document's root is at depth 1

    def compose_node(self, parent, index):  # noqa: D102
        if self.check_event(yaml.AliasEvent):
            mark = self.get_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in claim files", mark
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"nested deeper than {MAX_DEPTH} levels", mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node, deep=False):  # noqa: D102
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.lines = {
            k.value: k.start_mark.line + 1 for k, _v in node.value if isinstance(k, yaml.ScalarNode)
        }
        return mapping

    def construct_yaml_timestamp(self, node):  # noqa: D102
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:  # 2025-02-30: a date that does not exist
            raise yaml.constructor.ConstructorError(
                None, None, f"not a real date or time ({error})", node.start_mark
            ) from None


LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_yaml_timestamp)

# field: (accepted types, required[, longest text]); texts without a limit of their own get
# TEXT_LIMIT, strings inside lists and mappings (reasons, explanations) NESTED_LIMIT.
STR, INT, NUM = (str,), (int,), (int, float)
OPT_STR = (str, type(None))
TEXT_LIMIT = 10_000
NESTED_LIMIT = 10_000
PAGE_LIMIT = 5_000_000  # an article or archived page (FETCH_MAX_BYTES of text)
STRUCTURED = {"article", "sources", "snapshots", "claims", "evidence", "history"}
KEY_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
ARTICLE = {
    "slug": ("slug", True),
    "title": (STR, True, 500),
    "publisher": (OPT_STR, False, 200),
    "author": (OPT_STR, False, 200),
    "editor": (OPT_STR, False, 200),
    "published": ((date, type(None)), False),
    "language": (STR, True, 8),
    "url": ("url?", False),
    "created": ("stamp", True),
    "text": (STR, True, PAGE_LIMIT),
}
SOURCE = {
    "key": ("key", True),
    "title": (STR, True, 500),
    "publisher": (OPT_STR, False, 200),
    "url": ("url?", False),
    "fetch_status": (OPT_STR, False, 16),
    "fetch_error": (OPT_STR, False, 500),
    "snapshots": ((list, type(None)), False),
}
SNAPSHOT = {
    "kind": (STR, True, 16),
    "url": ("url?", False),
    "final_url": ("url?", False),
    "http_status": ((int, type(None)), False),
    "content_type": (OPT_STR, False, 200),
    "sha256": (STR, True, 64),
    "fetched": ("stamp", True),
    "text": (STR, True, PAGE_LIMIT),
}
CLAIM = {
    "key": ("key", True),
    "text": (STR, True, 10_000),
    "sentence": (STR, True, 20_000),
    "span": ("span", True),
    "score": (NUM, True),
    "reasons": ((list, type(None)), False),
    "kind": (STR, True, 16),
    "claimant": (OPT_STR, False, 200),
    "section": ("section", False),
    "checkworthy": ((bool,), False),
    "status": ("status", True),
    "verdict": (OPT_STR, False, 40),
    "rationale": (OPT_STR, False, 20_000),
    "no_source_reason": (OPT_STR, False, 2000),
    "verdict_by": ("name?", False),
    "assignee": ("name?", False),
    "published_by": ("name?", False),
    "version": (INT, True),
    "created": ("stamp", True),
    "updated": ("stamp", True),
    "reviewed": ("stamp?", False),
    "published": ("stamp?", False),
    "deleted": ("stamp?", False),
    "matched": ("stamp?", False),
    "evidence": ((list, type(None)), False),
    "history": ((list, type(None)), False),
}
EVIDENCE = {
    "source": (OPT_STR, False, 40),
    "snapshot": (OPT_STR, False, 64),
    "passage": (STR, True, 20_000),
    "span": ("span?", False),
    "score": ((int, float, type(None)), False),
    "stance": ("stance?", False),
    "state": ("evidence", True),
    "url": ("url?", False),
    "note": (OPT_STR, False, 5000),
    "explanation": ((dict, type(None)), False),
    "added_by": ("name?", False),
    "created": ("stamp", True),
}
EVENT = {
    "at": ("stamp", True),
    "by": ("name?", False),
    "action": (STR, True, 32),
    "from": (OPT_STR, False, 20_000),
    "to": (OPT_STR, False, 20_000),
    "note": (OPT_STR, False, 5000),
    "public": ((bool,), False),
}


TOP = {
    "format": (STR, True),
    "article": ((dict,), True),
    "sources": ((list, type(None)), False),
    "claims": ((list, type(None)), False),
}


def validate_header(data: object, name: str) -> set[str]:
    """Raise InputError naming file, line and field for the first problem in a claim file's
    fields other than its claims (a claim file read whole, or without ``claims``, which a
    reader validates one by one with ``validate_claim``); returns the sources' keys."""
    if not isinstance(data, dict):
        raise InputError(
            f"{name}: line 1: a claim file is a mapping with format, article, sources and claims"
        )
    _check(data, TOP, name, "")
    if data["format"] != FORMAT:
        _fail(name, data, "format", "", f"expected {FORMAT!r}")
    _check(data["article"], ARTICLE, name, "article.")
    source_keys = _check_list(data, "sources", SOURCE, name)
    for i, source in enumerate(data.get("sources") or []):
        _check_items(source, "snapshots", SNAPSHOT, name, f"sources[{i}].")
    return source_keys


def validate_claim(
    claim: object, i: int, name: str, *, header: dict, keys: set, source_keys: set
) -> None:
    """Raise InputError naming file, line and field for the first problem in the file's
    claim number ``i`` (from 0); ``keys`` holds the keys of the claims before it (this one's
    is added), ``header`` is the file's mapping (whose ``claims`` line a claim that is not a
    mapping is reported at)."""
    prefix = f"claims[{i}]."
    _check(claim, CLAIM, name, prefix, parent=header, parent_field="claims")
    if claim["key"] in keys:
        _fail(name, claim, "key", prefix, f"duplicate key {claim['key']!r}")
    keys.add(claim["key"])
    _check_items(claim, "evidence", EVIDENCE, name, prefix)
    _check_items(claim, "history", EVENT, name, prefix)
    for j, evidence in enumerate(claim.get("evidence") or []):
        if evidence.get("source") is not None and evidence["source"] not in source_keys:
            _fail(
                name,
                evidence,
                "source",
                f"{prefix}evidence[{j}].",
                f"no source with key {evidence['source']!r}",
            )


def _check_list(data: dict, field: str, spec: dict, name: str) -> set:
    keys: set = set()
    for i, item in enumerate(data.get(field) or []):
        _check(item, spec, name, f"{field}[{i}].", parent=data, parent_field=field)
        if item["key"] in keys:
            _fail(name, item, "key", f"{field}[{i}].", f"duplicate key {item['key']!r}")
        keys.add(item["key"])
    return keys


def _check_items(item: dict, field: str, spec: dict, name: str, prefix: str) -> None:
    for j, sub in enumerate(item.get(field) or []):
        _check(sub, spec, name, f"{prefix}{field}[{j}].", parent=item, parent_field=field)


def _check(
    item: object,
    spec: dict,
    name: str,
    prefix: str,
    parent: dict | None = None,
    parent_field: str = "",
) -> None:
    if not isinstance(item, dict):
        line = getattr(parent, "lines", {}).get(parent_field, "?")
        raise InputError(f"{name}: line {line}: {prefix.rstrip('.')}: expected a mapping")
    for field in item:
        if field not in spec:
            _fail(name, item, field, prefix, "unknown field")
    for field, (kind, required, *limit) in spec.items():
        if field not in item:
            if required:
                line = getattr(item, "line", "?")
                raise InputError(f"{name}: line {line}: {prefix}{field}: missing")
            continue
        problem = _problem(item[field], kind)
        if not problem and field not in STRUCTURED:  # those are checked item by item
            problem = _content_problem(item[field], limit[0] if limit else TEXT_LIMIT)
        if problem:
            _fail(name, item, field, prefix, problem)


def _content_problem(value: object, limit: int) -> str | None:
    """NUL characters and over-long texts, huge and non-finite numbers, at any depth."""
    if isinstance(value, str):
        return text_problem(value, limit)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return int_problem(value, minimum=-(2**31))
    if isinstance(value, float):
        return number_problem(value) or (None if abs(value) < 1e15 else "is too large a number")
    if isinstance(value, dict):
        values = [*value.keys(), *value.values()]
    elif isinstance(value, list):
        values = value
    else:
        return None
    return next(filter(None, (_content_problem(v, NESTED_LIMIT) for v in values)), None)


def _problem(value: object, kind) -> str | None:
    if kind == "slug":
        return slug_problem(value)
    if kind == "key":
        ok = isinstance(value, str) and KEY_RE.match(value)
        return None if ok else "expected a key: 1 to 40 letters, digits, '_' or '-'"
    if kind == "name?":
        ok = value is None or (isinstance(value, str) and NAME_RE.match(value))
        return None if ok else "expected a user name (letters, digits, '.', '-', '_')"
    if kind == "url?":
        ok = value is None or (isinstance(value, str) and is_web_url(value))
        return None if ok else "expected an http:// or https:// web address"
    if kind in ("stamp", "stamp?"):
        if value is None and kind == "stamp?":
            return None
        ok = isinstance(value, str) and STAMP.match(value)
        return None if ok else "expected a UTC timestamp like 2025-11-06T12:00:00Z"
    if kind in ("span", "span?"):
        if value is None and kind == "span?":
            return None
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and v >= 0 for v in value)
            and value[0] <= value[1]
        )
        return None if ok else "expected [start, end] character offsets"
    if kind == "status":
        return (
            None
            if value in {s.value for s in ClaimStatus}
            else ("expected one of " + ", ".join(s.value for s in ClaimStatus))
        )
    if kind == "stance?":
        stances = ("supports", "contradicts", "related")
        return None if value is None or value in stances else "expected " + ", ".join(stances)
    if kind == "section":
        return None if value in SECTIONS else "expected one of " + ", ".join(SECTIONS)
    if kind == "evidence":
        return (
            None
            if value in {s.value for s in EvidenceState}
            else ("expected one of " + ", ".join(s.value for s in EvidenceState))
        )
    if isinstance(value, bool) and bool not in kind:
        return f"expected {_names(kind)}, got true/false"
    return None if isinstance(value, kind) else f"expected {_names(kind)}, got {value!r:.40}"


def _names(kinds: tuple) -> str:
    words = {
        str: "text",
        int: "a whole number",
        float: "a number",
        type(None): "nothing",
        list: "a list",
        dict: "a mapping",
        bool: "true/false",
        date: "a date (YYYY-MM-DD)",
    }
    return " or ".join(words.get(k, k.__name__) for k in kinds)


def _fail(name: str, item: dict, field: str, prefix: str, problem: str) -> None:
    line = getattr(item, "lines", {}).get(field, getattr(item, "line", "?"))
    raise InputError(f"{name}: line {line}: {prefix}{field}: {problem}")
