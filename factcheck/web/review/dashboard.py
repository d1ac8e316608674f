"""Dashboard and claim queue."""

from __future__ import annotations

from flask import render_template

from factcheck.web.review import bp


@bp.get("/")
def dashboard():
    return render_template("review/dashboard.html")


@bp.get("/claims")
def queue():
    return render_template("review/dashboard.html")
