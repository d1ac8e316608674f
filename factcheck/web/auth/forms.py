"""Forms of the auth blueprint."""

from __future__ import annotations

from wtforms import HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from factcheck.review.users import MIN_PASSWORD_LENGTH
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


def user_name_field(label, autocomplete: str = "off") -> StringField:
    """A new user's name (the domain layer checks what it may be)."""
    return StringField(
        label,
        validators=[DataRequired(), Length(max=80)],
        render_kw={"autocomplete": autocomplete, "autocapitalize": "none"},
    )


class NewPasswordForm(TranslatedForm):
    """A new password, typed twice (the domain layer checks its length too)."""

    password = PasswordField(
        lazy_gettext("Password"),
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=1000,
                message=lazy_gettext("the password needs %(min)d to %(max)d characters"),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        lazy_gettext("Password again"),
        validators=[
            DataRequired(),
            EqualTo("password", message=lazy_gettext("the two passwords differ")),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class SetupForm(NewPasswordForm):
    """The first admin's name and password."""

    name = user_name_field(lazy_gettext("Your user name"), autocomplete="username")
    submit = SubmitField(lazy_gettext("Create the admin account"))


class InvitationForm(NewPasswordForm):
    """An invited person's own password."""

    submit = SubmitField(lazy_gettext("Set my password and log in"))
