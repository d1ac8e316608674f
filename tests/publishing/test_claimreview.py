"""ClaimReview: every required and recommended property, JSON-LD that expands to schema.org
terms, the project's JSON Schema, and importing other organisations' ClaimReview files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pytest
from pyld import jsonld
from sqlmodel import select

from factcheck.archive.reference import import_claimreviews
from factcheck.errors import InputError
from factcheck.export.records import Selection
from factcheck.models import Article, Claim, ReferenceFactCheck, ReviewEvent
from factcheck.publishing.claimreview import claim_review
from factcheck.review.ratings import RatingScale
from tests.export.test_formats import TRICKY, publisher, reviewed_articles, text_of

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "factcheck" / "schemas" / "claimreview.schema.json"
    ).read_text()
)
SCHEMA_ORG = "http://schema.org/"
AT = datetime(2025, 11, 7, 9, 30, tzinfo=UTC)


def _article(**fields) -> Article:
    values = {
        "slug": "inflasi-kota",
        "title": "Inflasi kota naik",
        "language": "id",
        "publisher": "Harian Contoh",
        "author": "Budi Santoso",
        "url": "https://news.example.id/inflasi",
        "published_date": date(2025, 11, 6),
        "text": "t",
        "content_hash": "h",
    }
    return Article(**{**values, **fields})


def _claim(**fields) -> Claim:
    values = {
        "article_id": 1,
        "key": "c3",
        "text": "Inflasi naik 12,4%.",
        "sentence": "s",
        "status": "published",
        "verdict": "false",
        "rationale": "Data BPS: 3,1%.",
        "published_at": AT,
    }
    return Claim(**{**values, **fields})


def _review(claim: Claim | None = None, article: Article | None = None, **kwargs) -> dict:
    return claim_review(
        claim or _claim(),
        article or _article(),
        scale=RatingScale(),
        org_name="Cek Fakta",
        org_url="https://cek.example.id/",
        base_url="https://cek.example.id",
        **kwargs,
    )


def test_claim_review_has_every_required_and_recommended_property():
    review = _review()
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == "Inflasi naik 12,4%."
    assert review["url"] == "https://cek.example.id/articles/inflasi-kota/claims/c3"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Salah",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert review["author"] == {
        "@type": "Organization",
        "name": "Cek Fakta",
        "url": "https://cek.example.id/",
    }
    assert review["datePublished"] == "2025-11-07" and review["inLanguage"] == "id"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2025-11-06"
    assert item["author"] == {"@type": "Person", "name": "Budi Santoso"}
    for appearance in (item["appearance"][0], item["firstAppearance"]):
        assert appearance["@type"] == "CreativeWork"
        assert appearance["url"] == "https://news.example.id/inflasi"
        assert appearance["headline"] == "Inflasi kota naik"
    jsonschema.validate(review, SCHEMA)


def test_unverifiable_claim_has_a_name_but_no_rating_value():
    rating = _review(_claim(verdict="unverifiable"), _article(language="en"))["reviewRating"]
    assert rating["alternateName"] == "Unverifiable" and "ratingValue" not in rating
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)


def test_article_without_author_is_claimed_by_its_publisher_as_organization():
    review = _review(article=_article(author=None))
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Harian Contoh"}
    jsonschema.validate(review, SCHEMA)


def test_public_corrections_become_correction_comments_once_per_note():
    events = [
        ReviewEvent(claim_id=1, action="correction", note="Angka diperbaiki", public=True, at=AT),
        ReviewEvent(claim_id=1, action="rationale", note="Angka diperbaiki", public=True, at=AT),
        ReviewEvent(claim_id=1, action="verdict", note="internal", public=False, at=AT),
    ]
    review = _review(corrections=events)
    assert review["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Angka diperbaiki",
            "datePublished": "2025-11-07T09:30:00Z",
        }
    ]
    assert review["dateModified"] == "2025-11-07T09:30:00Z"
    jsonschema.validate(review, SCHEMA)


def test_claim_without_verdict_has_no_claim_review():
    with pytest.raises(ValueError, match="no verdict"):
        _review(_claim(verdict=None))


def test_verdict_page_url_escapes_slug_and_key():
    review = _review(_claim(key="c 1/2"), _article(slug="a?b"))
    assert review["url"] == "https://cek.example.id/articles/a%3Fb/claims/c%201%2F2"


def _schema_org_loader(url, options=None):
    # A stand-in for https://schema.org's context (tests stay off the network): the same
    # vocabulary IRI, and url typed as an IRI as in the real context.
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {
            "@context": {
                "@vocab": SCHEMA_ORG,
                "schema": SCHEMA_ORG,
                "url": {"@id": "schema:url", "@type": "@id"},
            }
        },
    }


def test_exported_feed_expands_to_schema_org_terms_and_fits_the_schema(session, factory):
    rows = reviewed_articles(session, factory)
    feed = json.loads(text_of(session, "claimreview"))
    jsonschema.validate(feed, SCHEMA)
    assert [r["claimReviewed"] for r in feed["dataFeedElement"]] == [
        TRICKY,
        rows["formula"].text,
        "The plant makes 40 MW.",
    ]
    expanded = jsonld.expand(feed, {"documentLoader": _schema_org_loader})
    elements = expanded[0][SCHEMA_ORG + "dataFeedElement"]
    first = elements[0]
    assert first["@type"] == [SCHEMA_ORG + "ClaimReview"]
    assert first[SCHEMA_ORG + "claimReviewed"][0]["@value"] == TRICKY
    assert first[SCHEMA_ORG + "url"][0]["@id"].endswith(f"/{rows['article'].slug}/claims/c1")
    rating = first[SCHEMA_ORG + "reviewRating"][0]
    assert rating[SCHEMA_ORG + "alternateName"][0]["@value"] == "Salah"
    item = first[SCHEMA_ORG + "itemReviewed"][0]
    assert item["@type"] == [SCHEMA_ORG + "Claim"]
    assert SCHEMA_ORG + "firstAppearance" in item and SCHEMA_ORG + "appearance" in item
    assert first[SCHEMA_ORG + "correction"][0][SCHEMA_ORG + "text"][0]["@value"] == (
        "Angka awal salah"
    )


def test_feed_of_published_claims_leaves_out_verified_and_unrated(session, factory):
    rows = reviewed_articles(session, factory)
    feed = json.loads(text_of(session, "claimreview", Selection(status="published")))
    assert [r["claimReviewed"] for r in feed["dataFeedElement"]] == [TRICKY, rows["plain"].text]
    everything = json.loads(text_of(session, "claimreview", Selection(status="all")))
    assert "Belum dicek." not in json.dumps(everything)  # no verdict, nothing to review


# --- import ------------------------------------------------------------------------------
def _write(tmp_path, data, name="reviews.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _other(n: int, **fields) -> dict:
    review = {
        "@type": "ClaimReview",
        "url": f"https://other.example/check/{n}",
        "claimReviewed": f"Klaim nomor {n}",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": "2",
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Sebagian salah",
        },
        "author": {"@type": "Organization", "name": "Other Checkers"},
        "datePublished": "2024-03-01",
        "inLanguage": "id",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Pak X"},
            "appearance": [{"@type": "CreativeWork", "url": "https://social.example/p/1"}],
        },
    }
    review.update(fields)
    return review


@pytest.mark.parametrize(
    "shape", ["single", "list", "graph", "datafeed", "datafeeditem", "prefixed"]
)
def test_import_reads_every_shape_of_claimreview_file(session, tmp_path, shape):
    one, two = _other(1), _other(2)
    data = {
        "single": {"@context": "https://schema.org", **one},
        "list": [one, two],
        "graph": {"@context": "https://schema.org", "@graph": [one, {"@type": "WebPage"}, two]},
        "datafeed": {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [one, two],
        },
        "datafeeditem": {
            "@type": "DataFeed",
            "dataFeedElement": [
                {"@type": "DataFeedItem", "item": one},
                {"@type": "DataFeedItem", "item": [two]},
            ],
        },
        "prefixed": {
            "@context": {"schema": "http://schema.org/"},
            "@type": "schema:ClaimReview",
            "schema:url": one["url"],
            "schema:claimReviewed": one["claimReviewed"],
        },
    }[shape]
    count = import_claimreviews(session, _write(tmp_path, data, "x.jsonld"))
    session.commit()
    stored = session.exec(select(ReferenceFactCheck).order_by(ReferenceFactCheck.id)).all()
    assert count == len(stored) == (1 if shape in ("single", "prefixed") else 2)
    assert stored[0].url == "https://other.example/check/1"
    assert stored[0].claim_reviewed == "Klaim nomor 1"
    if shape != "prefixed":
        first = stored[0]
        assert (first.rating, first.rating_value, first.best_rating, first.worst_rating) == (
            "Sebagian salah",
            2.0,
            5.0,
            1.0,
        )
        assert (first.author, first.claim_author, first.appearance_url, first.language) == (
            "Other Checkers",
            "Pak X",
            "https://social.example/p/1",
            "id",
        )
        assert json.loads(first.raw)["claimReviewed"] == "Klaim nomor 1"


def test_importing_the_same_reviews_again_updates_them(session, tmp_path):
    import_claimreviews(session, _write(tmp_path, [_other(1)]))
    changed = _other(1, reviewRating={"@type": "Rating", "alternateName": "Salah"})
    import_claimreviews(session, _write(tmp_path, [changed, changed]))
    session.commit()
    stored = session.exec(select(ReferenceFactCheck)).all()
    assert [(r.url, r.rating) for r in stored] == [("https://other.example/check/1", "Salah")]


def test_our_own_feed_imports_back(session, factory, tmp_path):
    reviewed_articles(session, factory)
    path = _write(tmp_path, text_of(session, "claimreview"), "feed.jsonld")
    assert import_claimreviews(session, path) == 3
    first = session.exec(select(ReferenceFactCheck).order_by(ReferenceFactCheck.id)).first()
    assert (first.claim_reviewed, first.rating, first.author) == (
        TRICKY,
        "Salah",
        publisher().org_name,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"x\.json: not JSON \(line 1, column 2"),
        ('{"@type": "WebPage", "name": "no reviews"}', r"x\.json: no ClaimReview found"),
        (
            [{"@type": "ClaimReview", "url": "https://a.example/1"}],
            r"ClaimReview #1: missing claimReviewed",
        ),
        (
            [
                {"@type": "ClaimReview", "url": "https://a.example/1", "claimReviewed": "ok"},
                {"@type": "ClaimReview", "claimReviewed": "no url"},
            ],
            r"ClaimReview #2: missing url",
        ),
        (
            [{"@type": "ClaimReview", "url": "javascript:alert(1)", "claimReviewed": "x"}],
            r"ClaimReview #1: missing url .*not an http\(s\) address",
        ),
    ],
)
def test_bad_claimreview_files_are_refused_whole(session, tmp_path, content, message):
    path = _write(tmp_path, content if isinstance(content, str) else json.dumps(content), "x.json")
    with pytest.raises(InputError, match=message) as error:
        import_claimreviews(session, path)
    assert "\n" not in str(error.value)
    assert session.exec(select(ReferenceFactCheck)).all() == []


def test_binary_file_is_refused_as_not_json(session, tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(InputError, match="not UTF-8"):
        import_claimreviews(session, path)


@pytest.mark.parametrize(
    ("claimant", "author"),
    [
        ("Badan Pusat Statistik", {"@type": "Organization", "name": "Badan Pusat Statistik"}),
        ("BPS", {"@type": "Organization", "name": "BPS"}),
        ("Presiden Trump", {"@type": "Person", "name": "Presiden Trump"}),
        ("Budi Santoso", {"@type": "Person", "name": "Budi Santoso"}),  # the article's author
        (None, {"@type": "Person", "name": "Budi Santoso"}),
    ],
)
def test_the_claims_claimant_is_the_item_reviewed_author(claimant, author):
    review = _review(_claim(claimant=claimant))
    assert review["itemReviewed"]["author"] == author
    jsonschema.validate(review, SCHEMA)


def test_a_shared_item_reviewed_is_not_changed_by_one_claims_claimant():
    from factcheck.publishing.claimreview import item_reviewed

    shared = item_reviewed(_article())
    review = _review(_claim(claimant="Bank Dunia"), claim_as_published=shared)
    assert review["itemReviewed"]["author"]["name"] == "Bank Dunia"
    assert shared["author"] == {"@type": "Person", "name": "Budi Santoso"}
