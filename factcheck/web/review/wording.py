"""Workspace sentences built from the domain's counts, in the reader's language."""

from __future__ import annotations

from factcheck.review.hints import Hint
from factcheck.web.i18n import _, ngettext
from factcheck.web.review import bp


@bp.app_template_global()
def hint_line(hint: Hint) -> str:
    """What the cited sources say about a claim, in one line: "2 sources support · 1 source
    says nothing" (the same facts as Hint.line(), translated)."""
    parts = []
    if hint.supporting:
        parts.append(
            ngettext("%(num)d source supports", "%(num)d sources support", hint.supporting)
        )
    if hint.contradicting:
        said = ngettext(
            "%(num)d source contradicts", "%(num)d sources contradict", hint.contradicting
        )
        differ = "; ".join(hint.differences[:2])
        parts.append(f"{said}: {differ}" if differ else said)
    if hint.related:
        parts.append(ngettext("%(num)d source related", "%(num)d sources related", hint.related))
    if hint.silent:
        parts.append(
            ngettext("%(num)d source says nothing", "%(num)d sources say nothing", hint.silent)
        )
    if hint.unmatched:
        parts.append(
            ngettext(
                "%(num)d source not matched yet", "%(num)d sources not matched yet", hint.unmatched
            )
        )
    if hint.unarchived:
        parts.append(
            ngettext(
                "%(num)d source not archived yet",
                "%(num)d sources not archived yet",
                hint.unarchived,
            )
        )
    return " · ".join(parts) or _("no sources cited")
