"""Language identification: py3langid restricted to the configured languages."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import py3langid
import pytest

from factcheck import create_app
from factcheck.articles.ingest import parse_article
from factcheck.errors import FactcheckError
from factcheck.language import identify
from factcheck.language.identify import configured_languages, identify_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Presiden mengatakan bahwa anggaran untuk pendidikan akan naik pada tahun ini.", "id"),
        ("The president said that the budget for education will rise this year.", "en"),
        ("Kazakhstan bergabung dengan Kesepakatan Abraham", "id"),
        ("Kazakhstan joins the Abraham Accords", "en"),
        ("Sebanyak 1.500 orang hadir", "id"),
        ("Harga beras naik 12,4 persen", "id"),
        ("Rice prices rose 12.4 percent", "en"),
        # Malay-looking Indonesian is still Indonesian: Malay is not a configured language
        ("Kerajaan akan membantu rakyat yang terjejas banjir", "id"),
    ],
)
def test_language_is_identified_among_the_configured_ones(text, language):
    assert identify_language(text) == language


def test_text_with_nothing_to_go_on_gets_the_first_configured_language():
    assert identify_language("") == "id"
    assert identify_language("2025 — 12,4") == "id"
    assert identify_language("", ["en", "id"]) == "en"


def test_choice_can_be_narrowed_or_widened_per_call():
    assert identify_language("Le président a annoncé la réforme", ["fr", "en"]) == "fr"
    assert identify_language("Le président a annoncé la réforme", ["en"]) == "en"


def test_an_unknown_language_code_is_a_clear_error():
    with pytest.raises(FactcheckError, match="LANGUAGES: .*xx"):
        identify_language("some text", ["xx", "en"])


def test_the_model_ships_with_the_package_and_nothing_is_downloaded(monkeypatch):
    model = Path(py3langid.__file__).parent / "data" / "model.npz.xz"
    assert model.is_file()

    def no_network(*args, **kwargs):
        raise AssertionError("language identification tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    identify._model.cache_clear()
    identify._identifier.cache_clear()
    assert identify_language("Warga bersorak di jalan", ["id", "en", "ms"]) in ("id", "ms")


@pytest.fixture
def restore_languages():
    before = configured_languages()
    yield
    identify.use_languages(before)


def test_the_languages_setting_decides_what_an_article_can_be(app_config, restore_languages):
    create_app({**app_config, "LANGUAGES": ["en"]})
    text = "Judul\nPresiden mengatakan bahwa anggaran untuk pendidikan akan naik pada tahun ini."
    assert parse_article(text).language == "en"
    create_app(app_config)
    assert parse_article(text).language == "id"


def test_an_empty_languages_setting_is_refused(app_config, restore_languages):
    with pytest.raises(FactcheckError, match="LANGUAGES"):
        create_app({**app_config, "LANGUAGES": []})


def test_restricted_identification_beats_the_stopword_guessers_on_the_labelled_texts(
    bench_module,
):
    """bench/eval_language.py's texts: sentences and paragraphs of the extraction articles and
    the matching set's passages and claims, each with its language."""
    bench = bench_module("eval_language")
    texts = [pair for group in bench.labelled_texts().values() for pair in group]
    assert len(texts) >= 400  # the sets are still there

    def misses(guess) -> int:
        return sum(guess(text) != lang for text, lang in texts)

    assert misses(lambda t: identify_language(t, ["id", "en"])) <= len(texts) // 100
    assert misses(lambda t: identify_language(t, ["id", "en"])) < min(
        misses(bench.old_ingest_guess), misses(bench.old_lexicon_guess)
    )


def test_decompressed_model_is_cached_and_identifies_as_the_shipped_one(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = identify._model.__wrapped__()  # writes the cache
    cached = list((tmp_path / "factcheck").glob("py3langid-*.npz"))
    assert len(cached) == 1 and not list((tmp_path / "factcheck").glob("*.part"))
    written = cached[0].stat().st_mtime_ns
    second = identify._model.__wrapped__()  # reads it
    assert cached[0].stat().st_mtime_ns == written
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE)
    for text in ["Harga beras naik 12,4 persen", "Rice prices rose 12.4 percent", "Bonjour"]:
        assert first.classify(text) == second.classify(text) == shipped.classify(text)
    assert (second.nb_ptc == shipped.nb_ptc).all() and second.tk_output == shipped.tk_output


def test_damaged_cached_model_is_replaced_by_the_shipped_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    identify._model.__wrapped__()
    (cached,) = (tmp_path / "factcheck").glob("py3langid-*.npz")
    cached.write_bytes(b"not a model")
    model = identify._model.__wrapped__()
    assert model.classify("Rice prices rose 12.4 percent")[0] == "en"
    assert not cached.exists()  # written again by the next process


def test_model_is_read_as_shipped_when_the_cache_cannot_be_written(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert identify._model.__wrapped__().classify("Rice prices rose 12.4 percent")[0] == "en"


@pytest.mark.parametrize("languages", [("id", "en"), ("en", "id", "ms"), ("fr", "de", "en")])
def test_cached_table_identifies_as_py3langid_on_the_labelled_texts(
    languages, bench_module, tmp_path, monkeypatch
):
    """The NumPy-free table gives py3langid's answer (and, to rounding, its score) on every
    labelled text, the seed articles whole, and texts with nothing or little to go on."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    table = identify._identifier.__wrapped__(languages)
    assert isinstance(table, identify._Table)
    assert len(list((tmp_path / "factcheck").glob("py3langid-*.table"))) == 1
    reference = identify._restricted(languages)
    bench = bench_module("eval_language")
    texts = [text for group in bench.labelled_texts().values() for text, _ in group]
    articles = Path(__file__).resolve().parents[1] / "data" / "extract"
    texts += [path.read_text() for path in sorted(articles.glob("*.txt"))]
    texts += ["x", "!!", "É", "ABC SHOUTING IN CAPITALS", "Le président a annoncé la réforme"]
    assert len(texts) >= 400
    for text in texts:
        label, score = table.classify(text)
        expected_label, expected_score = reference.classify(text)
        assert label == expected_label, text
        assert score == pytest.approx(float(expected_score), rel=1e-4), text


def test_language_table_is_written_once_and_read_without_numpy(tmp_path):
    """A later process identifies from the cached table: neither NumPy nor py3langid loads."""
    probe = (
        "import sys; from factcheck.language.identify import identify_language; "
        "print(identify_language('Harga beras naik 12,4 persen pada bulan lalu'), "
        "'numpy' in sys.modules, 'py3langid.langid' in sys.modules)"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    runs = [
        subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    first, second = (run.stdout.split() for run in runs)
    assert first == ["id", "True", "True"] and second == ["id", "False", "False"]
    (table,) = (tmp_path / "factcheck").glob("py3langid-*-en-id.table")
    assert not list((tmp_path / "factcheck").glob("*.part"))
    assert table.stat().st_size > 1_000_000


def test_damaged_language_table_is_removed_and_py3langid_answers(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    identify._identifier.__wrapped__(("id", "en"))
    (table,) = (tmp_path / "factcheck").glob("py3langid-*.table")
    whole = table.read_bytes()
    for damaged in (b"not a table", whole[: len(whole) // 2]):
        table.write_bytes(damaged)
        identifier = identify._identifier.__wrapped__(("id", "en"))
        assert not isinstance(identifier, identify._Table)
        assert identifier.classify("Rice prices rose 12.4 percent")[0] == "en"
        assert not table.exists()  # written again by the next process
        table.write_bytes(whole)


def test_unknown_language_is_refused_before_any_table_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with pytest.raises(FactcheckError, match="LANGUAGES: .*xx"):
        identify._identifier.__wrapped__(("xx", "en"))
    assert not list((tmp_path / "factcheck").glob("*.table"))
    assert not list((tmp_path / "factcheck").glob("*.part"))
