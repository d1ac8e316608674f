"""The glossary: names that mean the same thing in several languages, and CLDR's place names.

factcheck/language/glossary.yaml (or a newsroom's own file) lists terms ("Kesepakatan
Abraham" = "Abraham Accords"), extra place names and abbreviations; CLDR's territory names in
many languages (factcheck.language.vocabulary) are added as places. The recogniser
(factcheck.language.anchors) looks names up here by their folded words.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

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


@lru_cache(maxsize=8)
def _load_glossary(path: str) -> Glossary:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
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
