"""The claim page's "Checked before" panel and its two actions: link an earlier check of the
newsroom's as the same claim, and cite another organisation's check as evidence."""

from __future__ import annotations

from flask import current_app, url_for

from factcheck.archive import earlier as archive
from factcheck.models import Article, Claim
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.review import bp, get_claim_or_404
from factcheck.web.review import forms as f


def archive_parts():
    """The model and this database's archive index (no embedding happens here)."""
    from factcheck.archive.vectorindex import archive_index
    from factcheck.matching.embedding import embedder

    model = embedder(current_app.config.get("EMBEDDING_MODEL"))
    engine = current_app.extensions["factcheck.engine"]
    return model, archive_index(engine, current_app.config, model.name, model.dim)


def own_link(claim: Claim, article: Article) -> str:
    """Where an earlier check of the newsroom's is read: its verdict page once published."""
    if claim.status == "published":
        return url_for("public.claim", slug=article.slug, key=claim.key, _external=True)
    return url_for("review.claim", claim_id=claim.id, _external=True)


def checked_before_panel(claim: Claim) -> dict:
    """What the panel shows: the earlier checks (None: the claim is not embedded yet), the
    ids already linked as the same claim, and a form for the buttons."""
    model, index = archive_parts()
    found = archive.checked_before(
        get_session(),
        claim,
        model,
        index,
        org_name=current_app.config.get("ORG_NAME"),
        link=own_link,
    )
    return {
        "earlier": found,
        "linked": set(archive.same_claim_links(get_session(), claim)),
        "earlier_form": f.ClaimForm(formdata=None, version=claim.version),
    }


def _change(claim_id: int, apply, done: str):
    from factcheck.web.review.claims import _run

    return _run(claim_id, f.ClaimForm, "earlier_form", done, apply, "checked-before")


@bp.post("/claims/<int:claim_id>/same/<int:earlier_id>")
def same_claim(claim_id: int, earlier_id: int):
    """Link the claim to an earlier check as the same claim (in its history)."""

    def change(session, user, form):
        archive.link_same_claim(
            session,
            get_claim_or_404(claim_id),
            earlier_id,
            user=user,
            expected_version=form.expected_version,
        )

    return _change(claim_id, change, "Linked as the same claim.")


@bp.post("/claims/<int:claim_id>/cite/<int:reference_id>")
def cite_reference(claim_id: int, reference_id: int):
    """Add an imported fact-check as evidence for the claim."""

    def change(session, user, form):
        archive.cite_reference(
            session,
            get_claim_or_404(claim_id),
            reference_id,
            user=user,
            expected_version=form.expected_version,
        )

    return _change(claim_id, change, "The earlier fact-check was added as evidence.")


__all__ = ["checked_before_panel", "me"]
