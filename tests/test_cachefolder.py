"""The cache folder: files written once, whole, where XDG says; never a failure when the
folder cannot be written."""

from __future__ import annotations

import pytest

from factcheck.cachefolder import cache_folder, cached_file, cached_json


def test_cache_folder_follows_xdg_cache_home_else_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "factcheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "factcheck"


def test_cached_file_is_written_once_and_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def write(out):
        calls.append(1)
        out.write(b"made")

    first = cached_file("thing-1.0.bin", write)
    assert first is not None and first.read_bytes() == b"made"
    assert cached_file("thing-1.0.bin", write) == first and len(calls) == 1


def test_a_failed_write_leaves_no_file_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def fail(out):
        out.write(b"half")
        raise ValueError("broken source")

    with pytest.raises(ValueError):
        cached_file("thing.bin", fail)
    assert list((tmp_path / "factcheck").iterdir()) == []


def test_an_unwritable_cache_folder_gives_none(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("where the folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert cached_file("thing.bin", lambda out: out.write(b"x")) is None


def test_cached_json_is_built_once_then_read_and_built_again_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"names": ("Aceh", "Bali")}

    assert cached_json("names-1.0.json", build) == {"names": ["Aceh", "Bali"]}
    assert cached_json("names-1.0.json", build) == {"names": ["Aceh", "Bali"]}
    assert len(calls) == 1
    (tmp_path / "factcheck" / "names-1.0.json").write_text("{damaged")
    assert cached_json("names-1.0.json", build) == {"names": ("Aceh", "Bali")}
    assert len(calls) == 2 and not (tmp_path / "factcheck" / "names-1.0.json").exists()


def test_cached_json_builds_when_the_folder_cannot_be_written(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("where the folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert cached_json("names.json", lambda: [1, 2]) == [1, 2]
