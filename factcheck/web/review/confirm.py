"""Ask before a destructive action (delete, merge, re-extract), without JavaScript: the first
POST shows what the action will change and a form that sends the same fields again with
``confirmed=yes``; only that second POST does it."""

from __future__ import annotations

from flask import render_template, request

CONFIRMED = "yes"


def ask_first(kind: str, preview, *, back: str) -> str | None:
    """None when this request carries the confirmation; else the page asking for it, showing
    ``preview`` (a factcheck.review.previews dataclass) and a way ``back``."""
    if request.form.get("confirmed") == CONFIRMED:
        return None
    fields = [
        (name, value)
        for name, values in request.form.lists()
        if name != "confirmed"
        for value in values
    ]
    return render_template(
        "review/confirm.html",
        kind=kind,
        preview=preview,
        action=request.path,
        fields=fields,
        back=back,
    )
