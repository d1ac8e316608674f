"""The glossary: names that mean the same thing in several languages, and CLDR's place names.

factcheck/language/glossary.yaml (or a newsroom's own file) lists terms ("Kesepakatan
Abraham" = "Abraham Accords"), extra place names and abbreviations; CLDR's territory names in
many languages (factcheck.language.vocabulary) are added as places. The recogniser
(factcheck.language.anchors) looks names up here by their folded words.

Building the table folds about 6,000 names, a cost every process that recognises anchors
paid (about a third of ``factcheck extract``'s own CPU time); the built table is kept in the
cache folder (factcheck/cachefolder.py) under a name made from everything it is built from:
the glossary file's bytes, Babel's version and the source of the modules that fold and list
the names. Editing any of them makes a new file instead of reading a stale one.
"""

from __future__ import annotations

import gc
import hashlib
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import babel

from factcheck.cachefolder import cached_file
from factcheck.language import lexicon, vocabulary
from factcheck.language.lexicon import phrase_key
from factcheck.language.vocabulary import territory_names

GLOSSARY_PATH = Path(__file__).with_name("glossary.yaml")


class Name(NamedTuple):
    """One way of writing an anchor: capitals-only aliases keep their exact form."""

    kind: str
    value: str
    exact: str | None = None
    lang: str | None = None


class Glossary(NamedTuple):
    """Every known name by phrase key, and every word-prefix of a key (to stop scans early)."""

    names: dict[str, list[Name]]
    prefixes: frozenset[str]


def load_glossary(path: str | Path | None = None) -> Glossary:
    """Load the glossary at ``path`` (default: the bundled one) with CLDR place names; cached."""
    return _load_glossary(str(path or GLOSSARY_PATH))


_COLLECTOR_PAUSE = threading.Lock()


@lru_cache(maxsize=8)
def _load_glossary(path: str) -> Glossary:
    # The table is some 20,000 objects that live as long as the process: a full collection
    # while they are made scans every object the process has, for nothing (about 30 ms of
    # `factcheck extract`'s start), so the collector waits until they are made. One thread at
    # a time: a second thread reading "disabled" between the first's disable and enable would
    # otherwise disable the collector after the first had enabled it, for good.
    with _COLLECTOR_PAUSE:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return _read_glossary(path)
        finally:
            if enabled:
                gc.enable()


def _read_glossary(path: str) -> Glossary:
    source = Path(path).read_bytes()
    try:
        key = _build_key(source)
    except (OSError, TypeError):  # a module without its file (frozen, zipped): no cache
        return _build_glossary(source)
    cached = cached_file(
        f"glossary-{key}.json",
        lambda out: out.write(json.dumps(_to_json(_build_glossary(source))).encode()),
    )
    if cached is not None:
        try:
            return _from_json(json.loads(cached.read_bytes()))
        except (OSError, ValueError, TypeError, KeyError):  # damaged: build it again
            cached.unlink(missing_ok=True)
    return _build_glossary(source)


def _build_key(source: bytes) -> str:
    """What a built glossary depends on, hashed: the file, Babel's version (CLDR's names)
    and the code that lists and folds the names."""
    digest = hashlib.sha256(source)
    digest.update(babel.__version__.encode())
    for module in (lexicon, vocabulary):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:24]


def _to_json(glossary: Glossary) -> dict:
    return {"names": glossary.names, "prefixes": sorted(glossary.prefixes)}


def _from_json(data: dict) -> Glossary:
    names = {key: [Name(*entry) for entry in entries] for key, entries in data["names"].items()}
    return Glossary(names, frozenset(data["prefixes"]))


def _build_glossary(source: bytes) -> Glossary:
    import yaml

    data = yaml.safe_load(source.decode("utf-8")) or {}
    names: dict[str, list[Name]] = {}
    stop = {phrase_key(word) for word in data.get("place_stoplist", [])}

    def add(kind: str, value: str, alias: str, lang: str | None = None) -> None:
        plain = alias.replace(".", "")
        exact = plain if plain.isupper() and len(plain) <= 6 else None
        entries = names.setdefault(phrase_key(alias), [])
        entry = Name(kind, value, exact, lang)
        # exact (capitals-only) and language-bound names are checked before general ones
        entries.insert(0, entry) if exact or lang else entries.append(entry)

    for code, name in territory_names():
        if phrase_key(name) not in stop:
            add("place", code, name)
    for code, aliases in (data.get("places") or {}).items():
        for alias in aliases:
            add("place", code, alias)
    for lang, table in (data.get("places_by_lang") or {}).items():
        for code, aliases in table.items():
            for alias in aliases:
                add("place", code, alias, lang)
    for term, aliases in (data.get("terms") or {}).items():
        for alias in [term, *aliases]:
            add("term", term, alias)
    prefixes = {" ".join(key.split()[:n]) for key in names for n in range(1, len(key.split()) + 1)}
    return Glossary(names, frozenset(prefixes))
