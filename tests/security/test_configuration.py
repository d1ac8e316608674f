"""Settings an operator gets wrong fail loudly instead of silently meaning something else."""

from __future__ import annotations

import pytest

from factcheck import config, create_app
from factcheck.errors import FactcheckError


@pytest.mark.parametrize(
    ("value", "meaning"),
    [("1", True), ("true", True), ("YES", True), ("on", True), ("0", False), ("off", False)],
)
def test_yes_and_no_words_are_read_as_such(monkeypatch, value, meaning):
    monkeypatch.setenv("FACTCHECK_PRODUCTION", value)
    assert config.from_environment()["PRODUCTION"] is meaning


@pytest.mark.parametrize("value", ["maybe", "enabled", "2", "tru"])
def test_a_word_that_is_neither_yes_nor_no_is_refused_with_the_setting_named(monkeypatch, value):
    monkeypatch.setenv("FACTCHECK_PRODUCTION", value)
    with pytest.raises(FactcheckError, match=f"FACTCHECK_PRODUCTION={value!r}"):
        config.from_environment()


def test_production_refuses_to_start_without_the_public_address(app_config):
    """Without PUBLIC_BASE_URL, canonical URLs, JSON-LD and the cacheable feed would name
    whatever Host a request claimed."""
    app_config.update(PRODUCTION=True, SECRET_KEY="a-real-secret", PUBLIC_BASE_URL=None)
    with pytest.raises(FactcheckError, match="PUBLIC_BASE_URL"):
        create_app(app_config)
