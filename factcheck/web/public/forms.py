"""Forms on the readers' side: the error report, and the editors' close button."""

from __future__ import annotations

from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from factcheck.publishing.feedback import MAX_CONTACT, MAX_MESSAGE
from factcheck.web.i18n import TranslatedForm


class ReportForm(TranslatedForm):
    """A reader tells the editors what is wrong; the contact is optional."""

    message = TextAreaField(
        "What is wrong?",
        validators=[DataRequired("Please describe the error you found."), Length(max=MAX_MESSAGE)],
    )
    contact = StringField(
        "Your e-mail (optional)", validators=[Optional(), Length(max=MAX_CONTACT)]
    )
    submit = SubmitField("Send report")

    def localise(self, words) -> None:
        """Labels and hints in the page's language (``words``: a public.i18n.Words)."""
        self.message.label.text = words.what_wrong
        self.contact.label.text = words.contact
        self.contact.description = words.contact_hint
        self.submit.label.text = words.send


class CloseReportForm(TranslatedForm):
    """No fields: gives the editors' "close" button its CSRF token."""

    submit = SubmitField("Mark handled")
