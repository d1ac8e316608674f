"""factcheck.web.fields draws the common controls itself: the markup must be WTForms' own."""

from __future__ import annotations

import inspect

import pytest
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import Form

from factcheck.web import fields
from factcheck.web.auth import forms as auth_forms
from factcheck.web.i18n import TranslatedForm, lazy_gettext
from factcheck.web.public import forms as public_forms
from factcheck.web.review import exports, newarticle, users
from factcheck.web.review import forms as review_forms

MODULES = (review_forms, auth_forms, public_forms, exports, newarticle, users)
FORMS = sorted(
    {
        form
        for module in MODULES
        for _, form in inspect.getmembers(module, inspect.isclass)
        if issubclass(form, Form) and form not in (Form, TranslatedForm)
    },
    key=lambda form: form.__name__,
)
# values that need escaping, a quote, an ampersand, a lazy label among the choices
AWKWARD = 'He said "10 < 20" & left'
CHOICES = review_forms.options(
    [("", lazy_gettext("Nobody")), ("1", "O'Neil & <Co>"), ("2", AWKWARD), (True, "yes")]
)


def _filled(form_class, data: dict | None):
    form = form_class(formdata=MultiDict(data) if data is not None else None, meta={"csrf": False})
    for field in form:
        if hasattr(field, "choices") and not field.choices:
            field.choices = CHOICES
    return form


@pytest.mark.parametrize("form_class", FORMS, ids=lambda form: form.__name__)
@pytest.mark.parametrize("data", [None, {}, "awkward"], ids=["fresh", "empty", "awkward"])
def test_controls_are_drawn_exactly_as_wtforms_draws_them(app, form_class, data):
    with app.test_request_context("/"):
        if data == "awkward":
            data = {name: AWKWARD for name in form_class().data} | {"assignee": "2"}
        form = _filled(form_class, data)
        if data is not None:
            form.validate()  # errors: aria-invalid and aria-describedby, as the page passes
        for field in form:
            extra = {"aria-describedby": f"x-{field.id}-errors", "aria-invalid": "true"}
            for kwargs in ({}, {"id": "p-" + field.id}, dict(extra, id="q"), {"class_": "b"}):
                assert fields.control(field, **kwargs) == field(**kwargs), (field.name, kwargs)


def test_a_field_is_label_hint_control_and_errors(app):
    with app.test_request_context("/"):
        form = _filled(review_forms.VerdictForm, {"rationale": ""})
        form.validate()
        html = fields.field(form.rationale, hint="Markdown <ok>", idp="verdict-")
    assert isinstance(html, Markup)
    assert '<p class="field has-errors">' in html
    assert '<label for="verdict-rationale">' in html and '<span class="req">' in html
    assert '<span class="hint" id="verdict-rationale-hint">Markdown &lt;ok&gt;</span>' in html
    assert 'aria-describedby="verdict-rationale-hint verdict-rationale-errors"' in html
    assert (
        'aria-invalid="true"' in html
        and '<span class="errors" id="verdict-rationale-errors">' in html
    )
