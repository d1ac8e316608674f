"""Editing an article's claims and their evidence.

``claims``: add, edit, split, merge, delete, restore; ``extraction``: re-run extraction
without losing reviewed claims; ``evidence``: confirm, reject or add evidence; ``sources``:
add a cited source.

Like factcheck.review, every function checks the user's role, takes the claim version the
user saw (``review.lock``: the second of two concurrent saves gets StaleClaim), appends
ReviewEvents (``review.record``) and ignores a repeated ``request_id`` (a double submit).
Nothing is removed: deleting sets ``Claim.deleted_at``, and a deleted claim can be restored.
The caller commits.
"""

from factcheck.editing.claims import (
    add_claim,
    delete_claim,
    edit_claim,
    locate,
    merge_claims,
    renumber,
    restore_claim,
    sentence_at,
    split_claim,
)
from factcheck.editing.evidence import (
    add_evidence,
    check_url,
    confirm_evidence,
    reject_evidence,
    set_evidence_state,
)
from factcheck.editing.extraction import Reextraction, reextract, untouched
from factcheck.editing.sources import add_source

__all__ = [
    "Reextraction", "add_claim", "add_evidence", "add_source", "check_url", "confirm_evidence",
    "delete_claim", "edit_claim", "locate", "merge_claims", "reextract", "reject_evidence",
    "renumber", "restore_claim", "sentence_at", "set_evidence_state", "split_claim", "untouched",
]
