"""Readers' verdict pages as good as the best: the verdict in one line at the top, who made
the claim and where, checker and editor bylines, a colour and icon per rating level beside its
label, ``lang`` on quotes in another language, and a share image (PNG, cached, og:image)."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from factcheck.models import Evidence
from factcheck.publishing import shareimage
from factcheck.publishing.markup import first_sentence
from factcheck.review.ratings import RatingScale
from tests.web.test_public import Scripts, publish
from tests.web.test_public import people as people  # noqa: F401 (a fixture)


@pytest.fixture
def claim(factory, session, request):
    people = request.getfixturevalue("people")
    article = factory.article(
        "Kazakhstan dan Abraham Accords",
        language="id",
        publisher="Harian Contoh",
        published_date=date(2025, 11, 7),
        url="https://news.example/kz",
        slug="kz",
    )
    claim = factory.claim(
        article, "Kazakhstan merdeka pada 1995.", key="c1", claimant="Menteri Luar Negeri"
    )
    return publish(
        session,
        claim,
        checker=people[0],
        editor=people[1],
        rationale="Menurut **Kemlu**, Kazakhstan merdeka pada 1991. Detail lain di bawah.",
    )


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/articles/kz/claims/c1", "/articles/kz"])
def test_verdict_pages_say_who_claimed_it_where_and_who_checked_it(client, claim, path):
    html = html_of(client, path)
    assert "Diklaim oleh: <strong>Menteri Luar Negeri</strong>" in html
    assert re.search(r'Muncul di\s*<a href="https://news.example/kz"[^>]*>Harian Contoh</a>', html)
    assert "7 November 2025" in html
    assert 'Diperiksa oleh <span class="person">checker1</span>, disunting oleh ' in html
    assert '<span class="person">editor1</span>' in html


def test_the_verdict_is_said_in_one_line_at_the_top(client, claim):
    html = html_of(client, "/articles/kz/claims/c1")
    top = html.split("<h1>")[1].split('id="rating-h"')[0]
    assert re.search(
        r'class="conclusion">.*Salah</span> <span class="conclusion-text">'
        r"Menurut Kemlu, Kazakhstan merdeka pada 1991.</span>",
        top,
        re.S,
    )


def test_each_rating_level_has_its_own_colour_and_icon():
    scale = RatingScale()
    levels = [scale.level(key) for key in scale.keys()]
    assert levels == [5, 4, 3, 2, 1, 0]
    css = (Path(__file__).parents[2] / "factcheck" / "static" / "style.css").read_text("utf-8")
    colours = [
        re.search(rf"\.rating-level-{n} {{ background: (#\w+)", css).group(1) for n in levels
    ]
    assert len(set(colours)) == 6
    assert colours == [shareimage.LEVEL_COLOURS[n] for n in levels]  # the image's too


def test_a_quote_in_another_language_says_so(client, session, claim):
    english = session.exec(select(Evidence).where(Evidence.claim_id == claim.id)).first()
    english.passage = "Kazakhstan declared its independence on 16 December 1991."
    session.add(english)
    session.commit()
    html = html_of(client, "/articles/kz/claims/c1")
    assert '<html lang="id">' in html
    assert re.search(r'<blockquote class="passage"[^>]* lang="en"><p>Kazakhstan declared', html)


def test_share_image_is_a_png_named_in_og_image_and_drawn_once(client, claim, monkeypatch):
    meta = Scripts(html_of(client, "/articles/kz/claims/c1")).meta
    assert meta["og:image"] == "http://localhost/articles/kz/claims/c1/share.png"
    assert meta["og:image:alt"].startswith("Salah: Kazakhstan merdeka")
    response = client.get("/articles/kz/claims/c1/share.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert Image.open(io.BytesIO(response.data)).size == (1200, 630)
    drawn = []
    monkeypatch.setattr(shareimage, "draw", lambda card: drawn.append(card) or b"")
    again = client.get("/articles/kz/claims/c1/share.png")
    assert again.data == response.data and drawn == []  # from the cache
    etag = again.headers["ETag"]
    assert (
        client.get("/articles/kz/claims/c1/share.png", headers={"If-None-Match": etag}).status_code
        == 304
    )


def test_share_image_of_an_unknown_claim_is_not_found(client, claim):
    assert client.get("/articles/kz/claims/c9/share.png").status_code == 404


@pytest.mark.parametrize(
    "markdown, line",
    [
        ("Menurut **Kemlu**, merdeka 1991. Lainnya.", "Menurut Kemlu, merdeka 1991."),
        ("One sentence only", "One sentence only"),
        ("", ""),
        (None, ""),
    ],
)
def test_first_sentence_is_plain_text(markdown, line):
    assert first_sentence(markdown) == line
