"""Each source with its newest snapshot: one rule for the workspace, readers' pages and matching."""

from datetime import UTC, datetime

from factcheck.models import Snapshot, Source
from factcheck.sources.cited import latest_snapshot, sources_with_latest


def test_newest_snapshot_is_by_archive_time_then_id_and_bodies_load_only_on_request(
    session, factory
):
    article = factory.article()
    first, second = (Source(article_id=article.id, position=n, title=f"s{n}") for n in (1, 2))
    session.add_all([first, second])
    session.commit()
    late, early = datetime(2025, 11, 7, tzinfo=UTC), datetime(2025, 11, 6, tzinfo=UTC)
    # Stored out of order: the higher id is the older copy.
    session.add_all(
        [
            Snapshot(source_id=first.id, sha256="a", text="late", fetched_at=late),
            Snapshot(source_id=first.id, sha256="b", text="early", fetched_at=early),
        ]
    )
    session.commit()
    session.expunge_all()
    rows = sources_with_latest(session, article.id, with_text=True)
    assert [(s.title, n.text if n else None) for s, n in rows] == [("s1", "late"), ("s2", None)]
    assert latest_snapshot(session, rows[0][0]).text == "late"
    session.expunge_all()
    [(_, snapshot), _] = sources_with_latest(session, article.id)
    assert "text" not in snapshot.__dict__  # deferred: a whole page, not shown
