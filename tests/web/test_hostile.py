"""Untrusted text never becomes markup: hostile strings through every page and every export.

Article text and titles, claims, rationales, source titles and URLs, evidence, correction
notes and readers' reports are all set to generated hostile strings; every page a reader or a
checker can open, and every export, is then parsed, and no element, attribute, script or link
that the strings asked for may appear.
"""

import csv
import io
import json
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.models import ErrorReport, Evidence, ReviewEvent, Source, utcnow

FRAGMENTS = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    '"><img src=x onerror=alert(3)>',
    "'><svg onload=alert(4)>",
    "<iframe src=javascript:alert(5)>",
    "javascript:alert(6)",
    "[click](javascript:alert(7))",
    "<a href='data:text/html,<script>alert(8)</script>'>x</a>",
    "{{ 7*7 }}",
    "{% raw %}",
    "&lt;script&gt;",
    "<!--",
    "-->",
    "]]>",
    "\\u003c",
    "=cmd|' /C calc'!A0",
    "<style>body{display:none}</style>",
    "<b onmouseover=alert(9)>",
    "Kazakhstan 1992",
]
hostile = (
    st.lists(
        st.one_of(
            st.sampled_from(FRAGMENTS),
            st.text(
                alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=8,
            ),
        ),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)
DANGEROUS_TAGS = {"img", "svg", "iframe", "object", "embed", "style", "b", "base", "form-x"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def assert_no_markup_escaped(html: str, where: str, *, allow_styles: bool = False) -> Tags:
    parsed = Tags()
    parsed.feed(html)
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (where, tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (where, tag)
        assert tag not in DANGEROUS_TAGS or (tag == "style" and allow_styles), (where, tag)
        if tag == "script":
            assert attrs.get("type") == "application/ld+json" or (
                attrs.get("src") or ""
            ).startswith("/static/"), (where, attrs)
    for body in parsed.scripts:
        if body.strip():
            json.loads(body)  # JSON-LD stays one intact JSON document
    return parsed


def strings(data) -> set[str]:
    """Every string value inside parsed JSON."""
    if isinstance(data, str):
        return {data}
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return set().union(*(strings(v) for v in values)) if values else set()


def build(factory, session, text):
    """An article, source, published claim with evidence, correction and report, all hostile.

    Short fields get the text cut to their column's length, as the forms and imports do.
    """
    short = text[:80]
    editor = factory.user(role="editor")
    article = factory.article(
        text,
        text_=f"Intro {factory.count}. {text} end.",
        publisher=short,
        author=short,
        url="javascript:alert('article')",
    )
    source = Source(
        article_id=article.id,
        position=1,
        title=text,
        publisher=short,
        url="javascript:alert(document.cookie)",
    )
    session.add(source)
    session.commit()
    claim = factory.claim(
        article,
        text_=text,
        sentence=text,
        status="published",
        verdict="false",
        rationale=f"**Why.** {text} [x](javascript:alert(1))",
        verdict_by_id=editor.id,
        published_at=utcnow(),
        reviewed_at=utcnow(),
    )
    session.add_all(
        [
            Evidence(
                claim_id=claim.id,
                source_id=source.id,
                passage=text,
                state="confirmed",
                url="https://example.org/e",
                note=text,
                explanation=json.dumps(
                    {
                        "agree": [text],
                        "disagree": [text],
                        "claim_spans": [[0, 1]],
                        "passage_spans": [[0, 1]],
                    }
                ),
            ),
            ReviewEvent(
                claim_id=claim.id,
                actor=short,
                action="correction",
                from_value=text,
                to_value="false",
                note=text,
                public=True,
            ),
            ErrorReport(article_id=article.id, claim_id=claim.id, message=text, contact=short),
        ]
    )
    session.commit()
    return article, claim


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile)
def test_hostile_text_never_becomes_markup_on_any_page(app, client, factory, session, auth, text):
    article, claim = build(factory, session, text)
    public = [
        "/",
        f"/articles/{article.slug}",
        f"/articles/{article.slug}/claims/{claim.key}",
        f"/articles/{article.slug}/report",
        "/methodology",
        "/corrections",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = assert_no_markup_escaped(response.get_data(as_text=True), url)
        if url.endswith(claim.key):
            [ld] = [s for s in parsed.scripts if s.strip()]
            assert json.loads(ld)["claimReviewed"] == text
    auth.login(factory.user(role="editor"))
    staff = [
        "/review/",
        f"/review/articles/{article.slug}",
        f"/review/claims/{claim.id}",
        "/review/claims",
        "/reports",
    ]
    for url in staff:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_markup_escaped(response.get_data(as_text=True), url)
    auth.logout()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile)
def test_hostile_text_survives_every_export_as_text(app, client, factory, session, auth, text):
    article, claim = build(factory, session, text)
    auth.login(factory.user(role="editor"))
    query = f"?article={article.slug}&status=all"
    feed = json.loads(client.get("/claimreview.json").get_data(as_text=True))
    assert text in strings(feed)
    records = json.loads(client.get("/export.json" + query).get_data(as_text=True))
    assert text in strings(records)
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/export.csv" + query).get_data(as_text=True).lstrip("\ufeff"))
        )
    )
    [row] = rows
    cell = next(v for v in row.values() if v in (text, "'" + text))
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == text or text.startswith(("=", "+", "-", "@", "\t", "\r"))
    html = client.get("/export.html" + query).get_data(as_text=True)
    report = assert_no_markup_escaped(html, "html report", allow_styles=True)
    assert report.scripts == []
    rendered = markdown.markdown(client.get("/export.markdown" + query).get_data(as_text=True))
    assert_no_markup_escaped(rendered, "markdown report")
    auth.logout()
