"""Forms of the workspace. Every form that changes a claim carries the claim's ``version``
(optimistic locking) and a one-time ``request_id`` (a double submit makes one change)."""

from __future__ import annotations

import uuid

from markupsafe import Markup
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from factcheck.inputs import MAX_INT, database_id
from factcheck.web.i18n import TranslatedForm, gettext, lazy_gettext


def new_request_id() -> str:
    return uuid.uuid4().hex


def options(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the SelectChoice objects WTForms wants for a select's choices."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class SelectOptions(dict):
    """A select's <option>s as markup, by the value to show selected: one menu repeated on
    every row of a page (the queue's assign menus) is drawn once per value that is current on
    some row, not once per row. ``choices``: SelectChoice objects; the current value is given
    as stored (an id, or None for the "" choice); a value no choice has selects nothing."""

    def __init__(self, choices: list[SelectChoice]) -> None:
        super().__init__()
        self.choices = choices

    def __missing__(self, current) -> Markup:
        chosen = "" if current is None else str(current)
        drawn = Markup("").join(
            Markup('<option value="{}"{}>{}</option>').format(
                choice.value, Markup(" selected") if choice.value == chosen else "", choice.label
            )
            for choice in self.choices
        )
        self[current] = drawn
        return drawn


class ClaimForm(TranslatedForm):
    """Base of every form that changes a claim."""

    version = HiddenField(validators=[InputRequired()])
    request_id = HiddenField(default=new_request_id, validators=[Length(max=64)])

    def validate_version(self, field) -> None:
        if database_id(field.data) is None:
            raise ValidationError(
                gettext("the form is missing the claim's version; reload the page")
            )

    @property
    def expected_version(self) -> int:
        return int(self.version.data)


class VerdictForm(ClaimForm):
    verdict = SelectField(lazy_gettext("Verdict"), validators=[DataRequired()])
    rationale = TextAreaField(
        lazy_gettext("Rationale (Markdown)"), validators=[DataRequired(), Length(max=20_000)]
    )
    no_source_reason = TextAreaField(
        lazy_gettext("No source available? Say why (shown to readers)"),
        validators=[Optional(), Length(max=2000)],
    )
    note = TextAreaField(
        lazy_gettext("Correction note for readers (needed once published)"),
        validators=[Optional(), Length(max=2000)],
    )
    submit = SubmitField(lazy_gettext("Save verdict"))


class CorrectionForm(TranslatedForm):
    """Approve or reject a proposed correction (a POST-only button with an optional note)."""

    note = StringField(lazy_gettext("Why (optional)"), validators=[Optional(), Length(max=500)])
    request_id = HiddenField(default=new_request_id, validators=[Length(max=64)])


class StatusForm(ClaimForm):
    """One form, one button per allowed transition (``name="to"``)."""

    to = HiddenField(validators=[DataRequired()])
    note = TextAreaField(
        lazy_gettext("Note (needed to unpublish; shown to readers then)"),
        validators=[Optional(), Length(max=2000)],
    )


class AssignForm(ClaimForm):
    assignee = SelectField(lazy_gettext("Assign to"), validate_choice=False)
    submit = SubmitField(lazy_gettext("Assign"))

    def validate_assignee(self, field) -> None:
        if field.data and database_id(field.data) is None:
            raise ValidationError(gettext("choose an active user to assign the claim to"))


class EvidenceStateForm(ClaimForm):
    """Confirm or reject one piece of evidence (``name="state"`` on the buttons)."""

    state = HiddenField(validators=[DataRequired()])


class AddEvidenceForm(ClaimForm):
    url = StringField(
        lazy_gettext("Web address"),
        validators=[DataRequired(), Length(max=2000)],
        render_kw={"inputmode": "url", "placeholder": "https://"},
    )
    quote = TextAreaField(
        lazy_gettext("Quoted passage"), validators=[DataRequired(), Length(max=5000)]
    )
    note = StringField(lazy_gettext("Note"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(lazy_gettext("Add evidence"))


class EditClaimForm(ClaimForm):
    text = TextAreaField(lazy_gettext("Claim text"), validators=[DataRequired(), Length(max=2000)])
    submit = SubmitField(lazy_gettext("Save text"))


class SplitForm(ClaimForm):
    parts = TextAreaField(
        lazy_gettext("Parts, one per line"), validators=[DataRequired(), Length(max=10_000)]
    )
    submit = SubmitField(lazy_gettext("Split"))


class DeleteForm(ClaimForm):
    note = StringField(lazy_gettext("Why (optional)"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(lazy_gettext("Delete claim"))


class RestoreForm(ClaimForm):
    submit = SubmitField(lazy_gettext("Restore"))


class AddClaimForm(TranslatedForm):
    text = TextAreaField(lazy_gettext("Claim text"), validators=[Optional(), Length(max=2000)])
    start = IntegerField(
        lazy_gettext("From character"), validators=[Optional(), NumberRange(0, MAX_INT)]
    )
    end = IntegerField(
        lazy_gettext("To character"), validators=[Optional(), NumberRange(1, MAX_INT)]
    )
    request_id = HiddenField(default=new_request_id, validators=[Length(max=64)])
    submit = SubmitField(lazy_gettext("Add claim"))

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not (self.text.data or "").strip() and (
            self.start.data is None or self.end.data is None
        ):
            self.text.errors.append("type the claim, or choose it in the text (from/to)")
            return False
        return True


class MergeForm(TranslatedForm):
    """Checkboxes valued ``<claim id>:<version>``: each carries the version seen."""

    claims = SelectMultipleField(
        lazy_gettext("Claims to merge"),
        choices=[],
        validate_choice=False,
        option_widget=CheckboxInput(),
        widget=ListWidget(),
    )
    request_id = HiddenField(default=new_request_id, validators=[Length(max=64)])
    submit = SubmitField(lazy_gettext("Merge selected claims"))

    def versions(self) -> dict[int, int]:
        """{claim id: version} from the ticked boxes; malformed values are ignored."""
        out = {}
        for value in self.claims.data or []:
            claim_id, _, version = str(value).partition(":")
            claim_id, version = database_id(claim_id), database_id(version)
            if claim_id is not None and version is not None:
                out[claim_id] = version
        return out


class ReextractForm(TranslatedForm):
    min_score = SelectField(
        lazy_gettext("Keep proposals at least this check-worthy"),
        default="0",
        choices=options(
            [
                ("0", lazy_gettext("0 (all, opinions included)")),
                ("0.4", "0.4"),
                ("0.6", lazy_gettext("0.6 (fewer)")),
            ]
        ),
    )
    submit = SubmitField(lazy_gettext("Re-run extraction"))


class AddSourceForm(TranslatedForm):
    url = StringField(
        lazy_gettext("Web address"),
        validators=[DataRequired(), Length(max=2000)],
        render_kw={"inputmode": "url", "placeholder": "https://"},
    )
    title = StringField(lazy_gettext("Title"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(lazy_gettext("Add source"))


class PasteForm(TranslatedForm):
    text = TextAreaField(
        lazy_gettext("Source text"), validators=[DataRequired(), Length(max=1_000_000)]
    )
    submit = SubmitField(lazy_gettext("Save pasted text"))


class ButtonForm(TranslatedForm):
    """No fields: the CSRF token for a POST-only button (fetch, match)."""


class QueueForm(TranslatedForm):
    """The queue's filters: a GET form, so links can be shared; no CSRF (it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField(lazy_gettext("Text"), validators=[Optional(), Length(max=200)])
    show = SelectField(
        lazy_gettext("Show"),
        validate_choice=False,
        choices=options(
            [
                ("", lazy_gettext("Check-worthy claims")),
                ("all", lazy_gettext("All, opinions included")),
            ]
        ),
    )
    status = SelectField(lazy_gettext("Status"), validate_choice=False)
    verdict = SelectField(lazy_gettext("Verdict"), validate_choice=False)
    # a search field, not a list of every article: static/queue.js offers matching articles
    # as one types (a <datalist>); without it, the words typed find the articles' titles
    article = StringField(
        lazy_gettext("Article"),
        validators=[Optional(), Length(max=200)],
        render_kw={
            "list": "article-options",
            "autocomplete": "off",
            "placeholder": lazy_gettext("Title or slug"),
        },
    )
    assignee = SelectField(lazy_gettext("Assigned to"), validate_choice=False)
    contradicted = BooleanField(lazy_gettext("Has a contradiction"))
    sort = SelectField(
        lazy_gettext("Sort by"),
        validate_choice=False,
        choices=options(
            [
                ("updated", lazy_gettext("Recently changed")),
                ("position", lazy_gettext("Article order")),
                ("score", lazy_gettext("Check-worthiness")),
            ]
        ),
    )
