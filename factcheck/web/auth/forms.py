"""Forms of the auth blueprint."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    name = StringField(
        "Name",
        validators=[DataRequired(), Length(max=80)],
        render_kw={"autocomplete": "username", "autocapitalize": "none"},
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired(), Length(max=1000)],
        render_kw={"autocomplete": "current-password"},
    )
    next = HiddenField()
    submit = SubmitField("Log in")
