"""What the claim page shows, drawn from factcheck.review.claimpage's data: the claim in its
sentence, the evidence with highlights, the forms with their current values, allowed
transitions and history."""

from __future__ import annotations

import json
from dataclasses import dataclass

from factcheck.models import Claim, ClaimStatus, Evidence, Source, User
from factcheck.publishing.markup import render_markdown
from factcheck.review import workflow
from factcheck.review.claimpage import ClaimPage
from factcheck.review.ratings import RatingScale
from factcheck.review.users import People
from factcheck.web.i18n import _, current_language, datetime_formatter, lazy_gettext
from factcheck.web.review import forms as f
from factcheck.web.review.highlight import Segment, disagreeing_values, find_all, segments

S = ClaimStatus
TRANSITION_LABELS = {
    (S.UNVERIFIED, S.IN_REVIEW): lazy_gettext("Start review"),
    (S.IN_REVIEW, S.UNVERIFIED): lazy_gettext("Back to unverified"),
    (S.IN_REVIEW, S.VERIFIED): lazy_gettext("Mark verified"),
    (S.VERIFIED, S.IN_REVIEW): lazy_gettext("Reopen review"),
    (S.VERIFIED, S.PUBLISHED): lazy_gettext("Publish"),
    (S.PUBLISHED, S.VERIFIED): lazy_gettext("Unpublish"),
}
# What the page calls stored keys, in the reader's language.
STATUSES = {
    S.UNVERIFIED: lazy_gettext("unverified"),
    S.IN_REVIEW: lazy_gettext("in review"),
    S.VERIFIED: lazy_gettext("verified"),
    S.PUBLISHED: lazy_gettext("published"),
}
STANCES = {
    "supports": lazy_gettext("supports"),
    "contradicts": lazy_gettext("contradicts"),
    "related": lazy_gettext("related"),
}
EVIDENCE_STATES = {
    "suggested": lazy_gettext("suggested"),
    "confirmed": lazy_gettext("confirmed"),
    "rejected": lazy_gettext("rejected"),
}
KINDS = {"fact": lazy_gettext("fact"), "opinion": lazy_gettext("opinion")}
SNAPSHOT_KINDS = {"fetched": lazy_gettext("fetched"), "pasted": lazy_gettext("pasted")}

# The moves that take a claim towards readers: each is its page's primary button.
FORWARD = frozenset({S.IN_REVIEW, S.VERIFIED, S.PUBLISHED})
# While a claim is unverified nobody has started reviewing it: the verdict form waits.
VERDICT_OPEN = frozenset({S.IN_REVIEW, S.VERIFIED, S.PUBLISHED})

CHOICE_FIELDS = {"verdict_form": "verdict", "assign_form": "assignee"}


@dataclass
class EvidenceView:
    """One piece of evidence as shown: the row, its source, and highlighted texts."""

    row: Evidence
    source: Source | None
    passage: list[Segment]
    claim: list[Segment]
    agree: list[str]
    disagree: list[str]
    strength: str | None
    form: f.EvidenceStateForm
    stance: str | None = None


def explanation(evidence: Evidence) -> dict:
    """The matcher's explanation JSON as a dict ({} when missing or malformed)."""
    try:
        data = json.loads(evidence.explanation or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _spans(value) -> list[tuple[int, int]]:
    try:
        return [(int(s), int(e)) for s, e in value or []]
    except (TypeError, ValueError):
        return []


def evidence_view(evidence: Evidence, claim: Claim, source: Source | None) -> EvidenceView:
    """Highlight where the passage agrees with the claim, and the numbers/dates that differ."""
    data = explanation(evidence)
    agree = [str(a) for a in data.get("agree") or []]
    disagree = [str(d) for d in data.get("disagree") or []]
    passage_marks = [(s, e, "agree", None) for s, e in _spans(data.get("passage_spans"))]
    claim_marks = [(s, e, "agree", None) for s, e in _spans(data.get("claim_spans"))]
    # the matcher says where the differing values are; older explanations only name them
    passage_differ = _spans(data.get("passage_differ")) or find_all(
        evidence.passage, disagreeing_values(disagree, "passage")
    )
    claim_differ = _spans(data.get("claim_differ")) or find_all(
        claim.text, disagreeing_values(disagree, "claim")
    )
    passage_marks += [(s, e, "disagree", None) for s, e in passage_differ]
    claim_marks += [(s, e, "disagree", None) for s, e in claim_differ]
    form = f.EvidenceStateForm(formdata=None, version=claim.version)
    return EvidenceView(
        evidence,
        source,
        segments(evidence.passage, passage_marks),
        segments(claim.text, claim_marks),
        agree,
        disagree,
        data.get("strength"),
        form,
        evidence.stance,
    )


@dataclass(frozen=True)
class Transition:
    """A status button: the status it moves to, its label, and whether it is the move
    forward (the primary button) or back."""

    to: str
    label: str
    forward: bool


def transitions(claim: Claim, user: User, authors: set[int] = frozenset()) -> list[Transition]:
    """The moves this user may make from the claim's status, forward first. "Publish" is not
    offered to one of the verdict's ``authors`` (the two-person rule would refuse it)."""
    moves = [
        Transition(to, TRANSITION_LABELS.get((frm, to), to), _forward(frm, to))
        for (frm, to), role in workflow.ALLOWED.items()
        if frm == claim.status
        and workflow.has_role(user, role)
        and not (to == S.PUBLISHED and user.id in authors)
    ]
    return sorted(moves, key=lambda move: not move.forward)


def _forward(frm: str, to: str) -> bool:
    order = [S.UNVERIFIED, S.IN_REVIEW, S.VERIFIED, S.PUBLISHED]
    return to in FORWARD and order.index(to) > order.index(frm)


def assignee_choices(people: People) -> list:
    """("", "Nobody") and (id, name) of every active user, for an assign form."""
    return f.options([("", lazy_gettext("Nobody"))] + [(str(i), name) for i, name in people.active])


class Forms(dict):
    """The page's forms by name, each built the first time the page asks for it: a page shows
    about half of them (no restore form but on a deleted claim, no wording forms once
    verified, no correction form without one waiting), and each costs a CSRF token and its
    fields' binding. ``makers``: name -> a function that builds that form."""

    def __init__(self, makers: dict) -> None:
        super().__init__()
        self.makers = makers

    def __missing__(self, name: str):
        form = self[name] = self.makers[name]()
        return form


def default_forms(claim: Claim, scale: RatingScale, people: list) -> Forms:
    """Fresh forms filled with the claim's current values (never with request data)."""
    version = {"formdata": None, "version": claim.version}

    def verdict_form():
        form = f.VerdictForm(
            **version,
            verdict=claim.verdict,
            rationale=claim.rationale,
            no_source_reason=claim.no_source_reason,
        )
        form.verdict.choices = f.options(
            [("", lazy_gettext("Choose a verdict"))] + scale.choices(current_language())
        )
        return form

    def assign_form():
        form = f.AssignForm(**version, assignee=str(claim.assignee_id or ""))
        form.assignee.choices = people
        return form

    return Forms(
        {
            "verdict_form": verdict_form,
            "status_form": lambda: f.StatusForm(**version),
            "assign_form": assign_form,
            "add_evidence_form": lambda: f.AddEvidenceForm(**version),
            "edit_form": lambda: f.EditClaimForm(**version, text=claim.text),
            "split_form": lambda: f.SplitForm(**version, parts=claim.text),
            "delete_form": lambda: f.DeleteForm(**version),
            "restore_form": lambda: f.RestoreForm(**version),
            # the buttons': approve or reject a correction, match again, the archive panel's
            "correction_form": lambda: f.CorrectionForm(formdata=None),
            "button_form": lambda: f.ButtonForm(formdata=None),
            "checked_before_form": lambda: f.ClaimForm(**version),
        }
    )


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One row of the claim's history as the page shows it: ``at`` in ISO form and as people
    read it, who, what, and ``change`` (from, to) as shown, None when the event has neither."""

    at: str
    when: str
    who: str
    action: str
    public: bool
    change: tuple[str, str] | None
    note: str


VERDICT_ACTIONS = frozenset({"verdict", "correction"})  # their values are rating keys


def history_rows(events: list, names: dict, scale: RatingScale) -> list[HistoryRow]:
    """The history table's rows (``events``: ReviewEvents, or
    ``claimpage.HistoryEvent``s), in the request's language looked up once for all of them:
    the template looked it up three times a row (the time and two verdict labels, each a
    Flask-Babel context lookup), most of a row's cost, and the checkers' claims gather
    hundreds of rows."""
    when, language, system = datetime_formatter(), current_language(), _("system")
    rows = []
    for e in events:
        change = None
        if e.from_value or e.to_value:
            if e.action in VERDICT_ACTIONS:
                change = (scale.shown(e.from_value, language), scale.shown(e.to_value, language))
            else:
                change = (e.from_value or "—", e.to_value or "—")
        who = e.actor or names.get(e.user_id) or system
        rows.append(
            HistoryRow(e.at.isoformat(), when(e.at), who, e.action, e.public, change, e.note or "")
        )
    return rows


# The evidence lists of the review screen, in the matcher's words, then what people added.
GROUPS = (
    ("supports", lazy_gettext("Supports")),
    ("contradicts", lazy_gettext("Contradicts")),
    ("related", lazy_gettext("Related")),
    (None, lazy_gettext("Added by hand")),
)


def evidence_groups(views: list[EvidenceView]) -> list[tuple[str, str, list[EvidenceView]]]:
    """(id, heading, views) per stance that has evidence, rejected evidence last on its own
    ("rejected", "Rejected")."""
    live = [v for v in views if v.row.state != "rejected"]
    groups = [
        (stance or "by-hand", heading, [v for v in live if v.stance == stance])
        for stance, heading in GROUPS
    ]
    known = {stance for stance, _ in GROUPS}
    groups[-1][2].extend(v for v in live if v.stance not in known)  # a stance of the future
    groups.append(
        ("rejected", lazy_gettext("Rejected"), [v for v in views if v.row.state == "rejected"])
    )
    return [group for group in groups if group[2]]


def article_text(data: ClaimPage) -> list[Segment]:
    """The article's text with every live claim marked (kind: its status, or "current" for
    the claim on the page; ref: the claim's id)."""
    marks = [
        (c.start, c.end, "current" if c.id == data.claim.id else c.status, str(c.id))
        for c in data.siblings
        if c.end > c.start and c.section != "headline"
    ]
    return segments(data.article.text, marks)


def article_words(claim, article) -> str:
    """The article's own words for a claim (its span; in the title for a headline claim)."""
    source = article.title if claim.section == "headline" else article.text
    return source[claim.start : claim.end] if claim.end > claim.start else ""


def claim_context(data: ClaimPage, user: User, scale: RatingScale, submitted: dict) -> dict:
    """Everything review/claim.html needs."""
    claim = data.claim
    forms = default_forms(claim, scale, assignee_choices(data.people))
    for name, form in submitted.items():
        if name in CHOICE_FIELDS:  # a submitted form keeps its values, the page its choices
            field = CHOICE_FIELDS[name]
            getattr(form, field).choices = getattr(forms[name], field).choices
        forms[name] = form
    quote = article_words(claim, data.article)
    at = claim.sentence.find(quote) if quote else -1
    in_sentence = segments(
        claim.sentence, [(at, at + len(quote), "claim", None)] if at >= 0 else []
    )
    views = [evidence_view(e, claim, source) for e, source in data.evidence]
    # a contradiction is never lost among the suggestions: it has a list of its own
    against = [v for v in views if v.stance == "contradicts" and v.row.state != "rejected"]
    before, after = data.neighbours()
    authors = workflow.authors_in(data.events, claim) if claim.status == S.VERIFIED else set()
    return dict(
        claim=claim,
        article=data.article,
        forms=forms,
        in_sentence=in_sentence,
        quote=quote,
        hint=data.hint,
        contradicting=against,
        evidence=[v for v in views if v not in against],
        groups=evidence_groups(views),
        text=article_text(data),
        previous=before,
        next=after,
        history=history_rows(data.events, data.people.names, scale),
        names=data.people.names,
        transitions=transitions(claim, user, authors),
        statuses=STATUSES,
        stances=STANCES,
        evidence_states=EVIDENCE_STATES,
        kinds=KINDS,
        verdict_open=claim.status in VERDICT_OPEN,
        stale=any(v.row.stale for v in views),
        scale=scale,
        rationale_html=render_markdown(claim.rationale),
        own_verdict=user.id in authors,
        rating=scale.get(claim.verdict) if claim.verdict in scale else None,
    )
