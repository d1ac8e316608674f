"""Templates compiled once per installation, their bytecode kept in the cache folder, and a
serving process's start-up objects frozen before its first answer (factcheck/web/warm.py);
tests' apps freeze nothing, and a cache folder that cannot be written never fails a page."""

from __future__ import annotations

import gc
import shutil

import jinja2
import pytest

from factcheck import create_app
from factcheck.web.warm import environment_key


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "factcheck"


@pytest.fixture
def unfreeze():
    yield
    gc.unfreeze()  # the rest of the test run collects as before


def _serving_app(app_config):
    return create_app({**app_config, "TESTING": False})


def _compiled(app) -> set[str]:
    return {name for _, name in app.jinja_env.cache.keys()}


def test_a_serving_app_freezes_its_start_up_objects_once_before_its_first_answer(
    app_config, cache_home, unfreeze, monkeypatch
):
    freezes, real = [], gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(1) or real())
    app = _serving_app(app_config)
    assert gc.get_freeze_count() == 0
    assert app.test_client().get("/").status_code == 200
    assert gc.get_freeze_count() > 10_000
    assert app.test_client().get("/").status_code == 200
    assert len(freezes) == 1  # once per process, not per request
    app.extensions["factcheck.engine"].dispose()


def test_templates_a_process_compiles_are_kept_for_the_next(app_config, cache_home):
    app = create_app(app_config)
    assert app.test_client().get("/").status_code == 200
    (folder,) = cache_home.glob("jinja-*")
    assert len(list(folder.iterdir())) == len(_compiled(app)) > 0
    app.extensions["factcheck.engine"].dispose()


def test_the_next_process_loads_the_templates_without_compiling_them(
    app_config, cache_home, monkeypatch
):
    first = create_app(app_config)
    first.test_client().get("/")
    compiled = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(
        jinja2.Environment,
        "compile",
        lambda self, *a, **k: compiled.append(a) or real(self, *a, **k),
    )
    second = create_app(app_config)  # a new app: a new Jinja environment and an empty cache
    page = second.test_client().get("/")
    assert page.status_code == 200 and b"<html" in page.data
    assert compiled == []
    assert _compiled(second) == _compiled(first)
    for app in (first, second):
        app.extensions["factcheck.engine"].dispose()


def test_a_cache_folder_that_cannot_be_made_or_written_fails_no_page(
    app_config, tmp_path, monkeypatch, unfreeze
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    app = _serving_app(app_config)
    assert app.test_client().get("/").status_code == 200
    assert app.jinja_env.bytecode_cache is None
    app.extensions["factcheck.engine"].dispose()

    # made, then gone before the first template is written: compiled and served anyway
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = create_app(app_config)  # a test app: templates compiled on first use
    assert app.url_map  # the web set up, the bytecode cache chosen
    shutil.rmtree(tmp_path / "cache")
    page = app.test_client().get("/")
    assert page.status_code == 200 and b"<html" in page.data
    assert not (tmp_path / "cache").exists()
    app.extensions["factcheck.engine"].dispose()


def test_test_apps_freeze_nothing(app, cache_home):
    assert app.test_client().get("/").status_code == 200
    assert gc.get_freeze_count() == 0


def test_the_bytecode_folder_changes_with_what_the_compiled_code_depends_on(app):
    assert app.url_map  # the web set up (the i18n extension and its policies)
    env = app.jinja_env
    key = environment_key(env)
    assert environment_key(env) == key  # stable
    env.policies["ext.i18n.trimmed"] = not env.policies["ext.i18n.trimmed"]
    assert environment_key(env) != key
    env.policies["ext.i18n.trimmed"] = not env.policies["ext.i18n.trimmed"]
    env.trim_blocks = not env.trim_blocks
    assert environment_key(env) != key
