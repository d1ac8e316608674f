"""The claim archive end to end: a ClaimReview feed by address, its review on the page of a
matching Indonesian claim, the "same claim" link, and a different year never offered as the
same claim."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import numpy as np
import pytest
from sqlmodel import select

from factcheck.archive.claimvectors import embed_pending
from factcheck.archive.similar import differences, query_for_text
from factcheck.matching.embedding import embedder
from factcheck.models import Evidence, ReferenceFactCheck, ReviewEvent, SameClaim


def claimreview(claim: str, url: str, rating: str = "False", lang: str = "en", **more) -> dict:
    review = {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": "FactWatch Asia"},
        "datePublished": "2024-03-19",
        "inLanguage": lang,
        "reviewRating": {"@type": "Rating", "alternateName": rating},
    }
    return review | more


def feed(*reviews: dict) -> str:
    return json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": [r]} for r in reviews],
        }
    )


def published_and_new(factory, earlier_text: str, new_text: str):
    """A published claim of one article (verdict false) and a new claim of another."""
    earlier = factory.claim(
        factory.article("Dulu", language="id"), earlier_text, status="published", verdict="false"
    )
    return earlier, factory.claim(factory.article("Baru", language="id"), new_text)


@pytest.fixture
def embedded(app, session):
    """Embed what the archive lacks (what the worker's job does)."""

    def run():
        return embed_pending(session, embedder(app.config.get("EMBEDDING_MODEL")))

    return run


def test_feed_by_address_shows_its_review_on_a_matching_indonesian_claim(
    server, runner, client, factory, auth, embedded
):
    article = factory.article("Garam impor", language="id")
    claim = factory.claim(article, "Indonesia mengimpor 90 persen kebutuhan garamnya.")
    reviews = [
        claimreview(
            "Indonesia imports 90 percent of the salt it uses.",
            "https://factwatch.example.org/salt-90",
            "Mostly true",
        ),
        claimreview(
            "Drinking hot water kills the coronavirus.", "https://factwatch.example.org/water"
        ),
    ]
    server.expect_request("/feed.json").respond_with_data(
        feed(*reviews), content_type="application/ld+json"
    )
    result = runner.invoke(args=["import", server.url_for("/feed.json")])
    assert result.exit_code == 0, result.output
    assert "2 reviews: 2 added, 0 updated, 0 unchanged" in result.output
    assert embedded() == 3  # the two reviews and the claim
    auth.login("checker")
    page = client.get(f"/review/claims/{claim.id}").get_data(as_text=True)
    panel = page.split('id="checked-before"')[1].split("</section>")[0]
    assert "Indonesia imports 90 percent of the salt it uses." in panel
    assert "Mostly true" in panel and "FactWatch Asia" in panel and "2024-03-19" in panel
    assert "https://factwatch.example.org/salt-90" in panel
    assert "same claim?" in panel
    assert "hot water" not in panel  # unrelated: not listed

    again = runner.invoke(args=["import", server.url_for("/feed.json")])
    assert "2 reviews: 0 added, 0 updated, 2 unchanged" in again.output


def test_reference_is_cited_as_evidence_from_the_panel(client, factory, auth, session, embedded):
    article = factory.article("Garam", language="id")
    claim = factory.claim(article, "Indonesia mengimpor 90 persen kebutuhan garamnya.")
    session.add(
        ReferenceFactCheck(
            url="https://factwatch.example.org/salt",
            claim_reviewed="Indonesia imports 90 percent of the salt it uses.",
            rating="True",
            raw="{}",
            key="k1",
        )
    )
    session.commit()
    embedded()
    reference = session.exec(select(ReferenceFactCheck)).one()
    auth.login("checker")
    response = client.post(
        f"/review/claims/{claim.id}/cite/{reference.id}", data={"version": claim.version}
    )
    assert response.status_code == 302
    [evidence] = session.exec(select(Evidence).where(Evidence.claim_id == claim.id)).all()
    assert evidence.url == "https://factwatch.example.org/salt" and "True" in evidence.passage


def test_same_claim_link_is_recorded_in_history(client, factory, auth, session, embedded):
    earlier, new = published_and_new(
        factory,
        "Vaksin COVID-19 mengandung microchip untuk melacak warga.",
        "Vaksin COVID-19 disisipi microchip supaya pemerintah bisa melacak warga.",
    )
    embedded()
    auth.login("checker")
    page = client.get(f"/review/claims/{new.id}").get_data(as_text=True)
    assert f"/review/claims/{new.id}/same/{earlier.id}" in page
    response = client.post(f"/review/claims/{new.id}/same/{earlier.id}", data={"version": 1})
    assert response.status_code == 302
    session.expire_all()
    assert [link.earlier_id for link in session.exec(select(SameClaim)).all()] == [earlier.id]
    [event] = session.exec(
        select(ReviewEvent).where(
            ReviewEvent.claim_id == new.id, ReviewEvent.action == "same_claim"
        )
    ).all()
    assert event.to_value == str(earlier.id) and "microchip" in event.note
    assert "Linked as the same claim." in client.get(f"/review/claims/{new.id}").get_data(
        as_text=True
    )


def test_another_year_is_listed_as_related_never_as_the_same_claim(
    client, factory, auth, session, embedded
):
    earlier, new = published_and_new(
        factory,
        "Sebanyak 2 juta orang yang sudah meninggal masuk daftar pemilih tetap Pemilu 2019.",
        "Sebanyak 2 juta orang yang sudah meninggal masuk daftar pemilih tetap Pemilu 2024.",
    )
    embedded()
    auth.login("checker")
    page = client.get(f"/review/claims/{new.id}").get_data(as_text=True)
    panel = page.split('id="checked-before"')[1].split("</section>")[0]
    assert "Pemilu 2019" in panel and "related" in panel
    assert "same claim?" not in panel
    assert "Differs: year: 2024 ≠ 2019" in panel
    assert f"/same/{earlier.id}" not in panel  # no button to link it as the same claim
    refused = client.post(f"/review/claims/{new.id}/same/{earlier.id}x", data={"version": 1})
    assert refused.status_code == 404


@pytest.mark.parametrize(
    ("text", "other", "differ"),
    [
        (
            "Sebanyak 12.000 warga meninggal usai vaksin.",
            "1.200 orang meninggal usai vaksin.",
            True,
        ),
        ("Banjir hilang pada 2030.", "Floods gone by 2026.", True),
        ("Indonesia mengimpor 90 persen garam.", "Indonesia imports 90 percent of salt.", False),
        ("Harga naik 50 persen.", "Prices rose 5 percent.", True),
        ("Vaksin mengandung microchip.", "Vaccines contain microchips.", False),
    ],
)
def test_differences_between_claims(text, other, differ):
    assert bool(differences(text, "id", other, None)) is differ


def test_typed_text_is_looked_up_as_a_question_and_a_stored_claim_as_a_statement():
    # SAME_SCORE was chosen on question vectors (E5's "query: "); embedded as a passage, free
    # text lost translations (held-out R@1 0.97 -> 0.90) and offered more false "same claim"s
    model = embedder()
    text = "Banjir di Semarang merendam 4.000 rumah pada Januari 2025."
    query = query_for_text(model, text, "id")
    assert np.allclose(query.vector, model.embed_question(text))
    assert not np.allclose(query.vector, model.embed_query(text), atol=1e-3)
    assert not query.stored and query.lang == "id"


def test_claim_without_vector_says_so_and_embeds_nothing_in_the_request(client, factory, auth):
    claim = factory.claim(factory.article("Sesuatu", language="id"), "Sesuatu terjadi pada 2020.")
    auth.login("checker")
    page = client.get(f"/review/claims/{claim.id}").get_data(as_text=True)
    assert "Not compared with the archive yet" in page


def test_api_similar_shows_readers_only_published_checks(client, factory, session, embedded):
    article = factory.article("Arsip", language="id")
    factory.claim(
        article, "Vaksin COVID-19 mengandung magnet.", status="published", verdict="false"
    )
    factory.claim(
        article, "Vaksin COVID-19 mengandung microchip.", status="verified", verdict="false"
    )
    embedded()
    response = client.get("/api/similar", query_string={"text": "Vaksin COVID-19 berisi magnet"})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["text"] for r in results] == ["Vaksin COVID-19 mengandung magnet."]
    assert set(results[0]) >= {"kind", "verdict", "publisher", "date", "language", "url", "same"}
    assert "/articles/" in results[0]["url"]


def test_api_similar_is_rate_limited(app, client):
    app.config["SIMILAR_REQUESTS_PER_MINUTE"] = 2
    for _ in range(2):
        assert client.get("/api/similar", query_string={"text": "x"}).status_code == 200
    assert client.get("/api/similar", query_string={"text": "x"}).status_code == 429


def repeated_claims(app, factory, session, embedded):
    """Two articles' claims, the same claim in other words, both embedded; the second's
    earlier checks and repeats found (what the worker does). Returns both."""
    from factcheck.archive.archiveindex import archive_index
    from factcheck.archive.earlier import find_earlier

    first = factory.claim(
        factory.article("Satu", language="id"),
        "Pemerintah akan memblokir WhatsApp mulai 1 Januari.",
    )
    second = factory.claim(
        factory.article("Dua", language="id"),
        "Pemerintah akan memblokir aplikasi WhatsApp mulai 1 Januari.",
    )
    embedded()
    model = embedder(app.config.get("EMBEDDING_MODEL"))
    index = archive_index(app.extensions["factcheck.engine"], app.config, model.name, model.dim)
    assert find_earlier(session, second, model, index) == 1
    session.commit()
    return first, second


def queue_row(client, claim) -> str:
    queue = client.get("/review/claims").get_data(as_text=True)
    return queue.split(f"/review/claims/{claim.id}")[1].split("</tr>")[0]


def test_repeated_claim_of_another_article_is_marked_in_the_queue(
    app, client, factory, auth, session, embedded
):
    first, second = repeated_claims(app, factory, session, embedded)
    auth.login("checker")
    assert "repeat" in queue_row(client, second)
    assert "repeat" not in queue_row(client, first)


def test_queue_marks_follow_a_repeat_that_is_verified_or_published_later(
    app, client, factory, auth, session, embedded
):
    from factcheck.archive.earlier import queue_marks

    first, second = repeated_claims(app, factory, session, embedded)
    assert queue_marks(session, [first.id, second.id]) == {second.id: {"repeat"}}

    first.status, first.verdict = "verified", "false"  # reviewed after the marks were found
    session.commit()
    auth.login("checker")
    row = queue_row(client, second)
    assert "checked before" in row and "repeat" in row

    first.status, second.status, second.verdict = "unverified", "published", "false"
    session.commit()
    assert queue_marks(session, [first.id, second.id]) == {
        first.id: {"checked before"},
        second.id: {"repeat"},
    }
    first.deleted_at = datetime.now(UTC)
    session.commit()
    assert queue_marks(session, [second.id]) == {}


def test_replacing_an_article_takes_its_archive_rows_with_it(session, factory, embedded):
    from factcheck.claimfiles.load import delete_article
    from factcheck.models import ArchiveVector

    article = factory.article("Diganti", language="id")
    factory.claim(article, "Sesuatu terjadi pada 2020.")
    embedded()
    delete_article(session, article)
    session.commit()
    assert session.exec(select(ArchiveVector)).all() == []
