"""The claim review page and its actions: verdict, status, evidence, text, split, delete."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, current_app, render_template, request, url_for
from sqlmodel import Session

from factcheck.archive import earlier
from factcheck.models import CorrectionRequest, Evidence, User
from factcheck.publishing.markup import render_markdown
from factcheck.review import editing, verdict_changes, workflow
from factcheck.review import evidence as evidence_review
from factcheck.review.claimpage import load_claim_page
from factcheck.review.previews import preview_delete
from factcheck.review.users import people
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.auth.routes import safe_next
from factcheck.web.i18n import _
from factcheck.web.review import bp, get_claim_or_404, save
from factcheck.web.review import forms as f
from factcheck.web.review.claimview import assignee_choices, claim_context
from factcheck.web.review.confirm import ask_first
from factcheck.web.review.earlier import checked_before_panel


def scale():
    return current_app.extensions["factcheck.ratings"]


def claim_page(claim, **submitted) -> str:
    """The claim page; ``submitted`` forms (after an error) replace the fresh ones."""
    data = load_claim_page(get_session(), claim=claim)
    waiting = verdict_changes.awaits_approval(data.events)
    pending = verdict_changes.pending_correction(get_session(), claim) if waiting else None
    return render_template(
        "review/claim.html",
        **claim_context(data, me(), scale(), submitted),
        pending=pending,
        pending_rationale_html=render_markdown(pending.rationale) if pending else "",
        **checked_before_panel(claim),
    )


@bp.get("/claims/<int:claim_id>")
def claim(claim_id: int):
    """The claim in context, its evidence, verdict, status, history, and the forms."""
    return claim_page(get_claim_or_404(claim_id))


def _run(
    claim_id: int,
    form_class: type,
    name: str,
    done: str,
    change: Callable[[Session, User, object], object],
    back: str | None = None,
):
    """Validate ``form_class`` from the request and apply ``change`` to the claim; then go
    ``back`` (default: the top of the claim page, where the message about it shows)."""
    claim = get_claim_or_404(claim_id)
    form = form_class()
    if isinstance(form, f.VerdictForm):
        form.verdict.choices = f.options(scale().choices())
    if isinstance(form, f.AssignForm):
        form.assignee.choices = assignee_choices(people(get_session()))
    if not form.validate_on_submit():
        return claim_page(claim, **{name: form}), 400
    return save(
        lambda: change(get_session(), me(), form),
        done,
        back=back or url_for(".claim", claim_id=claim.id),
        page=lambda: claim_page(claim, **{name: form}),
        claim=claim,
        form=form,
    )


def _versioned(form) -> dict:
    return {"expected_version": form.expected_version, "request_id": form.request_id.data}


@bp.post("/claims/<int:claim_id>/verdict")
def verdict(claim_id: int):
    def change(session, user, form):
        verdict_changes.set_verdict(
            session,
            get_claim_or_404(claim_id),
            form.verdict.data,
            form.rationale.data,
            user=user,
            scale=scale(),
            note=form.note.data,
            no_source_reason=form.no_source_reason.data,
            **_versioned(form),
        )

    claim = get_claim_or_404(claim_id)
    done = (
        _("Correction proposed; another editor must approve it before readers see it.")
        if claim.status == "published"
        else _("Verdict saved.")
    )
    return _run(claim_id, f.VerdictForm, "verdict_form", done, change)


def _decide(correction_id: int, decide: Callable, done: str):
    """Approve or reject the correction: ``decide(session, correction, user, form)``."""
    correction = get_session().get(CorrectionRequest, correction_id)
    if correction is None:
        abort(404)
    form = f.CorrectionForm()
    if not form.validate_on_submit():
        abort(400)
    claim = get_claim_or_404(correction.claim_id)
    return save(
        lambda: decide(get_session(), correction, me(), form),
        done,
        back=url_for(".claim", claim_id=claim.id),
        page=lambda: claim_page(claim),
    )


@bp.post("/corrections/<int:correction_id>/approve")
def approve_correction(correction_id: int):
    """A second editor makes a proposed correction live."""
    return _decide(
        correction_id,
        lambda session, correction, user, form: verdict_changes.approve_correction(
            session, correction, user=user, request_id=form.request_id.data
        ),
        _("Correction approved: readers now see it, with its note."),
    )


@bp.post("/corrections/<int:correction_id>/reject")
def reject_correction(correction_id: int):
    """Turn a proposed correction down (or withdraw one's own)."""
    return _decide(
        correction_id,
        lambda session, correction, user, form: verdict_changes.reject_correction(
            session, correction, user=user, note=form.note.data, request_id=form.request_id.data
        ),
        _("Correction rejected; the published verdict stands."),
    )


@bp.post("/claims/<int:claim_id>/status")
def status(claim_id: int):
    def change(session, user, form):
        workflow.change_status(
            session,
            get_claim_or_404(claim_id),
            form.to.data,
            user=user,
            note=form.note.data,
            **_versioned(form),
        )

    return _run(claim_id, f.StatusForm, "status_form", _("Status changed."), change)


@bp.post("/evidence/<int:evidence_id>/state")
def evidence_state(evidence_id: int):
    evidence = get_session().get(Evidence, evidence_id)
    if evidence is None:
        abort(404)

    def change(session, user, form):
        evidence_review.set_evidence_state(
            session, evidence, form.state.data, user=user, **_versioned(form)
        )

    return _run(
        evidence.claim_id,
        f.EvidenceStateForm,
        "evidence_form",
        _("Evidence updated."),
        change,
    )


@bp.post("/claims/<int:claim_id>/evidence")
def add_evidence(claim_id: int):
    def change(session, user, form):
        evidence_review.add_evidence(
            session,
            get_claim_or_404(claim_id),
            url=form.url.data,
            quote=form.quote.data,
            note=form.note.data,
            user=user,
            **_versioned(form),
        )

    return _run(claim_id, f.AddEvidenceForm, "add_evidence_form", _("Evidence added."), change)


@bp.post("/claims/<int:claim_id>/edit")
def edit(claim_id: int):
    def change(session, user, form):
        editing.edit_claim(
            session, get_claim_or_404(claim_id), form.text.data, user=user, **_versioned(form)
        )

    return _run(claim_id, f.EditClaimForm, "edit_form", _("Claim text saved."), change)


@bp.post("/claims/<int:claim_id>/split")
def split(claim_id: int):
    def change(session, user, form):
        editing.split_claim(
            session,
            get_claim_or_404(claim_id),
            form.parts.data.splitlines(),
            user=user,
            **_versioned(form),
        )

    return _run(claim_id, f.SplitForm, "split_form", _("Claim split."), change)


@bp.post("/claims/<int:claim_id>/delete")
def delete(claim_id: int):
    claim = get_claim_or_404(claim_id)
    back = url_for(".claim", claim_id=claim.id)
    asking = ask_first("delete", preview_delete(get_session(), claim), back=back)
    if asking is not None:
        return asking

    def change(session, user, form):
        editing.delete_claim(
            session, get_claim_or_404(claim_id), user=user, note=form.note.data, **_versioned(form)
        )

    return _run(
        claim_id, f.DeleteForm, "delete_form", _("Claim deleted; it can be restored."), change
    )


@bp.post("/claims/<int:claim_id>/restore")
def restore(claim_id: int):
    def change(session, user, form):
        editing.restore_claim(session, get_claim_or_404(claim_id), user=user, **_versioned(form))

    return _run(claim_id, f.RestoreForm, "restore_form", _("Claim restored."), change)


@bp.post("/claims/<int:claim_id>/assign")
def assign(claim_id: int):
    def change(session, user, form):
        workflow.assign_to(
            session,
            get_claim_or_404(claim_id),
            form.assignee.data or "",
            user=user,
            **_versioned(form),
        )

    back = safe_next(request.form["next"]) if request.form.get("next") else None
    return _run(claim_id, f.AssignForm, "assign_form", _("Assignment saved."), change, back=back)


def _earlier(claim_id: int, other_id: int, act: Callable, done: str):
    """Run ``act(session, claim, other_id, user=, expected_version=)`` from the panel."""

    def change(session, user, form):
        claim = get_claim_or_404(claim_id)
        act(session, claim, other_id, user=user, expected_version=form.expected_version)

    return _run(claim_id, f.ClaimForm, "earlier_form", done, change)


@bp.post("/claims/<int:claim_id>/same/<int:earlier_id>")
def same_claim(claim_id: int, earlier_id: int):
    """Link the claim to an earlier check as the same claim (in its history)."""
    return _earlier(claim_id, earlier_id, earlier.link_same_claim, _("Linked as the same claim."))


@bp.post("/claims/<int:claim_id>/cite/<int:reference_id>")
def cite_reference(claim_id: int, reference_id: int):
    """Add an imported fact-check as evidence for the claim."""
    done = _("The earlier fact-check was added as evidence.")
    return _earlier(claim_id, reference_id, earlier.cite_reference, done)
