"""factcheck: a fact-checking claim tracker.

``create_app`` is the Flask application factory: ``flask --app factcheck`` and the ``factcheck``
command both build the app through it. The app itself is in factcheck/flaskapp.py: importing
this package (as every module of factcheck does) does not import Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app (factcheck.flaskapp.create_app: settings, instance folder, database
    engine, web shell and commands)."""
    from factcheck.flaskapp import create_app as build

    return build(test_config)
