"""Compiled regular expressions kept between processes: a pattern made from the file is the
pattern re makes, and the file is written when a process ends."""

from __future__ import annotations

import _sre
import marshal
import os
import re
import subprocess
import sys

import pytest

from factcheck import regexcache


def _fresh(pattern: str, flags: int) -> re.Pattern:
    return regexcache._original(pattern, flags)


def test_factcheck_compiles_through_the_cache():
    assert re._compiler.compile is regexcache._compile


def test_a_pattern_made_from_its_codes_is_the_pattern_re_makes():
    pattern = r"\b(?P<count>(?:ke)?(?:dua puluh|tiga))\s+(?i:orang|warga)(?![.,]\d)"
    for flags in (0, re.IGNORECASE, re.VERBOSE | re.MULTILINE):
        made, fresh = (
            _sre.compile(pattern, *regexcache._program(pattern, flags)),
            _fresh(pattern, flags),
        )
        assert made == fresh and made.groupindex == fresh.groupindex


def test_a_second_process_reads_the_patterns_the_first_wrote(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    env.pop("FACTCHECK_REGEX_CACHE", None)
    script = "import factcheck.articles.extract, factcheck.regexcache as r; print(r._added)"
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    # the second compiles only what a set's order spells differently in each process (a
    # pattern made from a set in Jinja's lexer and in Babel)
    first, second = int(runs[0].stdout), int(runs[1].stdout)
    assert first > 50 and second <= 5
    saved = marshal.loads((tmp_path / "factcheck" / regexcache.NAME).read_bytes())
    assert first <= len(saved) <= first + second
    for (pattern, flags), program in saved.items():  # each as re would make it
        made, fresh = _sre.compile(pattern, *program), _fresh(pattern, flags)
        assert made == fresh and made.groupindex == fresh.groupindex


def test_a_damaged_file_is_ignored_and_rewritten(tmp_path):
    folder = tmp_path / "factcheck"
    folder.mkdir()
    (folder / regexcache.NAME).write_bytes(b"\x00 not marshal")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    env.pop("FACTCHECK_REGEX_CACHE", None)
    script = "import re, factcheck; print(re.compile(r'(?P<a>x)+y').match('xxy')['a'])"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert run.stdout == "x\n", run.stderr
    assert isinstance(marshal.loads((folder / regexcache.NAME).read_bytes()), dict)


def test_an_entry_sre_refuses_is_made_again(monkeypatch):
    pattern = r"(?P<refused>entry)\s+made again"
    monkeypatch.setitem(regexcache._known, (pattern, 0), (0, [1, 2, 3], 0, {}, ()))
    assert regexcache._compile(pattern) == _fresh(pattern, 0)
    assert regexcache._known[(pattern, 0)] != (0, [1, 2, 3], 0, {}, ())  # the one kept


def test_a_bad_pattern_raises_as_re_does_and_is_not_kept():
    with pytest.raises(re.error):
        re.compile(r"(?P<unclosed>x")
    assert (r"(?P<unclosed>x", 0) not in regexcache._known
    assert (r"(?P<unclosed>x", 0) not in regexcache._used
