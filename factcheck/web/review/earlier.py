"""The claim page's "Checked before" panel (its two actions, "same claim" and "cite as
evidence", are with the claim's other actions in ``claims``)."""

from __future__ import annotations

from flask import current_app, url_for

from factcheck.archive import earlier as archive
from factcheck.archive.archiveindex import search_parts
from factcheck.models import Article, Claim
from factcheck.web import get_session


def archive_parts():
    """The model and this database's archive index (no embedding happens here)."""
    engine = current_app.extensions["factcheck.engine"]
    return search_parts(engine, current_app.config)


def own_link(claim: Claim, article: Article) -> str:
    """Where an earlier check of the newsroom's is read: its verdict page once published."""
    if claim.status == "published":
        return url_for("public.claim", slug=article.slug, key=claim.key, _external=True)
    return url_for("review.claim", claim_id=claim.id, _external=True)


def checked_before_panel(claim: Claim) -> dict:
    """What the panel shows: the earlier checks (None: the claim is not embedded yet) and the
    ids already linked as the same claim (its buttons' form: ``forms.checked_before_form``)."""
    model, index = archive_parts()
    found = archive.checked_before(
        get_session(),
        claim,
        model,
        index,
        org_name=current_app.config.get("ORG_NAME"),
        link=own_link,
    )
    # the links mark checks of the list: with none listed (not embedded yet, or nothing
    # close) there is nothing to mark, and the page is spared the query
    linked = set(archive.same_claim_links(get_session(), claim)) if found else set()
    return {"earlier": found, "linked": linked}
