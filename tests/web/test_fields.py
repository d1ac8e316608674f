"""factcheck.web.fields draws the common controls itself: the markup must be WTForms' own."""

from __future__ import annotations

import inspect

import pytest
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict
from wtforms import Form

from factcheck.web import fields
from factcheck.web.auth import forms as auth_forms
from factcheck.web.i18n import TranslatedForm, gettext, lazy_gettext
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


def _field_as_formatted(f, hint=None, idp=""):
    """``fields.field`` as it was drawn with ``Markup.format`` (the reference for its text)."""
    fid = idp + f.id
    if f.type in ("HiddenField", "CSRFTokenField"):
        return fields.control(f, id=fid)
    if f.type == "SubmitField":
        return fields.control(f, class_="button", id=fid)
    hint_html = ""
    if hint:
        hint_html = Markup('<span class="hint" id="{}-hint">{}</span>').format(fid, hint)
    errors = (
        Markup('<span class="errors" id="{}-errors">{}</span>').format(
            fid, Markup(" ").join(escape(e) for e in f.errors)
        )
        if f.errors
        else Markup("")
    )
    if f.type == "BooleanField":
        parts = [fields.control(f, id=fid) + " " + f.label(for_=fid), hint_html, errors]
        return Markup('<p class="field field-check">\n{}\n</p>').format(Markup("\n").join(parts))
    described = ((fid + "-hint ") if hint else "") + ((fid + "-errors") if f.errors else "")
    aria = {"aria-describedby": described.strip()} if described else {}
    if f.errors:
        aria["aria-invalid"] = "true"
    label = Markup('<label for="{}">').format(fid) + escape(f.label.text) + Markup("</label>")
    if f.flags.required:
        label += Markup(' <span class="req">{}</span>').format(gettext("(required)"))
    parts = [label, hint_html, fields.control(f, id=fid, **aria), errors]
    return Markup('<p class="field{}">\n{}\n</p>').format(
        " has-errors" if f.errors else "", Markup("\n").join(parts)
    )


@pytest.mark.parametrize("form_class", FORMS, ids=lambda form: form.__name__)
@pytest.mark.parametrize("data", [None, "awkward"], ids=["fresh", "awkward"])
@pytest.mark.parametrize("hint", [None, AWKWARD, Markup("<em>Markdown</em> &amp; more")])
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_field_is_drawn_as_markup_format_drew_it(app, form_class, data, hint, language):
    with app.test_request_context("/", headers={"Accept-Language": language}):
        if data == "awkward":
            data = {name: AWKWARD for name in form_class().data} | {"assignee": "2"}
        form = _filled(form_class, data)
        if data is not None:
            form.validate()
        for field in form:
            for idp in ("", 'x"<&-'):
                drawn = fields.field(field, hint=hint, idp=idp)
                assert isinstance(drawn, Markup)
                assert drawn == _field_as_formatted(field, hint=hint, idp=idp), field.name


# the Jinja macro that drew a form's hidden fields before ``fields.hidden_fields``
MACRO = (
    "{% macro hidden_fields(form, skip=()) %}\n"
    "  {% for f in form if f.type in ('HiddenField', 'CSRFTokenField') and f.name not in skip %}"
    '<input type="hidden" name="{{ f.name }}" value="{{ f._value() }}">{% endfor %}\n'
    "{% endmacro %}"
    "[{{ hidden_fields(form, skip) }}]"
)


@pytest.mark.parametrize("form_class", FORMS, ids=lambda form: form.__name__)
@pytest.mark.parametrize("skip", [(), ("state",), ("to", "version")])
def test_hidden_fields_are_drawn_as_the_macro_drew_them(app, form_class, skip):
    with app.test_request_context("/"):
        form = form_class(formdata=MultiDict({"version": AWKWARD, "request_id": "<1&2>"}))
        macro = app.jinja_env.from_string(MACRO).render(form=form, skip=skip)
        drawn = fields.hidden_fields(form, skip)
    assert isinstance(drawn, Markup)
    assert f"[{drawn}]" == macro
    if "version" in form and "version" not in skip:
        assert 'name="version" value="He said &#34;10 &lt; 20&#34; &amp; left"' in drawn
    assert ('name="csrf_token"' in drawn) == ("csrf_token" in form)
