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
from factcheck.web.i18n import _, lazy_gettext
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


def transitions(claim: Claim, user: User) -> list[tuple[str, str]]:
    """(to status, button label) for the moves this user may make from the claim's status."""
    return [
        (to, TRANSITION_LABELS.get((frm, to), to))
        for (frm, to), role in workflow.ALLOWED.items()
        if frm == claim.status and workflow.has_role(user, role)
    ]


def assignee_choices(people: People) -> list:
    """("", "Nobody") and (id, name) of every active user, for an assign form."""
    return f.options([("", _("Nobody"))] + [(str(i), name) for i, name in people.active])


def default_forms(claim: Claim, scale: RatingScale, people: list) -> dict:
    """Fresh forms filled with the claim's current values (never with request data)."""
    version = {"formdata": None, "version": claim.version}
    verdict = f.VerdictForm(
        **version,
        verdict=claim.verdict,
        rationale=claim.rationale,
        no_source_reason=claim.no_source_reason,
    )
    verdict.verdict.choices = f.options([("", _("Choose a verdict"))] + scale.choices())
    assign = f.AssignForm(**version, assignee=str(claim.assignee_id or ""))
    assign.assignee.choices = people
    return {
        "verdict_form": verdict,
        "status_form": f.StatusForm(**version),
        "assign_form": assign,
        "add_evidence_form": f.AddEvidenceForm(**version),
        "edit_form": f.EditClaimForm(**version, text=claim.text),
        "split_form": f.SplitForm(**version, parts=claim.text),
        "delete_form": f.DeleteForm(**version),
        "restore_form": f.RestoreForm(**version),
    }


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
    return dict(
        claim=claim,
        article=data.article,
        forms=forms,
        in_sentence=in_sentence,
        quote=quote,
        hint=data.hint,
        contradicting=against,
        evidence=[v for v in views if v not in against],
        events=data.events,
        names=data.people.names,
        transitions=transitions(claim, user),
        scale=scale,
        rationale_html=render_markdown(claim.rationale),
        own_verdict=claim.status == S.VERIFIED
        and user.id in workflow.authors_in(data.events, claim),
        rating=scale.get(claim.verdict) if claim.verdict in scale else None,
    )
