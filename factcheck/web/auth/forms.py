"""Forms of the auth blueprint."""

from __future__ import annotations

from wtforms import HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from factcheck.web.i18n import TranslatedForm, lazy_gettext


class LoginForm(TranslatedForm):
    name = StringField(
        lazy_gettext("Name"),
        validators=[DataRequired(), Length(max=80)],
        render_kw={"autocomplete": "username", "autocapitalize": "none"},
    )
    password = PasswordField(
        lazy_gettext("Password"),
        validators=[DataRequired(), Length(max=1000)],
        render_kw={"autocomplete": "current-password"},
    )
    next = HiddenField()
    submit = SubmitField(lazy_gettext("Log in"))
