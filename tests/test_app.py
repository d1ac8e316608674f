"""The app factory and its settings: instance folder, database made on first use."""

import sys
from importlib.resources import files
from pathlib import Path

import pytest
from flask.sansio import scaffold

from factcheck import config as settings
from factcheck import create_app, db
from factcheck.errors import FactcheckError

ROOT = Path(__file__).resolve().parent.parent


def test_index_with_nothing_published_says_articles_are_being_checked(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Our fact-checkers are checking articles now" in response.data
    assert b'class="article-list"' not in response.data


def test_production_refuses_the_default_secret_key(app_config):
    app_config.update(PRODUCTION=True, SECRET_KEY="dev-only-change-me")
    with pytest.raises(FactcheckError, match="SECRET_KEY"):
        create_app(app_config)


def test_first_run_creates_the_sqlite_database_in_the_instance_folder(tmp_path):
    instance = tmp_path / "instance"
    app = create_app({"INSTANCE_PATH": str(instance), "TESTING": True, "SECRET_KEY": "x"})
    assert not instance.exists()  # building the app touches no database
    assert app.test_client().get("/").status_code == 200
    assert (instance / "factcheck.sqlite3").exists()
    assert app.config["DATABASE_URL"].endswith("instance/factcheck.sqlite3")
    assert db.current_revision(app.extensions["factcheck.engine"]) == db.head_revision()
    app.extensions["factcheck.engine"].dispose()


def test_instance_folder_is_flasks_default_beside_the_package_in_a_checkout(monkeypatch):
    monkeypatch.delenv("FACTCHECK_INSTANCE", raising=False)
    app = create_app({"TESTING": True})
    assert app.instance_path == app.auto_find_instance_path() == str(ROOT / "instance")


@pytest.mark.parametrize(
    ("prefix", "package_path"),
    [
        ("/usr", "/usr/lib/python3.11/site-packages"),  # installed to the system
        ("/usr", "/opt/venv/lib/python3.11/site-packages"),  # a virtual environment
        ("/usr", "/opt/venv/Lib/site-packages"),  # one on Windows
        ("/usr", "/opt/venv/site-packages"),  # something else
        ("/usr", "/home/ann/factcheck"),  # a checkout
    ],
)
def test_instance_folder_without_flask_is_flasks_default(
    monkeypatch, tmp_path, prefix, package_path
):
    # factcheck.config writes out Flask's default so that `factcheck extract` reads the same
    # settings without importing Flask; Flask's own answer for the same layout decides
    monkeypatch.delenv("FACTCHECK_INSTANCE", raising=False)
    app = create_app({"TESTING": True})
    monkeypatch.setattr(sys, "prefix", prefix)
    monkeypatch.setattr(settings, "__file__", f"{package_path}/factcheck/config.py")
    monkeypatch.setattr(scaffold, "_find_package_path", lambda name: package_path)
    assert settings.instance_folder() == app.auto_find_instance_path()


def test_settings_read_without_an_app_are_the_apps(monkeypatch, tmp_path):
    (tmp_path / "config.py").write_text('LANGUAGES = ["en"]\nORG_NAME = "file"\nlower = 1\n')
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(tmp_path))
    monkeypatch.setenv("FACTCHECK_ORG_NAME", "environment")  # the environment comes last
    read = settings.read(settings.instance_folder())
    assert read["LANGUAGES"] == ["en"] and read["ORG_NAME"] == "environment"
    assert "lower" not in read
    app = create_app()
    filled = ("DATABASE_URL", "DEMO_CLAIMS_DIR", "ARCHIVE_INDEX_DIR")  # create_app fills in None
    assert {name: app.config[name] for name in read if name not in filled} == {
        name: value for name, value in read.items() if name not in filled
    }


def test_settings_read_skips_a_missing_config_file_and_raises_on_a_broken_one(tmp_path):
    assert settings.read(str(tmp_path))["LANGUAGES"] == settings.DEFAULTS["LANGUAGES"]
    (tmp_path / "config.py").mkdir()  # a folder: no file, as Flask's from_pyfile(silent) has it
    assert settings.read(str(tmp_path))["LANGUAGES"] == settings.DEFAULTS["LANGUAGES"]
    (tmp_path / "config.py").rmdir()
    (tmp_path / "config.py").write_text("LANGUAGES = [")
    with pytest.raises(SyntaxError):
        settings.read(str(tmp_path))


def test_factcheck_instance_sets_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_INSTANCE", "elsewhere")
    app = create_app({"TESTING": True})
    assert app.instance_path == str(tmp_path / "elsewhere")
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'elsewhere' / 'factcheck.sqlite3'}"


def test_templates_and_demo_come_from_the_package(app_config):
    app_config.pop("DEMO_CLAIMS_DIR")
    app = create_app(app_config)
    assert app.jinja_loader.searchpath == [str(files("factcheck.templates"))]
    assert (files("factcheck.templates") / "base.html").is_file()
    assert app.config["DEMO_CLAIMS_DIR"] == str(files("factcheck.demo"))
    assert (files("factcheck.demo") / "kazakhstan-abraham-accords.yaml").is_file()


def test_auto_migrate_upgrades_an_old_database_on_first_use_only(empty_database_url, tmp_path):
    old = db.make_engine(empty_database_url)
    db.upgrade(old, "0001")
    app = create_app(
        {"TESTING": True, "DATABASE_URL": empty_database_url, "INSTANCE_PATH": str(tmp_path)}
    )
    assert db.current_revision(old) == "0001"  # building the app did not migrate
    assert app.test_client().get("/").status_code == 200
    assert db.current_revision(old) == db.head_revision()
    app.extensions["factcheck.engine"].dispose()
    old.dispose()


def test_auto_migrate_leaves_a_database_at_the_newest_revision_alone(app_config, monkeypatch):
    def no_upgrade(*_args, **_kwargs):
        raise AssertionError("a database at the newest revision was migrated")

    monkeypatch.setattr(db, "upgrade", no_upgrade)
    app = create_app(dict(app_config, AUTO_MIGRATE=True))
    assert app.test_client().get("/").status_code == 200
    app.extensions["factcheck.engine"].dispose()


def test_the_web_is_set_up_by_the_first_request_not_by_the_factory(app_config):
    app = create_app(app_config)
    assert app.blueprints == {}
    assert app.test_client().get("/").status_code == 200
    assert {"auth", "review", "public", "api"} <= set(app.blueprints)
    app.extensions["factcheck.engine"].dispose()
