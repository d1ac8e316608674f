"""The glossary's built table is kept in the cache folder and is the table it was built as."""

from factcheck.language import glossary
from factcheck.language.anchors import extract_anchors


def _load(path) -> glossary.Glossary:
    return glossary._load_glossary.__wrapped__(str(path))


def test_cached_glossary_is_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = glossary._build_glossary(glossary.GLOSSARY_PATH.read_bytes())
    first = _load(glossary.GLOSSARY_PATH)  # builds and writes
    (cached,) = (tmp_path / "factcheck").glob("glossary-*.json")
    written = cached.stat().st_mtime_ns
    second = _load(glossary.GLOSSARY_PATH)  # reads
    assert cached.stat().st_mtime_ns == written
    assert first == second == built
    assert len(built.names) > 1000  # CLDR's places are in it
    entry = second.names["kesepakatan abraham"][0]
    assert isinstance(entry, glossary.Name) and entry.value == "abraham accords"


def test_an_edited_glossary_is_built_again_not_read_stale(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    own = tmp_path / "glossary.yaml"
    own.write_text("terms:\n  parliament: [DPR]\n", encoding="utf-8")
    assert "dpr" in _load(own).names
    own.write_text("terms:\n  parliament: [Dewan Perwakilan Rakyat]\n", encoding="utf-8")
    edited = _load(own)
    assert "dpr" not in edited.names and "dewan perwakilan rakyat" in edited.names
    assert len(list((tmp_path / "factcheck").glob("glossary-*.json"))) == 2


def test_damaged_cached_glossary_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = _load(glossary.GLOSSARY_PATH)
    (cached,) = (tmp_path / "factcheck").glob("glossary-*.json")
    for damaged in ('{"names": {"x": [1]}}', "{not json", '{"names": {}}'):
        cached.write_text(damaged)
        assert _load(glossary.GLOSSARY_PATH) == built
        assert not cached.exists()  # written whole again by the next load
        _load(glossary.GLOSSARY_PATH)


def test_glossary_works_when_the_cache_cannot_be_written(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    glossary._load_glossary.cache_clear()
    try:
        found = extract_anchors("Kazakhstan bergabung dengan Kesepakatan Abraham", "id")
        assert ("term", "abraham accords") in [(a.kind, a.value) for a in found]
    finally:
        glossary._load_glossary.cache_clear()
