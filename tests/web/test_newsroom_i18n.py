"""The first-run, add-article, users and exports pages in Indonesian: their own words and
their forms' labels and messages come from the catalogue."""

from __future__ import annotations

import pytest

from factcheck.review import firstrun

ID = {"Accept-Language": "id-ID,id;q=0.9"}


def test_the_set_up_notice_and_page_in_indonesian(app, client):
    home = client.get("/", headers=ID).get_data(as_text=True)
    assert "Penggunaan pertama: belum ada yang punya akun" in home
    assert "nobody has an account yet" not in home
    token = firstrun.issue_token(app.instance_path)
    page = client.get(f"/setup/{token}", headers=ID).get_data(as_text=True)
    assert "Siapkan factcheck" in page and "Nama pengguna Anda" in page
    refused = client.post(
        f"/setup/{token}",
        data={"name": "alice", "password": "correct horse", "confirm": "other horse"},
        headers=ID,
    ).get_data(as_text=True)
    assert "kedua kata sandi berbeda" in refused


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "/review/articles/new",
            ["Tambah artikel", "Tempel teksnya", "Teks artikel", "Kenali otomatis"],
        ),
        (
            "/review/users",
            ["Tambah pengguna", "Nama pengguna", "Ulangi kata sandi", "pemeriksa: meninjau klaim"],
        ),
        ("/review/exports", ["Ekspor", "Unduhan", "Hanya yang diterbitkan", "Log audit (CSV)"]),
    ],
)
def test_the_workspace_pages_in_indonesian(client, auth, url, words):
    auth.login("admin")
    html = client.get(url, headers=ID).get_data(as_text=True)
    for word in words:
        assert word in html, word


def test_flash_messages_in_indonesian(client, auth, session):
    auth.login("admin")
    response = client.post(
        "/review/users",
        data={"name": "budi", "role": "editor", "password": "budi-pass", "confirm": "budi-pass"},
        headers=ID,
        follow_redirects=True,
    )
    assert "budi (editor) ditambahkan" in response.get_data(as_text=True)
