"""One way to render a form field: its label, hint, control and errors (``field``, a Jinja
global), and its control alone (``control``).

This was a Jinja macro around WTForms' widgets; a checker's claim page has sixteen fields, and
the macro and widgets took a third of its render (a select's widget inspects its option
renderer's signature on every call and builds each <option>'s attributes through the general
``html_params``). The common widgets (text input, submit button, text area, plain select) are
drawn here with exactly WTForms' markup (tests/web/test_fields.py compares the two for every
workspace form); any other widget, or a form whose Meta renders fields its own way, is left to
WTForms.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from wtforms.meta import DefaultMeta
from wtforms.widgets import Select, SubmitInput, TextArea, TextInput
from wtforms.widgets.core import clean_key

from factcheck.web.i18n import gettext


def field(f, hint: str | None = None, idp: str = "") -> Markup:
    """A field as a paragraph: label ("(required)" when it is), ``hint``, control, errors.
    ``idp`` prefixes the field's id, so two forms on one page never share one (labels stay
    right). Hidden fields and buttons are the bare control."""
    fid = idp + f.id
    if f.type in ("HiddenField", "CSRFTokenField"):
        return control(f, id=fid)
    if f.type == "SubmitField":
        return control(f, class_="button", id=fid)
    efid = _text(fid)
    hint_html = Markup(f'<span class="hint" id="{efid}-hint">{_text(hint)}</span>') if hint else ""
    if f.type == "BooleanField":
        parts = [control(f, id=fid) + " " + f.label(for_=fid), hint_html, _errors(f, fid)]
        return Markup('<p class="field field-check">\n{}\n</p>').format(Markup("\n").join(parts))
    described = ((fid + "-hint ") if hint else "") + ((fid + "-errors") if f.errors else "")
    aria = {"aria-describedby": described.strip()} if described else {}
    if f.errors:
        aria["aria-invalid"] = "true"
    # escape(), as WTForms' Label: a translated label (lazy) is the catalogue's markup
    label = f'<label for="{efid}">{escape(f.label.text)}</label>'
    if f.flags.required:
        label += f' <span class="req">{_text(gettext("(required)"))}</span>'
    parts = "\n".join((label, hint_html, control(f, id=fid, **aria), _errors(f, fid)))
    return Markup(f'<p class="field{" has-errors" if f.errors else ""}">\n{parts}\n</p>')


def _text(value) -> Markup:
    """``value`` escaped as ``Markup.format`` escapes what it fills in (markup kept as it
    is, anything else made text and escaped); ``Markup.format`` parses its template in
    Python on every call (about 8 µs), and a field drew four of them."""
    return escape(value if isinstance(value, str) else str(value))


def _errors(f, fid: str) -> Markup:
    if not f.errors:
        return Markup("")
    shown = " ".join(escape(e) for e in f.errors)
    return Markup(f'<span class="errors" id="{_text(fid)}-errors">{shown}</span>')


_HIDDEN = frozenset({"HiddenField", "CSRFTokenField"})


def hidden_fields(form, skip=()) -> Markup:
    """A form's hidden fields (CSRF token, version, request id) without ids, so that many
    small forms on one page never repeat an id (a Jinja global; it was a macro, whose loop
    looked up each field's type and name in Jinja: a claim page draws eight forms' worth)."""
    inputs = "".join(
        [
            f'<input type="hidden" name="{escape(f.name)}" value="{escape(f._value())}">'
            for f in form
            if f.type in _HIDDEN and f.name not in skip
        ]
    )
    return Markup(f"\n  {inputs}\n")  # the whitespace the macro gave


def control(f, **kwargs) -> Markup:
    """The field's control with ``kwargs`` as attributes, as ``f(**kwargs)`` draws it."""
    draw = _DRAW.get(type(f.widget))
    if draw is None or type(f.meta).render_field is not DefaultMeta.render_field:
        return f(**kwargs)
    params = {clean_key(k): v for k, v in (f.render_kw or {}).items()}
    params.update((clean_key(k), v) for k, v in kwargs.items())
    params.setdefault("id", f.id)
    return draw(f, params)


def _with_flags(f, params: dict) -> dict:
    """The validators' flags the widget shows as attributes (required, maxlength, ...)."""
    flags = f.flags
    for k in f.widget.validation_attrs:
        if k not in params and k in vars(flags):
            value = getattr(flags, k)
            params[k] = value() if callable(value) else value
    params["name"] = f.name
    return params


def _input(f, params: dict) -> Markup:
    params.setdefault("type", f.widget.input_type)
    if "value" not in params:
        params["value"] = f.label.text if isinstance(f.widget, SubmitInput) else f._value()
    if getattr(f, "_datalist", None) is not None:
        return f(**params)
    return Markup(f"<input {_attributes(_with_flags(f, params))}>")


def _textarea(f, params: dict) -> Markup:
    inner = escape(f._value())
    return Markup(f"<textarea {_attributes(_with_flags(f, params))}>\r\n{inner}</textarea>")


def _select(f, params: dict) -> Markup:
    # WTForms' own choice iterator (3.3's; private): an older or newer WTForms without it
    # draws its own select, as it always did
    normalized = getattr(f, "_iter_choices_normalized", None)
    if normalized is None or f.widget.multiple or f.has_groups():
        return f(**params)
    options = [
        f'<option {"selected " if c.selected else ""}value="{_text(c.value)}">'
        f"{escape(c.label or c.value)}</option>"
        if not c.render_kw
        else Select.render_option(c)
        for c in normalized()
    ]
    return Markup(f"<select {_attributes(_with_flags(f, params))}>{''.join(options)}</select>")


def _attributes(params: dict) -> str:
    """WTForms' ``html_params``: sorted by name; True alone, False left out."""
    out = []
    for key in sorted(params):
        value = params[key]
        if value is True:
            out.append(key)
        elif value is not False:
            out.append(f'{key}="{escape(value)}"')
    return " ".join(out)


_DRAW = {TextInput: _input, SubmitInput: _input, TextArea: _textarea, Select: _select}
