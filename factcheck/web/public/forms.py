"""Forms on the readers' side: the error report, and the editors' close button."""

from __future__ import annotations

from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from factcheck.publishing.feedback import MAX_CONTACT, MAX_MESSAGE
from factcheck.web.i18n import TranslatedForm, lazy_gettext


class ReportForm(TranslatedForm):
    """A reader tells the editors what is wrong; the contact is optional."""

    message = TextAreaField(
        lazy_gettext("What is wrong?"),
        validators=[
            DataRequired(lazy_gettext("Please describe the error you found.")),
            Length(max=MAX_MESSAGE),
        ],
    )
    contact = StringField(
        lazy_gettext("Your e-mail (optional)"),
        validators=[Optional(), Length(max=MAX_CONTACT)],
        description=lazy_gettext("Only if you want an answer. We never publish it."),
    )
    submit = SubmitField(lazy_gettext("Send report"))


class CloseReportForm(TranslatedForm):
    """No fields: gives the editors' "close" button its CSRF token."""

    submit = SubmitField(lazy_gettext("Mark handled"))
