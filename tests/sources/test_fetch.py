"""Fetching sources from a real local HTTP server: text extraction, redirects, the address
rule, timeouts, retries, limits, content types, charsets, and conditional re-fetch.

Every page here is written for these tests and served on 127.0.0.1; nothing leaves the machine.
Most tests set ``allow_private`` to reach that server; the address-rule tests turn it off.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from sqlmodel import select
from werkzeug import Response

from factcheck.errors import InputError
from factcheck.models import Article, Snapshot, Source
from factcheck.sources import fetch as fetching
from factcheck.sources.cited import latest_snapshot
from factcheck.sources.fetch import (
    FetchError,
    FetchSettings,
    address_problem,
    fetch_url,
)
from factcheck.sources.passages import parse_passage_id, source_passages
from factcheck.sources.snapshots import fetch_source, paste_text

LOCAL = FetchSettings(timeout=(1.0, 0.5), retries=1, backoff=0.01, allow_private=True)
GUARDED = dataclasses.replace(LOCAL, allow_private=False)

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>Harbour report</title></head>
<body><nav><a href="/">Home</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav>
<article><h1>Harbour cargo rose in 1995</h1>
<p>The harbour moved 120 tonnes of cargo in 1995, the port authority said in its yearly report,
up from 90 tonnes the year before.</p>
<p>Most of the new cargo was grain bound for the northern mills, the authority added.</p>
</article><footer>Copyright Harbour Gazette. Subscribe to our newsletter.</footer></body></html>"""


@pytest.fixture(scope="module")
def running_server():
    """A threaded loopback server (a slow handler must not hold up the retry)."""
    httpserver = HTTPServer(host="127.0.0.1", threaded=True)
    httpserver.start()
    yield httpserver
    httpserver.stop()


@pytest.fixture
def server(running_server):
    """The server with no expectations and an empty log."""
    running_server.clear()
    yield running_server
    running_server.clear()


def _hits(server: HTTPServer, path: str) -> int:
    return sum(1 for request, _response in server.log if request.path == path)


# --- what a page gives -----------------------------------------------------------------------
def test_html_page_gives_its_main_text_without_navigation_or_footer(server):
    server.expect_request("/report").respond_with_data(ARTICLE, content_type="text/html")
    result = fetch_url(server.url_for("/report"), LOCAL)
    assert result.status == 200 and not result.not_modified
    assert "The harbour moved 120 tonnes of cargo in 1995" in result.text
    assert "grain bound for the northern mills" in result.text
    assert "Sport" not in result.text and "Subscribe" not in result.text
    assert result.body == ARTICLE.encode()


def test_plain_text_is_kept_as_sent_and_the_user_agent_names_the_tool(server):
    text = "Line one: 42 ships.\nLine two: 7 ports."
    server.expect_request(
        "/notes.txt", headers={"User-Agent": fetching.USER_AGENT}
    ).respond_with_data(text, content_type="text/plain; charset=utf-8")
    result = fetch_url(server.url_for("/notes.txt"), LOCAL)
    assert result.text == text
    assert fetching.USER_AGENT.startswith("factcheck/0.1 (+https://")


@pytest.mark.parametrize(
    ("charset_in", "body"),
    [
        ("header", "Caf\xe9 owners paid \u20ac3 more \u2013 said the mayor.".encode("cp1252")),
        (
            "meta",
            b'<html><head><meta http-equiv="Content-Type" content="text/html; '
            b'charset=iso-8859-1"></head><body><article><p>Caf\xe9 owners paid \x803 more '
            b"\x96 said the mayor of the small town in a statement on Monday.</p>"
            b"</article></body></html>",
        ),
    ],
)
def test_pages_in_windows_1252_or_latin_1_are_decoded(server, charset_in, body):
    content_type = "text/plain; charset=windows-1252" if charset_in == "header" else "text/html"
    server.expect_request("/old").respond_with_data(body, content_type=content_type)
    text = fetch_url(server.url_for("/old"), LOCAL).text
    assert "Café owners paid €3 more – said the mayor" in text


def test_a_page_in_an_undeclared_legacy_charset_is_still_readable(server):
    body = (
        "Les cafés du port ont fermé à l'été, après une très mauvaise saison. "
        "Le maire a déclaré que la fréquentation a baissé."
    ).encode("cp1252")
    server.expect_request("/guess").respond_with_data(body, content_type="text/plain")
    text = fetch_url(server.url_for("/guess"), LOCAL).text
    assert "Les cafés du port ont fermé à l'été" in text


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("application/zip", b"PK\x03\x04" + b"\x00" * 40),
    ],
)
def test_images_pdfs_and_archives_are_refused_with_the_type_named(server, content_type, body):
    server.expect_request("/file").respond_with_data(body, content_type=content_type)
    with pytest.raises(
        FetchError, match=rf"/file: refused, the content type is {content_type}"
    ) as caught:
        fetch_url(server.url_for("/file"), LOCAL)
    assert caught.value.refused


def test_a_page_with_no_readable_text_asks_for_pasting(server):
    server.expect_request("/empty").respond_with_data(
        "<html><body><script>x()</script></body></html>", content_type="text/html"
    )
    with pytest.raises(FetchError, match="no readable text in the page; paste the text"):
        fetch_url(server.url_for("/empty"), LOCAL)


# --- limits -----------------------------------------------------------------------------------
@pytest.mark.parametrize("declared", [True, False])
def test_a_body_over_the_size_limit_is_refused(server, declared):
    chunk = b"<p>" + b"cargo " * 1000 + b"</p>"

    def handler(_request):
        if declared:
            return Response(chunk * 20, content_type="text/html")
        return Response((chunk for _ in range(20)), content_type="text/html")  # chunked

    server.expect_request("/big").respond_with_handler(handler)
    settings = dataclasses.replace(LOCAL, max_bytes=50_000)
    with pytest.raises(FetchError, match=r"/big: refused, .*(limit of 50000)") as caught:
        fetch_url(server.url_for("/big"), settings)
    assert caught.value.refused
    assert fetch_url(server.url_for("/big"), dataclasses.replace(LOCAL, max_bytes=200_000)).text


def test_a_server_slower_than_the_read_timeout_is_retried_then_reported(server):
    arrived, release = [], threading.Event()

    def slow(_request):
        arrived.append(time.monotonic())  # the log only has requests already answered
        release.wait(timeout=1.5)
        return Response("late", content_type="text/plain")

    server.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"/slow: timed out .* \(after 2 attempts\)"):
        fetch_url(server.url_for("/slow"), LOCAL)
    assert time.monotonic() - started < 1.5 * 2  # gave up on each attempt before it answered
    assert len(arrived) == 2
    release.set()  # let the held handlers finish now, not during the next test
    deadline = time.monotonic() + 2
    while _hits(server, "/slow") < 2 and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_refused_connection_is_reported_with_the_url():
    with pytest.raises(FetchError, match=r"http://127.0.0.1:9/x: could not connect"):
        fetch_url("http://127.0.0.1:9/x", LOCAL)


def test_not_found_is_reported_at_once(server):
    server.expect_request("/gone").respond_with_data("no", status=404)
    with pytest.raises(FetchError, match=r"/gone: the server answered 404 NOT FOUND$"):
        fetch_url(server.url_for("/gone"), LOCAL)
    assert _hits(server, "/gone") == 1


def test_a_server_error_is_retried_then_reported(server):
    server.expect_request("/broken").respond_with_data("oops", status=500)
    with pytest.raises(FetchError, match=r"/broken: the server answered 500 .*after 2 attempts"):
        fetch_url(server.url_for("/broken"), LOCAL)
    assert _hits(server, "/broken") == 2


def test_a_passing_server_error_is_overcome_by_the_retry(server):
    server.expect_ordered_request("/flaky").respond_with_data("busy", status=503)
    server.expect_ordered_request("/flaky").respond_with_data("fine now", content_type="text/plain")
    assert fetch_url(server.url_for("/flaky"), LOCAL).text == "fine now"


# --- redirects ----------------------------------------------------------------------------------
def test_redirects_are_followed_to_the_final_url(server):
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/mid"})
    server.expect_request("/mid").respond_with_data(
        "", status=302, headers={"Location": server.url_for("/report")}
    )
    server.expect_request("/report").respond_with_data(ARTICLE, content_type="text/html")
    result = fetch_url(server.url_for("/old"), LOCAL)
    assert result.final_url == server.url_for("/report")
    assert "120 tonnes" in result.text


def test_a_redirect_chain_longer_than_the_limit_is_refused(server):
    for n in range(4):
        server.expect_request(f"/hop{n}").respond_with_data(
            "", status=302, headers={"Location": f"/hop{n + 1}"}
        )
    settings = dataclasses.replace(LOCAL, max_redirects=2)
    with pytest.raises(FetchError, match=r"/hop0: more than 2 redirects"):
        fetch_url(server.url_for("/hop0"), settings)
    assert _hits(server, "/hop3") == 0


# --- the address rule -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("fd12::1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.10.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "reserved"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_rule(address, problem):
    found = address_problem(address)
    assert (found.split(" address")[0] if found else None) == problem


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/file",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http:///nohost",
        "gopher://x/",
    ],
)
def test_only_http_and_https_addresses_are_fetched(url):
    with pytest.raises(FetchError, match="only http:// and https://") as caught:
        fetch_url(url, GUARDED)
    assert caught.value.refused


def test_a_host_name_that_resolves_to_loopback_is_refused(server):
    server.expect_request("/secret").respond_with_data("internal", content_type="text/plain")
    with pytest.raises(
        FetchError,
        match=r"localhost:\d+/secret: refused, localhost is a "
        r"loopback address",
    ):
        fetch_url(f"http://localhost:{server.port}/secret", GUARDED)
    with pytest.raises(FetchError, match="refused, 127.0.0.1 is a loopback address"):
        fetch_url(server.url_for("/secret"), GUARDED)
    assert _hits(server, "/secret") == 0


def test_a_redirect_to_a_private_address_is_refused_at_that_hop(server):
    """The first hop is trusted by host:port (standing in for a public site, which the test
    cannot reach); the redirect goes to another name for the same loopback server, and is
    refused before it is requested."""
    server.expect_request("/public").respond_with_data(
        "", status=302, headers={"Location": f"http://localhost:{server.port}/secret"}
    )
    server.expect_request("/secret").respond_with_data("internal", content_type="text/plain")
    settings = dataclasses.replace(GUARDED, trusted_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    with pytest.raises(FetchError, match=r"/secret: refused, localhost is a loopback") as caught:
        fetch_url(server.url_for("/public"), settings)
    assert caught.value.refused
    assert _hits(server, "/public") == 1 and _hits(server, "/secret") == 0


def test_a_redirect_to_cloud_metadata_is_refused_without_connecting(server):
    server.expect_request("/public").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    settings = dataclasses.replace(GUARDED, trusted_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    with pytest.raises(FetchError, match=r"meta-data/: refused, .* cloud metadata address"):
        fetch_url(server.url_for("/public"), settings)


def test_a_name_that_changes_its_address_after_the_check_is_refused_on_connecting(
    server, monkeypatch
):
    """DNS rebinding: the check sees a public address, the connection reaches loopback. The
    address the socket connected to is checked too, so the request is never sent."""
    server.expect_request("/secret").respond_with_data("internal", content_type="text/plain")
    monkeypatch.setattr(fetching, "_resolve", lambda host, port: ["93.184.216.34"])
    with pytest.raises(
        FetchError,
        match=r"/secret: refused, 127.0.0.1 connected to a "
        r"loopback address",
    ) as caught:
        fetch_url(server.url_for("/secret"), GUARDED)
    assert caught.value.refused
    assert _hits(server, "/secret") == 0


def test_an_unknown_host_is_reported():
    with pytest.raises(FetchError, match=r"cannot find the host 'no-such-host.invalid'"):
        fetch_url("http://no-such-host.invalid/page", GUARDED)


def test_settings_come_from_the_app_configuration():
    settings = FetchSettings.from_config(
        {
            "FETCH_TIMEOUT": (1, 2),
            "FETCH_MAX_BYTES": 10,
            "FETCH_MAX_REDIRECTS": 1,
            "FETCH_RETRIES": 0,
            "FETCH_ALLOW_PRIVATE": True,
        }
    )
    assert (
        settings.timeout,
        settings.max_bytes,
        settings.max_redirects,
        settings.retries,
        settings.allow_private,
    ) == ((1.0, 2.0), 10, 1, 0, True)
    assert FetchSettings.from_config({}).allow_private is False


# --- snapshots ----------------------------------------------------------------------------------
def _snapshots(session, source) -> list[Snapshot]:
    session.expire_all()
    return list(
        session.exec(
            select(Snapshot).where(Snapshot.source_id == source.id).order_by(Snapshot.id)
        ).all()
    )


def _source(factory, url: str | None, title: str = "Harbour Gazette: cargo report") -> Source:
    article = factory.article("Harbour cargo")
    return factory._save(Source(article_id=article.id, position=1, title=title, url=url))


def test_a_fetched_page_is_archived_as_a_snapshot(server, session, factory):
    server.expect_request("/report").respond_with_data(ARTICLE, content_type="text/html")
    source = _source(factory, server.url_for("/report"))
    outcome = fetch_source(session, source, LOCAL)
    session.commit()
    [snapshot] = _snapshots(session, source)
    assert outcome.status == "ok" and outcome.snapshot.id == snapshot.id
    assert (snapshot.kind, snapshot.url, snapshot.final_url, snapshot.http_status) == (
        "fetched",
        source.url,
        source.url,
        200,
    )
    assert snapshot.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert "120 tonnes of cargo" in snapshot.text and snapshot.content_type == "text/html"
    assert session.get(Source, source.id).fetch_status == "ok"


def test_an_unchanged_page_answering_304_to_its_etag_adds_no_snapshot(server, session, factory):
    def conditional(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(
            ARTICLE,
            content_type="text/html",
            headers={"ETag": '"v1"', "Last-Modified": "Wed, 05 Nov 2025 10:00:00 GMT"},
        )

    server.expect_request("/report").respond_with_handler(conditional)
    source = _source(factory, server.url_for("/report"))
    fetch_source(session, source, LOCAL)
    session.commit()
    again = fetch_source(session, source, LOCAL)
    session.commit()
    assert again.status == "ok" and again.unchanged and again.snapshot is None
    assert len(_snapshots(session, source)) == 1
    [(_first, _), (second, answer)] = [e for e in server.log if e[0].path == "/report"]
    assert second.headers["If-None-Match"] == '"v1"'
    assert second.headers["If-Modified-Since"] == "Wed, 05 Nov 2025 10:00:00 GMT"
    assert answer.status_code == 304


def test_changed_content_adds_a_snapshot_and_the_same_content_does_not(server, session, factory):
    server.expect_ordered_request("/live").respond_with_data(
        "Version one: 10 ships.", content_type="text/plain"
    )
    server.expect_ordered_request("/live").respond_with_data(
        "Version one: 10 ships.", content_type="text/plain"
    )
    server.expect_ordered_request("/live").respond_with_data(
        "Version two: 12 ships.", content_type="text/plain"
    )
    source = _source(factory, server.url_for("/live"))
    for _ in range(3):
        fetch_source(session, source, LOCAL)
        session.commit()
    assert [s.text for s in _snapshots(session, source)] == [
        "Version one: 10 ships.",
        "Version two: 12 ships.",
    ]
    assert latest_snapshot(session, source).text == "Version two: 12 ships."


def test_a_failed_fetch_is_recorded_on_the_source_and_keeps_older_snapshots(
    server, session, factory
):
    server.expect_ordered_request("/report").respond_with_data(
        "Kept text.", content_type="text/plain"
    )
    server.expect_ordered_request("/report").respond_with_data("gone", status=404)
    server.expect_ordered_request("/report").respond_with_data(
        b"%PDF", content_type="application/pdf"
    )
    source = _source(factory, server.url_for("/report"))
    statuses = []
    for _ in range(3):
        statuses.append(fetch_source(session, source, LOCAL).status)
        session.commit()
    assert statuses == ["ok", "failed", "refused"]
    stored = session.get(Source, source.id)
    assert stored.fetch_error.startswith(source.url) and "application/pdf" in stored.fetch_error
    assert [s.text for s in _snapshots(session, source)] == ["Kept text."]


def test_a_source_without_an_address_cannot_be_fetched(session, factory):
    with pytest.raises(InputError, match="has no web address; paste its text instead"):
        fetch_source(session, _source(factory, None), LOCAL)


def test_pasted_text_is_a_snapshot_of_its_own_and_stays_newest_over_an_unchanged_fetch(
    server, session, factory
):
    server.expect_request("/paywall").respond_with_data(
        "Subscribe to read this story.", content_type="text/plain"
    )
    source = _source(factory, server.url_for("/paywall"))
    fetch_source(session, source, LOCAL)
    session.commit()
    pasted = paste_text(
        session,
        source,
        "  The harbour moved 120 tonnes.\r\nIt said so.\n",
        user=factory.user(role="checker"),
    )
    session.commit()
    assert paste_text(session, source, "The harbour moved 120 tonnes.\nIt said so.").unchanged
    fetch_source(session, source, LOCAL)
    session.commit()
    assert [s.kind for s in _snapshots(session, source)] == ["fetched", "pasted"]
    assert latest_snapshot(session, source).id == pasted.snapshot.id
    assert pasted.snapshot.text == "The harbour moved 120 tonnes.\nIt said so."


@pytest.mark.parametrize(
    ("text", "message"), [("", "empty"), ("  \n ", "empty"), ("a\x00b", "NUL")]
)
def test_pasting_nothing_or_binary_is_refused(session, factory, text, message):
    with pytest.raises(InputError, match=message):
        paste_text(session, _source(factory, None), text)


def test_passages_cover_the_title_and_the_newest_snapshot_with_exact_spans(session, factory):
    source = _source(factory, None, title="Port authority yearly report")
    paste_text(session, source, "First paragraph: 120 tonnes.\n\nSecond paragraph: grain.")
    session.commit()
    article = session.get(Article, source.article_id)
    passages = source_passages(session, article)
    assert passages[0].text == "Port authority yearly report"
    assert all(p.source == "Port authority yearly report" for p in passages)
    snapshot = latest_snapshot(session, source)
    for passage in passages[1:]:
        source_id, snapshot_id, start, end = parse_passage_id(passage.id)
        assert (source_id, snapshot_id) == (source.id, snapshot.id)
        assert snapshot.text[start:end] == passage.text
    assert [p.text for p in passages[1:]] == [
        "First paragraph: 120 tonnes.",
        "Second paragraph: grain.",
    ]
    assert parse_passage_id(passages[0].id) == (source.id, None, None, None)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            b"<!doctype html><html><body><article><p>Sniffed as a page: the harbour moved 120 "
            b"tonnes of cargo in 1995, the port authority said.</p></article></body></html>",
            "Sniffed as a page",
        ),
        (b"Sniffed as text: 120 tonnes.", "Sniffed as text: 120 tonnes."),
    ],
)
def test_a_page_without_a_content_type_is_sniffed(server, body, expected):
    server.expect_request("/untyped").respond_with_handler(
        lambda _request: Response(body, headers={"Content-Type": ""})
    )
    text = fetch_url(server.url_for("/untyped"), LOCAL).text
    assert text.startswith(expected) and "<" not in text


def test_a_binary_answer_without_a_content_type_is_refused(server):
    server.expect_request("/blob").respond_with_handler(
        lambda _request: Response(b"\x00\x01\x02binary", headers={"Content-Type": ""})
    )
    with pytest.raises(FetchError, match=r"/blob: refused, the answer is binary") as caught:
        fetch_url(server.url_for("/blob"), LOCAL)
    assert caught.value.refused
