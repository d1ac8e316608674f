"""The feed's ReviewWriter writes exactly the bytes of ``json.dumps(claim_review(...))``.

The writer fills templates made from ``claim_review``'s output for a stand-in claim; these
tests feed it claim after claim, several of one verdict and claimant (so that templates are
made and filled), on hostile values, and compare every review with the one definition.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.publishing.claimreview import claim_review
from factcheck.publishing.feed import ReviewWriter, feed_chunks
from factcheck.review.ratings import RatingScale
from tests.publishing.test_claimreview import _article

SCALE = RatingScale()
SETTINGS = {
    "scale": SCALE,
    "org_name": 'Cek "Fakta" </script>',
    "org_url": "https://cek.example.id/",
    "base_url": "https://cek.example.id/",
}
AT = datetime(2025, 11, 7, 23, 30, tzinfo=UTC)
JAKARTA = timezone(timedelta(hours=7))


def _row(article) -> SimpleNamespace:
    """An article as the export reads it: a row of its columns, equal to a row of the same."""
    return SimpleNamespace(**article.model_dump())


ARTICLES = [
    _article(),
    _article(  # every text of the article where it lands in the template's literal parts
        id=2,
        slug="judul {0} %s/ключ",
        title='{"a": 1} {{ }} %s "kutip"\n</script><!-- 🎉',
        language="en",
        publisher='Penerbit "{1}"',
        author="</script>",
        url='https://news.example.id/b?q="a"&x={2}',
        published_date=date(2, 2, 2),  # the stand-in's marker day, by chance: no template
    ),
    _article(id=3, author=None, publisher=None, url=None, published_date=None, language=None),
]
TEXTS = [
    'Koma, "kutip" dan\r\nbaris CRLF',
    "</script><script>alert(1)</script>",
    "Emoji 🎉, ümlaut, ключ, 中文, \u2028 \u2029",
    "back\\slash \\u0041 and control \x00\x01\x1f\x7f",
    "{0} {1} {} %s %(key)s",
    "  spaces around  ",
    "",
    "2025-11-07",
    "0002-02-02",
]
RATIONALES = [None, "", "   ", "\n\t", "Data BPS: 3,1%. </script>\n\n- {poin}", "0002-02-02"]
CLAIMANTS = [None, "", "Budi Santoso", "Harian Contoh", "Badan Pusat Statistik", "WHO", "</script>"]
DAYS = [
    (AT, None, None),
    (None, AT.replace(tzinfo=None), None),  # naive, as SQLite gives it: read as UTC
    (AT.astimezone(JAKARTA), None, None),  # another day in Jakarta: the UTC day is written
    (None, None, AT.astimezone(JAKARTA)),
    (date(2024, 2, 29), None, None),  # the export reads days, not timestamps
    (None, None, None),
]
KEYS = ["c1", "k 2", "k/3", "ключ", "k%4", "k.6", "k_7", "{0}"]
VERDICTS = ["true", "false", "half_true", "unverifiable"]


def _claim(n: int, **fields) -> SimpleNamespace:
    published_at, reviewed_at, updated_at = DAYS[n % len(DAYS)]
    values = {
        "key": f"{KEYS[n % len(KEYS)]}-{n}",
        "text": TEXTS[n % len(TEXTS)],
        "claimant": CLAIMANTS[n // 3 % len(CLAIMANTS)],
        "verdict": VERDICTS[n // 2 % len(VERDICTS)],
        "rationale": RATIONALES[n % len(RATIONALES)],
        "published_at": published_at,
        "reviewed_at": reviewed_at,
        "updated_at": updated_at,
    }
    return SimpleNamespace(**{**values, **fields})


def _expected(claim, article, corrections=None) -> str:
    review = claim_review(claim, article, corrections=corrections, **SETTINGS)
    del review["@context"]
    return json.dumps(review, ensure_ascii=False)


def _check(write: ReviewWriter, claims, article, corrections=None) -> None:
    for claim in claims:
        assert write(claim, article, corrections) == _expected(claim, article, corrections)


def test_every_review_is_claim_reviews_own_on_hostile_claims_and_articles():
    write = ReviewWriter(**SETTINGS)
    claims = [_claim(n) for n in range(300)]
    # ORM objects (as verdict pages have them), back to the first, then rows (as exported)
    for article in [*ARTICLES, ARTICLES[0], *map(_row, ARTICLES)]:
        _check(write, claims, article)
    # the same pair of verdict and claimant came often enough for templates to be used
    assert any(t is not None for shapes in write._templates.values() for t in shapes.values())


def test_claims_with_public_corrections_and_other_history_are_written_the_same():
    noted = SimpleNamespace(public=True, note="Angka awal salah </script>", at=AT)
    corrections = [
        [],
        [SimpleNamespace(public=False, note="internal", at=AT)],
        [SimpleNamespace(public=True, note="  ", at=AT)],
        [noted, noted, SimpleNamespace(public=True, note="Kedua {0}", at=AT.replace(hour=1))],
    ]
    write = ReviewWriter(**SETTINGS)
    for n in range(40):
        _check(write, [_claim(n)], ARTICLES[n % 2], corrections[n % len(corrections)])


@pytest.mark.parametrize("verdict", [None, "", "off_scale"])
def test_a_claim_without_a_verdict_on_the_scale_is_refused_like_claim_review(verdict):
    write = ReviewWriter(**SETTINGS)
    _check(write, [_claim(n) for n in range(8)], ARTICLES[0])
    for _ in range(3):  # first, second and later claims of the pair
        with pytest.raises(ValueError, match="no verdict on the rating scale"):
            write(_claim(0, verdict=verdict), ARTICLES[0])
    with pytest.raises(ValueError, match="no verdict on the rating scale"):
        _expected(_claim(0, verdict=verdict), ARTICLES[0])


def test_an_article_that_holds_a_marker_gets_no_template_and_the_same_bytes():
    write = ReviewWriter(**SETTINGS)
    key, text, body = write._markers
    article = _article(title=json.dumps(text)[1:-1], slug=key, author=body)
    claims = [_claim(n, claimant=None, verdict="true", rationale="r") for n in range(6)]
    _check(write, claims, article)
    shapes = write._templates[("true", None)]
    assert shapes and all(template is None for template in shapes.values())


def test_equal_article_rows_share_templates_and_a_changed_one_does_not():
    write = ReviewWriter(**SETTINGS)
    claims = [_claim(n, claimant=None, verdict="true") for n in range(6)]
    _check(write, claims, _row(_article()))
    templates = write._templates
    _check(write, claims, _row(_article()))  # an equal row of the next batch
    assert write._templates is templates
    _check(write, claims, _row(_article(title="Judul baru")))
    assert write._templates is not templates


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(),
            st.text(min_size=1),
            st.one_of(st.none(), st.text()),
            st.one_of(st.none(), st.sampled_from(CLAIMANTS), st.text()),
            st.sampled_from(VERDICTS),
            st.sampled_from(DAYS),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(ARTICLES),
)
def test_any_text_gives_the_same_bytes(rows, article):
    write = ReviewWriter(**SETTINGS)
    claims = [
        SimpleNamespace(
            key=key,
            text=text,
            rationale=rationale,
            claimant=claimant,
            verdict=verdict,
            published_at=days[0],
            reviewed_at=days[1],
            updated_at=days[2],
        )
        for text, key, rationale, claimant, verdict, days in rows
    ]
    _check(write, claims * 2, article)  # twice: the second round is written from templates


def test_the_feed_states_its_context_once_and_parses():
    write = ReviewWriter(**SETTINGS)
    claims = [_claim(n) for n in range(12)]
    text = "".join(feed_chunks(write(c, ARTICLES[1]) for c in claims))
    feed = json.loads(text)
    assert feed["@context"] == "https://schema.org" and feed["@type"] == "DataFeed"
    expected = [json.loads(_expected(c, ARTICLES[1])) for c in claims]
    assert feed["dataFeedElement"] == expected
    assert text.count("@context") == 1
