"""Security headers, cookie flags and request limits on every response."""

import pytest

from factcheck import create_app


def test_every_page_sends_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_error_pages_send_them_too(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Content-Security-Policy" in response.headers


def test_request_larger_than_the_limit_is_refused_with_a_page(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/login", data={"name": "x" * 5000})
    assert response.status_code == 413
    assert b"larger than 1 KiB" in response.data


@pytest.mark.parametrize(("production", "secure"), [(False, False), (True, True)])
def test_session_cookie_flags(app_config, production, secure):
    app_config.update(
        PRODUCTION=production, SECRET_KEY="a-real-secret", PUBLIC_BASE_URL="https://fc.example/"
    )
    app = create_app(app_config)
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["SESSION_COOKIE_SECURE"] is secure
    app.extensions["factcheck.engine"].dispose()


def test_templates_have_no_inline_scripts_or_styles():
    """The CSP forbids inline code; a template that needs it would break silently."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "templates"
    # (The HTML report, a standalone downloaded document, lives in factcheck/export/templates
    # with inline print styles, and is served under a policy of its own: see below.)
    offenders = []
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", text)
        if scripts or re.search(r"\sstyle=|<style|\son[a-z]+=", text):
            offenders.append(path.name)
    assert offenders == []


def test_the_standalone_report_may_style_itself_but_never_run_scripts(auth, client):
    auth.login("editor")
    response = client.get("/export.html")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'"
    )
    assert b"<script" not in response.data


def test_trusted_proxy_headers_give_the_client_address(app_config):
    from flask import request

    app_config["TRUSTED_PROXIES"] = 1
    app = create_app(app_config)

    @app.get("/_whoami")
    def whoami():
        return f"{request.remote_addr} {request.scheme}"

    response = app.test_client().get(
        "/_whoami", headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
    )
    assert response.text == "203.0.113.7 https"
    app.extensions["factcheck.engine"].dispose()
