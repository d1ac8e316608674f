"""The app factory and its settings."""

import pytest

from factcheck import create_app
from factcheck.errors import FactcheckError


def test_index_lists_no_articles_on_an_empty_database(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"No articles yet" in response.data


def test_production_refuses_the_default_secret_key(app_config):
    app_config.update(PRODUCTION=True, SECRET_KEY="dev-only-change-me")
    with pytest.raises(FactcheckError, match="SECRET_KEY"):
        create_app(app_config)


def test_first_run_creates_the_sqlite_database_in_the_instance_folder(tmp_path):
    instance = tmp_path / "instance"
    app = create_app({"INSTANCE_PATH": str(instance), "TESTING": True, "SECRET_KEY": "x"})
    assert (instance / "factcheck.sqlite3").exists()
    assert app.config["DATABASE_URL"].endswith("instance/factcheck.sqlite3")
    app.extensions["factcheck.engine"].dispose()
