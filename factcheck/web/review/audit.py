"""The audit log for editors and admins: read it newest first, filter it, download it."""

from __future__ import annotations

from flask import Response, render_template, request, stream_with_context

from factcheck.audit import audit_actions, audit_events
from factcheck.export.auditlog import audit_csv
from factcheck.inputs import database_id
from factcheck.models import Role, utcnow
from factcheck.web import get_session
from factcheck.web.auth import role_required
from factcheck.web.review import bp

PER_PAGE = 100


@bp.get("/audit")
@role_required(Role.EDITOR)
def audit():
    """Records newest first, ``PER_PAGE`` at a time (``?before=<id>`` for older ones);
    ``?action=`` keeps one kind."""
    session = get_session()
    action = request.args.get("action") or None
    events = audit_events(
        session, before=database_id(request.args.get("before")), limit=PER_PAGE, action=action
    )
    return render_template(
        "review/audit.html",
        events=events,
        action=action,
        actions=audit_actions(session),
        older=events[-1].id if len(events) == PER_PAGE else None,
    )


@bp.get("/audit.csv")
@role_required(Role.EDITOR)
def audit_download():
    """The whole log as CSV, oldest first."""

    def body():
        # the session of the streaming context: the view's own is closed when the view returns
        yield from audit_csv(get_session())

    response = Response(stream_with_context(body()), content_type="text/csv; charset=utf-8")
    name = f"factcheck-audit-{utcnow():%Y%m%d}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
